"""OCR variants: CPU seconds per dense A4 page at 300 dpi, and what they cost in recognition quality.

    .venv/bin/python bench/ocr_variants_bench.py [--pages 3] [--tessdata-dir DIR] [--quick]

Pages are drawn here at 300 dpi in three typefaces (DejaVu Sans, DejaVu Serif, Liberation Sans where installed)
from texts whose words are known: dense running text (~450 words) and a filled-in form. Each variant runs
Tesseract one page at a time with OMP_THREAD_LIMIT=1 on the page as documents.text prepares it; CPU time is
that of the Tesseract process (RUSAGE_CHILDREN), so a busy machine does not inflate it. Quality: the word error
rate (WER) against the drawn words, and whether the extraction (extractor.py) reads the same values from the
recognised text as from the drawn text.

Variants: page segmentation mode (--psm 3 automatic, 4 one column, 6 one block), the tessdata model (Debian's
tesseract-ocr-deu, and where --tessdata-dir holds them, others, e.g. the integer "best" model of the npm package
@tesseract.js-data/deu, directory <dir>/<name>/deu.traineddata), skipping the check for inverted text
(tessedit_do_invert=0), downscaling to 200 dpi, and two pages at once on two cores (wall-clock per page).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bauantrag.assist.extraction.extractor import chosen_values, extract  # noqa: E402
from bauantrag.documents import text  # noqa: E402

FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
PROSE = (
    "Geplant ist der Ersatzneubau eines Wohnhauses auf dem Grundstück Sonnenhang 3 in Iserlohn (Gemarkung "
    "Letmathe, Flur 17, Flurstück 2210). Das Bestandsgebäude aus den fünfziger Jahren wird vollständig "
    "abgebrochen. Der Neubau erhält zwei Vollgeschosse unter einem Satteldach mit 35 Grad Neigung; das "
    "Dachgeschoss ist kein Vollgeschoss. Im Haus entstehen zwei Wohnungen, die Einliegerwohnung im Erdgeschoss "
    "ist barrierefrei erreichbar. Die Traufhöhe beträgt 6,10 m, die Firsthöhe 10,35 m jeweils über dem "
    "natürlichen Gelände. Die Außenwände werden aus Kalksandstein mit Wärmedämmverbundsystem hergestellt, die "
    "Decken sind Stahlbetonfertigteildecken. Die Entwässerung erfolgt im Trennsystem über die vorhandenen "
    "Anschlüsse in der Straße. Stellplätze werden in einer Doppelgarage an der westlichen Grenze nachgewiesen. "
)
FORM = [
    "Bauantrag (Anlage I/1 zu VV BauPrüfVO)", "Bauherrschaft: Elena und Marco Ferraro",
    "Straße, Hausnummer: Sonnenhang 3", "PLZ, Ort: 58642 Iserlohn", "Entwurfsverfasser: Jonas Kettler",
    "Mitgliedsnummer: AKNW 091233", "Gemarkung: Letmathe", "Flur: 17", "Flurstück: 2210",
    "Gebäudeklasse: 2", "Zahl der Vollgeschosse: 2", "Anzahl der Wohnungen: 2", "Brutto-Rauminhalt: 1.036,30 m³",
    "Höhe nach § 2 Abs. 3 Satz 2 BauO NRW: 5,63 m", "Traufhöhe: 6,10 m", "Firsthöhe: 10,35 m",
]


@dataclass(frozen=True)
class Variant:
    name: str
    psm: int = 3
    tessdata: str | None = None  # directory with deu.traineddata; None: Debian's
    invert: bool = True
    dpi: int = 300
    oem: int | None = None


BASELINE = Variant("Debian deu (fast), psm 3 – bisher")
CHOSEN = Variant("Debian deu, psm 3, ohne Inv., 200 dpi – gewählt", invert=False, dpi=200)


@dataclass
class Measured:
    cpu: list[float] = field(default_factory=list)
    wer: list[float] = field(default_factory=list)
    same_values: int = 0
    values_pages: int = 0


def draw(lines: list[str], font_path: str, pitch: int = 62) -> object:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_path, 40)  # 40 px at 300 dpi: about 10 pt
    image = Image.new("L", (2480, 3508), 246)
    pen = ImageDraw.Draw(image)
    y = 200
    for line in lines:
        pen.text((200, y), line, font=font, fill=20)
        y += pitch
    return image


def wrap(words: list[str], font_path: str, width: int = 2080) -> list[str]:
    from PIL import ImageFont

    font = ImageFont.truetype(font_path, 40)
    lines, line = [], ""
    for word in words:
        if font.getlength((line + " " + word).strip()) > width:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    return [*lines, line]


KINDS = ("Fließtext", "sehr dicht", "Formular")


def pages(count: int) -> list[tuple[str, list[str], object]]:
    """(kind, drawn lines, image) per installed typeface: the dense page of bench/text_bench.py (~230 words of
    running text, 80 px line pitch), a very dense one (~450 words, 62 px) and a filled-in form."""
    fonts = [f for f in FONTS if Path(f).exists()]
    made = []
    for i in range(count):
        font = fonts[i % len(fonts)]
        dense = wrap((PROSE * 3).split()[:230], font)
        made.append(("Fließtext", dense, draw(dense, font, pitch=80)))
        very = wrap((PROSE * 5).split()[:450], font)[:50]
        made.append(("sehr dicht", very, draw(very, font)))
        made.append(("Formular", FORM, draw(FORM, font)))
    return made


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(image: object, variant: Variant) -> tuple[str, float]:
    from PIL import Image

    assert isinstance(image, Image.Image)
    limits = text.Limits()
    scaled = image
    if variant.dpi != 300:
        factor = variant.dpi / 300
        scaled = image.resize((int(image.width * factor), int(image.height * factor)), Image.Resampling.BOX)
    prepared = text._prepare(scaled, limits)  # the production preparation: grey, bounded, Otsu-binarised
    buffer = io.BytesIO()
    prepared.save(buffer, "PNG", compress_level=1)
    command = [limits.tesseract, "stdin", "stdout", "-l", "deu", "--dpi", str(variant.dpi), "--psm", str(variant.psm)]
    if variant.oem is not None:
        command += ["--oem", str(variant.oem)]
    if not variant.invert:
        command += ["-c", "tessedit_do_invert=0"]
    command.append("tsv")
    env = {"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    if variant.tessdata:
        env["TESSDATA_PREFIX"] = _with_configs(variant.tessdata)
    before = cpu_children()
    result = subprocess.run(command, input=buffer.getvalue(), capture_output=True, env=env, check=True)
    recognised, _confidence = text.parse_tsv(result.stdout.decode("utf-8", "replace"))
    return recognised, cpu_children() - before


def _with_configs(directory: str) -> str:
    """A tessdata directory with the model and Debian's configs (the "tsv" output config lives there)."""
    import tempfile

    target = Path(tempfile.gettempdir()) / f"ocr-bench-{Path(directory).name}"
    target.mkdir(exist_ok=True)
    for name, source in (("deu.traineddata", Path(directory) / "deu.traineddata"),
                         ("configs", Path("/usr/share/tesseract-ocr/5/tessdata/configs"))):
        link = target / name
        if not link.exists():
            link.symlink_to(source)
    return str(target)


def wer(truth: list[str], hypothesis: list[str]) -> float:
    """Word error rate: word-level edit distance / number of true words."""
    previous = list(range(len(hypothesis) + 1))
    for i, word in enumerate(truth, start=1):
        current = [i]
        for j, other in enumerate(hypothesis, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = current
    return previous[-1] / max(1, len(truth))


def measure(variant: Variant, drawn: list[tuple[str, list[str], object]]) -> dict[str, Measured]:
    out: dict[str, Measured] = {}
    for kind, lines, image in drawn:
        recognised, cpu = run(image, variant)
        m = out.setdefault(kind, Measured())
        m.cpu.append(cpu)
        m.wer.append(wer(" ".join(lines).split(), recognised.split()))
        truth_values = chosen_values(extract(["\n".join(lines)]), certain_only=True)
        if truth_values:
            m.values_pages += 1
            m.same_values += chosen_values(extract([recognised]), certain_only=True) == truth_values
    return out


def corpus_quality(count: int, limits: object) -> tuple[float, float, float, int]:
    """Extraction on the corpus' scanned test documents (rendered with scan noise at 200–300 dpi) read by the
    production OCR (documents.text.ocr) with these limits: (precision, recall, CPU s per page, pages)."""
    from bauantrag.assist.corpus import generate
    from bauantrag.assist.corpus.render import scanned_pages
    from bauantrag.assist.extraction.evaluate import Document, score
    from bauantrag.assist.extraction.patterns import FIELDS

    assert isinstance(limits, text.Limits)
    documents, cpu, pages_read = [], 0.0, 0
    samples = [s for s in generate("test", per_class=8) if s.scanned][:count]
    for sample in samples:
        images, dpi = scanned_pages(sample)
        read = []
        for number, image in enumerate(images, start=1):
            before = cpu_children()
            recognised, _confidence = text.ocr(image, limits, number, dpi)
            cpu += cpu_children() - before
            pages_read += 1
            read.append(recognised)
        documents.append(Document(sample.variant, read, sample.fields, sample.doc_class))
    counts = score(documents, FIELDS)
    tp = sum(c.tp for c in counts.values())
    fp = sum(c.fp for c in counts.values())
    fn = sum(c.fn for c in counts.values())
    return tp / max(1, tp + fp), tp / max(1, tp + fn), cpu / max(1, pages_read), pages_read


def parallel_wall(images: list[object], variant: Variant, workers: int) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda image: run(image, variant), images))
    return (time.perf_counter() - start) / len(images)


def variants(tessdata_dir: str | None, quick: bool) -> list[Variant]:
    found = [BASELINE, Variant("Debian deu, psm 6", psm=6), Variant("Debian deu, psm 4", psm=4),
             Variant("Debian deu, psm 3, ohne Invertiert-Prüfung", invert=False),
             Variant("Debian deu, psm 4, ohne Invertiert-Prüfung", psm=4, invert=False),
             Variant("Debian deu, psm 6, ohne Invertiert-Prüfung", psm=6, invert=False),
             Variant("Debian deu, psm 4, ohne Inv., 200 dpi", psm=4, invert=False, dpi=200), CHOSEN,
             Variant("Debian deu, psm 3, ohne Inv., 150 dpi", invert=False, dpi=150)]
    if quick:
        found = [BASELINE, CHOSEN]
    if tessdata_dir:
        for sub in sorted(Path(tessdata_dir).iterdir()):
            if (sub / "deu.traineddata").exists():
                found.append(Variant(f"{sub.name}, psm 3", tessdata=str(sub)))
                found.append(Variant(f"{sub.name}, psm 4, ohne Invertiert-Prüfung", tessdata=str(sub), psm=4,
                                     invert=False))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3, help="Seiten je Art (Standard 3, je Schriftart eine)")
    parser.add_argument("--tessdata-dir", default=os.environ.get("BAUANTRAG_TESSDATA_VARIANTS"),
                        help="Verzeichnis mit weiteren Modellen, je Unterordner eine deu.traineddata")
    parser.add_argument("--quick", action="store_true", help="nur bisherige und gewählte Einstellung")
    parser.add_argument("--corpus", type=int, default=12,
                        help="gescannte Korpus-Dokumente für die Qualität des Auslesens (0: keine)")
    args, _unknown = parser.parse_known_args(argv)
    drawn = pages(max(1, min(args.pages, 6)))
    print(f"OCR-Varianten: {len(drawn)} Seiten A4, 300 dpi (Fließtext ca. 450 Wörter, Formular), OMP_THREAD_LIMIT=1;"
          " CPU-Sekunden des Tesseract-Prozesses je Seite (Median), Wortfehlerrate (WER, Mittel), Auslesen gleich wie"
          " aus dem gezeichneten Text")
    print(f"{'Variante':<52}" + "".join(f" {'CPU ' + k:>15}" for k in KINDS)
          + "".join(f" {'WER ' + k:>15}" for k in KINDS) + f" {'Werte gleich':>12}")
    for variant in variants(args.tessdata_dir, args.quick):
        try:
            result = measure(variant, drawn)
        except subprocess.CalledProcessError as exc:
            print(f"{variant.name:<52} nicht lauffähig: {exc.stderr.decode('utf-8', 'replace')[-120:]!r}")
            continue
        same = sum(result[k].same_values for k in KINDS)
        total = sum(result[k].values_pages for k in KINDS)
        print(f"{variant.name:<52}" + "".join(f" {statistics.median(result[k].cpu):>13.2f} s" for k in KINDS)
              + "".join(f" {statistics.mean(result[k].wer) * 100:>13.1f} %" for k in KINDS)
              + f" {same:>6} / {total}", flush=True)
    if args.corpus:
        before = text.Limits(ocr_dpi=10_000, ocr_invert_check=True)
        for name, limits in (("bisher (300 dpi, Invertiert-Prüfung)", before), ("gewählt (Limits())", text.Limits())):
            precision, recall, cpu, count = corpus_quality(args.corpus, limits)
            print(f"Korpus-Scans, Auslesen nach OCR, {name}: Präzision {precision * 100:.1f} %, Trefferquote "
                  f"{recall * 100:.1f} %, {cpu:.2f} CPU-s je Seite ({count} Seiten)", flush=True)
    chosen = CHOSEN
    dense = [image for kind, _lines, image in drawn if kind == "Fließtext"]
    for workers in (1, 2):
        wall = parallel_wall(dense, chosen, workers)
        print(f"Parallel ({chosen.name}), {workers} Seite(n) gleichzeitig: {wall:.2f} s Uhrzeit je Fließtextseite"
              f" (Last {os.getloadavg()[0]:.1f} bei {os.cpu_count()} Kernen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
