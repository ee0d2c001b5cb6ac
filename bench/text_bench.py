"""Benchmark of reading Bauvorlagen: text layer (pypdfium2) in pages per second, OCR (Tesseract, German, pages of
300 dpi read at Limits.ocr_dpi, one thread: OMP_THREAD_LIMIT=1) in seconds per page. The variants behind the chosen
settings: bench/ocr_variants_bench.py.

    .venv/bin/python bench/text_bench.py [-n 3] [--text-pages 50] [--scan-pages 4]

All files are made here: a text PDF by WeasyPrint; two scanned PDFs from Pillow pages drawn with DejaVu Sans at
300 dpi (no text layer): form-like pages and dense running text (OCR time grows with the words on the page).
Prints median and 95th percentile, wall-clock and CPU time (robust on a busy machine: Tesseract's CPU time is
counted through RUSAGE_CHILDREN). Budget: OCR ≤ 1 s per page on one core.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract is called with it anyway; this pins the parent too

from bauantrag.documents import text  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
OCR_BUDGET_S = 1.0
PARAGRAPH = (
    "Das Grundstück Flurstück 123/4 der Gemarkung Unna hat eine Größe von 612 m². Geplant ist der Neubau eines "
    "freistehenden Einfamilienhauses mit zwei Vollgeschossen, Satteldach mit 38° Dachneigung und einem Carport. "
    "Die überbaute Fläche beträgt 98 m², die Grundflächenzahl 0,16; die Abstandsflächen nach § 6 BauO NRW "
    "werden auf dem eigenen Grundstück eingehalten. Außenwände: Kalksandstein mit Wärmedämmverbundsystem."
)


def text_pdf(pages: int) -> bytes:
    from weasyprint import HTML

    body = "".join(
        f'<section style="page-break-after: always"><h1>Baubeschreibung – Seite {n}</h1>'
        + f"<p>{PARAGRAPH}</p>" * 6 + "</section>"
        for n in range(1, pages + 1)
    )
    return bytes(HTML(string=f'<html lang="de"><body>{body}</body></html>').write_pdf())


FORM_LINES = (
    "Bauantrag – Angaben zum Grundstück", "Gemarkung: Unna", "Flur: 7", "Flurstück: 123/4",
    "Größe des Grundstücks: 612 m²", "Straße, Hausnummer: Lindenweg 12", "Bauherrschaft: Erika Mustermann",
    "Entwurfsverfasserin: Dipl.-Ing. Petra Schäfer", "Gebäudeklasse: 1", "Vollgeschosse: 2",
    "Brutto-Grundfläche: 186 m²", "Brutto-Rauminhalt: 720 m³", "Datum: 12.03.2026   Unterschrift",
)


def scanned_pdf(pages: int, dense: bool) -> bytes:
    """A4 pages at 300 dpi, grey, no text layer: a form-like page (short lines) or a dense page of running text."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 40)
    words = PARAGRAPH.split()
    images = []
    for number in range(pages):
        image = Image.new("L", (2480, 3508), 248)
        draw = ImageDraw.Draw(image)
        draw.text((200, 180), f"Baubeschreibung – Blatt {number + 1}", font=font, fill=15)
        y = 300
        if not dense:
            for line in FORM_LINES:
                draw.text((200, y), line, font=font, fill=25)
                draw.line((200, y + 60, 2200, y + 60), fill=120, width=3)
                y += 110
        else:
            line = ""
            for word in words * 4:
                if draw.textlength(line + " " + word, font=font) > 2000:
                    draw.text((200, y), line, font=font, fill=25)
                    line, y = word, y + 80
                else:
                    line = (line + " " + word).strip()
            draw.text((200, y), line, font=font, fill=25)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return out.getvalue()


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (Tesseract): robust against a busy machine."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def per_page_times(data: bytes, limits: text.Limits) -> tuple[float, list[float], list[float], list[text.Page]]:
    """Total seconds, and wall-clock and CPU seconds of each page (from the previous event to this page)."""
    timings: list[float] = []
    cpu: list[float] = []
    pages: list[text.Page] = []
    start = last = time.perf_counter()
    last_cpu = cpu_seconds()
    for event in text.read(data, "pdf", limits):
        now, now_cpu = time.perf_counter(), cpu_seconds()
        if isinstance(event, text.Page):
            timings.append(now - last)
            cpu.append(now_cpu - last_cpu)
            pages.append(event)
        last, last_cpu = now, now_cpu
    return time.perf_counter() - start, timings, cpu, pages


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=3, help="Durchläufe (Standard 3)")
    parser.add_argument("--text-pages", type=int, default=50, help="Seiten des Text-PDF (Standard 50)")
    parser.add_argument("--scan-pages", type=int, default=4, help="Seiten je gescanntem PDF (Standard 4)")
    args, _unknown = parser.parse_known_args(argv)
    runs = max(1, min(args.runs, 20))  # make bench passes its -n to every bench; OCR runs are long
    limits = text.Limits()

    document = text_pdf(args.text_pages)
    rates, cpu_rates, isolated_rates = [], [], []
    for _ in range(runs):
        seconds, _timings, cpu, pages = per_page_times(document, limits)
        assert all(p.method == text.PDF_TEXT for p in pages) and "Flurstück" in pages[0].text
        rates.append(len(pages) / seconds)
        cpu_rates.append(len(pages) / sum(cpu))
        start = time.perf_counter()
        count = sum(1 for event in text.run_isolated(document, "pdf", limits) if isinstance(event, text.Page))
        isolated_rates.append(count / (time.perf_counter() - start))
    print(f"Textebene (pypdfium2), {args.text_pages} Seiten, {runs} Durchläufe")
    print(f"  im Prozess:               Median {statistics.median(rates):8.0f} Seiten/s "
          f"({statistics.median(cpu_rates):.0f} Seiten je CPU-Sekunde)")
    print(f"  im begrenzten Kindprozess: Median {statistics.median(isolated_rates):7.0f} Seiten/s "
          "(mit Prozessstart)")

    within = True
    for label, dense in (("Formularseite, ca. 40 Wörter", False), ("Fließtextseite, ca. 230 Wörter", True)):
        scan = scanned_pdf(args.scan_pages, dense)
        ocr_times: list[float] = []
        ocr_cpu: list[float] = []
        confidences: list[float] = []
        for _ in range(runs):
            _seconds, timings, cpu, pages = per_page_times(scan, limits)
            assert all(p.method == text.OCR for p in pages) and "Flurstück" in pages[0].text, pages[0].text[:200]
            ocr_times += timings
            ocr_cpu += cpu
            confidences += [p.confidence for p in pages if p.confidence is not None]
        print(f"OCR {label} (Tesseract {limits.language}, Seite {limits.dpi} dpi, gelesen mit {limits.ocr_dpi} dpi, "
              f"psm {limits.ocr_psm}, OMP_THREAD_LIMIT=1), "
              f"{args.scan_pages} Seiten × {runs} Durchläufe, je Seite Rendern + Binarisieren + Erkennen")
        print(f"  Sekunden je Seite (Uhr):  Median {statistics.median(ocr_times):6.2f}   p95 {p95(ocr_times):6.2f}   "
              f"(mittlere Wortsicherheit {statistics.mean(confidences):.1f})")
        cpu_median = statistics.median(ocr_cpu)
        print(f"  CPU-Sekunden je Seite:    Median {cpu_median:6.2f}   p95 {p95(ocr_cpu):6.2f}")
        within = within and cpu_median <= OCR_BUDGET_S
    verdict = "eingehalten" if within else "ÜBERSCHRITTEN"
    print(f"Budget {OCR_BUDGET_S:.0f} s je Seite auf einem Kern (CPU-Zeit, Median): {verdict} "
          f"(Last auf der Maschine: {os.getloadavg()[0]:.1f} bei {os.cpu_count()} Kernen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
