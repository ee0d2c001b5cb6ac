"""The text of a Bauvorlage, page by page: the PDF's text layer (pypdfium2), or OCR (Tesseract, German).

No Django here. A PDF page whose text layer has fewer than `Limits.min_chars` letters and digits (a scan, a
plan exported without text, a font without a Unicode map) and that shows something (an image, drawn paths,
glyphs that do not map to letters) is rendered at 300 dpi, read at 200 dpi (averaged down), binarised and read
by Tesseract (automatic page segmentation, no retry of weak lines inverted; see Limits). Images
(PNG, JPEG, TIFF, each frame a page) always go through Tesseract.

`run_isolated()` is what the background task uses: it starts this module in a child process (`python -I`,
`child_main`) with an address-space limit and a minimal environment (no secrets, no database),
feeds it the decrypted file on stdin (the plaintext never touches the disk) and reads one JSON line per page.
A page that takes longer than the per-page limit, a crash in native code (pdfium, libpng, Tesseract) or
running out of the memory limit ends that child, never the worker; the caller gets a `TextError` with a code
that it turns into a German message.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import math
import os
import re
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
import unicodedata
import warnings
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PDF_TEXT = "pdf_text"  # documents.models.TextMethod values
OCR = "ocr"

IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/tiff": "TIFF"}
KINDS = ("pdf", *IMAGE_FORMATS)

_ROOT = Path(__file__).resolve().parents[2]  # the directory holding the bauantrag package
_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); from bauantrag.documents.text import child_main; "
         "sys.exit(child_main(sys.argv[2:]))")
STARTUP_ALLOWANCE = 15.0  # seconds for the child to start and open the file before the first page
_OBJECT_SCAN_LIMIT = 5000  # page objects looked at to decide whether an almost empty page shows anything


@dataclass(frozen=True)
class Limits:
    max_pages: int = 300
    max_image_pixels: int = 100_000_000  # declared size of an uploaded image (documents.images.MAX_PIXELS)
    ocr_max_pixels: int = 40_000_000  # a page is rendered for OCR at `dpi` or less, never above this
    dpi: int = 300  # a PDF page without text is rendered at this resolution
    ocr_dpi: int = 200  # Tesseract reads the page at this resolution (finer pages are scaled down first)
    ocr_psm: int = 3  # page segmentation: 3 = automatic (columns, tables, plan headers)
    ocr_invert_check: bool = False  # Tesseract retrying each weak line inverted (white on black); rare in Bauvorlagen
    ocr_workers: int = 1  # scanned pages of one PDF recognised at once (one Tesseract process each; ≤ cores)
    page_timeout: float = 60.0  # seconds per page (rendering and OCR)
    memory_mb: int = 1024  # address space of the child process (and of Tesseract, which inherits it)
    min_chars: int = 20  # letters and digits a text layer needs to be trusted without OCR
    max_page_chars: int = 200_000
    max_input_bytes: int = 64 * 1024 * 1024
    tesseract: str = "/usr/bin/tesseract"
    language: str = "deu"


@dataclass(frozen=True)
class Total:
    pages: int


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str
    method: str  # PDF_TEXT or OCR
    confidence: float | None = None  # mean Tesseract word confidence, 0–100


@dataclass(frozen=True)
class FormField:
    """A filled-in field of a PDF form (AcroForm): its name, tooltip (/TU), value and 1-based page (0: unknown)."""

    name: str
    tooltip: str
    value: str
    page: int
    kind: str  # "text", "checkbox", "choice", "radio"


@dataclass(frozen=True)
class Fields:
    fields: list[FormField]


Event = Total | Page | Fields
MAX_FORM_FIELDS = 2000
MAX_FIELD_CHARS = 500


class TextError(Exception):
    """Reading failed. `code` says why (see CODES); `params` carry numbers for the message."""

    CODES = ("encrypted", "broken", "empty", "too_many_pages", "too_large", "timeout", "memory", "image_broken",
             "image_too_large", "ocr_missing", "ocr_failed", "crashed", "unsupported")

    def __init__(self, code: str, page: int | None = None, **params: Any) -> None:
        super().__init__(f"{code} (page {page})" if page else code)
        self.code = code
        self.page = page
        self.params = params

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.code, "page": self.page, "params": self.params}


# --- cleaning and measuring text -------------------------------------------------------------------------------

# Control characters but tab and newline, surrogates, private use, non-characters and the replacement character:
# nothing a reader can use (PostgreSQL refuses NUL; fonts without a Unicode map give private-use codes).
_UNUSABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffd-\uffff"
                       "\U000f0000-\U0010ffff]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def clean(text: str, limit: int = 200_000) -> str:
    """Unix newlines, no NUL or other unusable characters, NFC, no trailing blanks, bounded length."""
    text = _UNUSABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _TRAILING_SPACE.sub("", unicodedata.normalize("NFC", text))
    return text.strip("\n")[:limit]


def letters(text: str) -> int:
    """Letters and digits (umlauts included): what counts as readable text."""
    return sum(1 for ch in text if ch.isalnum())


def has_letters(text: str, wanted: int) -> bool:
    """At least `wanted` letters or digits (stops counting there)."""
    count = 0
    for ch in text:
        if ch.isalnum():
            count += 1
            if count >= wanted:
                return True
    return wanted <= 0


# --- OCR ------------------------------------------------------------------------------------------------------

def otsu_threshold(histogram: list[int]) -> int:
    """Otsu's global threshold of a 256-bin grey histogram (what Tesseract itself does by default)."""
    total = sum(histogram)
    if not total:
        return 128
    sum_all = sum(i * h for i, h in enumerate(histogram))
    sum_back = weight_back = 0
    best, best_var = 128, -1.0
    for level, count in enumerate(histogram):
        weight_back += count
        if not weight_back:
            continue
        weight_fore = total - weight_back
        if not weight_fore:
            break
        sum_back += level * count
        mean_back = sum_back / weight_back
        mean_fore = (sum_all - sum_back) / weight_fore
        between = weight_back * weight_fore * (mean_back - mean_fore) ** 2
        if between > best_var:
            best, best_var = level, between
    return best


def _prepare(image: Any, limits: Limits, dpi: int | None = None) -> Any:
    """Grey, at most ocr_max_pixels and ocr_dpi (averaged down, which also smooths scan noise), binarised: 1 bit
    per pixel, which Tesseract reads fastest. A page at 300 dpi read at 200 dpi costs about a third less CPU with
    the same words recognised (bench/ocr_variants_bench.py)."""
    from PIL import Image

    grey = image if image.mode == "L" else image.convert("L")
    width, height = grey.size
    factor = 1.0
    if dpi is not None and dpi > limits.ocr_dpi:
        factor = limits.ocr_dpi / dpi
    if width * height * factor * factor > limits.ocr_max_pixels:
        factor = math.sqrt(limits.ocr_max_pixels / (width * height))
    if factor < 1.0:
        grey = grey.resize((max(1, int(width * factor)), max(1, int(height * factor))), Image.Resampling.BOX)
    threshold = otsu_threshold(grey.histogram())
    return grey.point(lambda value: 255 if value > threshold else 0, mode="1")


def parse_tsv(tsv: str) -> tuple[str, float | None]:
    """Tesseract's TSV output → text (lines, blank line between blocks/paragraphs) and mean word confidence."""
    lines: list[str] = []
    current: tuple[str, ...] | None = None
    paragraph: tuple[str, ...] | None = None
    words: list[str] = []
    confidences: list[float] = []

    def flush() -> None:
        if words:
            lines.append(" ".join(words))
            words.clear()

    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        word = cells[11].strip()
        if not word:
            continue
        key = tuple(cells[1:5])
        if key != current:
            flush()
            if paragraph is not None and key[:3] != paragraph and lines:
                lines.append("")
            current, paragraph = key, key[:3]
        words.append(word)
        try:
            confidence = float(cells[10])
        except ValueError:
            continue
        if confidence >= 0:
            confidences.append(confidence)
    flush()
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return "\n".join(lines), mean


def ocr(image: Any, limits: Limits, page: int, dpi: int | None = None) -> tuple[str, float | None]:
    """Run Tesseract on one image (PIL) through pipes; one thread (OMP_THREAD_LIMIT=1), killed after the timeout."""
    png, dpi = ocr_input(image, limits, dpi)
    return recognise(png, dpi, limits, page)


def ocr_input(image: Any, limits: Limits, dpi: int | None = None) -> tuple[bytes, int | None]:
    """The page image prepared for Tesseract (_prepare) as PNG, and its resolution."""
    prepared = _prepare(image, limits, dpi)
    if dpi is not None and prepared.size != image.size:
        dpi = max(1, round(dpi * prepared.size[0] / image.size[0]))
    buffer = io.BytesIO()
    prepared.save(buffer, "PNG", compress_level=1)
    del prepared
    return buffer.getvalue(), dpi


def recognise(png: bytes, dpi: int | None, limits: Limits, page: int) -> tuple[str, float | None]:
    """Tesseract on a prepared PNG: the text and the mean word confidence. Thread-safe (a child process)."""
    command = [limits.tesseract, "stdin", "stdout", "-l", limits.language, "--psm", str(limits.ocr_psm)]
    if dpi and 70 <= dpi <= 2400:
        command += ["--dpi", str(dpi)]
    if not limits.ocr_invert_check:
        command += ["-c", "tessedit_do_invert=0", "-c", "invert_threshold=0"]
    command.append("tsv")
    env = {"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    if os.environ.get("TESSDATA_PREFIX"):
        env["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, no shell, arguments from our own settings
            command, input=png, capture_output=True, timeout=limits.page_timeout, env=env, check=False,
        )
    except FileNotFoundError:
        raise TextError("ocr_missing", page) from None
    except subprocess.TimeoutExpired:
        raise TextError("timeout", page, seconds=limits.page_timeout) from None
    if result.returncode != 0:
        raise TextError("ocr_failed", page, detail=result.stderr.decode("utf-8", "replace")[-300:])
    text, confidence = parse_tsv(result.stdout.decode("utf-8", "replace"))
    return clean(text, limits.max_page_chars), confidence


# --- PDF ------------------------------------------------------------------------------------------------------

def _pdfium() -> Any:
    """pypdfium2 (pinned 5.15.2), imported on first use: the web process never loads pdfium. It has no types."""
    return importlib.import_module("pypdfium2")


def _shows_something(page: Any, raw: str) -> bool:
    """Whether an almost text-less page has something OCR could read: images, drawn paths, unmapped glyphs."""
    pdfium_c = _pdfium().raw

    if sum(1 for ch in raw if not ch.isspace()) - letters(raw) > 10:
        return True  # glyphs whose text is no letters (a font without a Unicode map gives symbols or nothing)
    wanted = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)
    for seen, obj in enumerate(page.get_objects(max_depth=4), start=1):
        if obj.type in wanted or seen > _OBJECT_SCAN_LIMIT:
            return True
    return False


def _render(page: Any, limits: Limits) -> tuple[Any, int]:
    """The page as a grey PIL image at `dpi`, scaled down to stay within ocr_max_pixels; and the dpi used."""
    width, height = page.get_width(), page.get_height()  # PDF points, 1/72 inch
    scale = min(limits.dpi, limits.ocr_dpi) / 72  # rendered right at the resolution OCR reads
    if width * height * scale * scale > limits.ocr_max_pixels:
        scale = math.sqrt(limits.ocr_max_pixels / (width * height)) * 0.999
    bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
    try:
        image = bitmap.to_pil().copy()  # to_pil shares the bitmap's buffer; copy before closing it
    finally:
        bitmap.close()
    return image, round(scale * 72)


@dataclass
class _Pending:
    """A page waiting for Tesseract: its text layer, and the recognition running (or run) on a worker thread."""

    number: int
    layer: str
    result: Future[tuple[str, float | None]]

    def page(self) -> Page:
        recognised, confidence = self.result.result()
        if letters(recognised) > letters(self.layer):
            return Page(self.number, recognised, OCR, confidence)
        return Page(self.number, self.layer, PDF_TEXT)


def _read_pdf_page(page: Any, number: int, limits: Limits, pool: ThreadPoolExecutor) -> Page | _Pending:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
    finally:
        textpage.close()
    layer = clean(raw, limits.max_page_chars)
    if has_letters(layer, limits.min_chars) or not _shows_something(page, raw):
        return Page(number, layer, PDF_TEXT)
    width, height = page.get_width(), page.get_height()
    if width < 1 or height < 1:
        return Page(number, layer, PDF_TEXT)
    image, dpi = _render(page, limits)  # pdfium and Pillow here, in this thread; only Tesseract on the workers
    try:
        png, dpi_read = ocr_input(image, limits, dpi)
    finally:
        image.close()
    return _Pending(number, layer, pool.submit(recognise, png, dpi_read, limits, number))


def read_pdf(data: bytes, limits: Limits, first_page: int = 1) -> Iterator[Event]:
    """Total first, then one Page per page from `first_page` on; one page in memory at a time."""
    pdfium = _pdfium()
    pdfium_c = pdfium.raw
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise TextError("encrypted") from None
        raise TextError("broken") from None
    try:
        count = len(pdf)
        if count < 1:
            raise TextError("empty")
        if count > limits.max_pages:
            raise TextError("too_many_pages", pages=count, max=limits.max_pages)
        yield Total(count)
        yield from _pages_in_order(pdf, pdfium, count, limits, first_page)
    finally:
        pdf.close()


def _pages_in_order(pdf: Any, pdfium: Any, count: int, limits: Limits, first_page: int) -> Iterator[Page]:
    """The pages in order; up to ocr_workers scanned pages are recognised at once (one Tesseract each), so a
    multi-core worker reads a scanned document faster, while the CPU time per page stays the same."""
    workers = max(1, limits.ocr_workers)
    waiting: deque[Page | _Pending] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        try:
            for index in range(max(0, first_page - 1), count):
                try:
                    page = pdf[index]
                except pdfium.PdfiumError:
                    raise TextError("broken", index + 1) from None
                try:
                    waiting.append(_read_pdf_page(page, index + 1, limits, pool))
                finally:
                    page.close()
                while waiting and (isinstance(waiting[0], Page) or len(waiting) > workers):
                    first = waiting.popleft()
                    yield first if isinstance(first, Page) else first.page()
            while waiting:
                first = waiting.popleft()
                yield first if isinstance(first, Page) else first.page()
        finally:
            for pending in waiting:
                if isinstance(pending, _Pending):
                    pending.result.cancel()


# --- form fields (AcroForm) -------------------------------------------------------------------------------------

def read_form_fields(data: bytes) -> list[FormField]:
    """The filled-in fields of a PDF form, exactly as stored (/V), with name and tooltip; blank fields are left out.

    pikepdf (qpdf) reads the field tree; a broken or field-less PDF gives no fields (its text is still read)."""
    pikepdf = importlib.import_module("pikepdf")
    found: list[FormField] = []
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            form = pdf.Root.get("/AcroForm")
            if form is None or "/Fields" not in form:
                return []
            pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
            stack = [(field, "", "") for field in form.Fields]
            seen = 0
            while stack and len(found) < MAX_FORM_FIELDS and seen < MAX_FORM_FIELDS * 5:
                field, parent_name, parent_type = stack.pop(0)
                seen += 1
                name = ".".join(n for n in (parent_name, _pdf_text(field.get("/T"))) if n)
                kind = str(field.get("/FT", parent_type))
                kids = field.get("/Kids")
                if kids is not None and any("/T" in kid for kid in kids):
                    stack.extend((kid, name, kind) for kid in kids)
                    continue
                item = _form_field(field, name, kind, pages)
                if item is not None:
                    found.append(item)
    except Exception:
        return found
    return found


def _pdf_text(value: Any) -> str:
    if value is None:
        return ""
    return clean(str(value), MAX_FIELD_CHARS).strip()


def _form_field(field: Any, name: str, kind: str, pages: dict[Any, int]) -> FormField | None:
    value = field.get("/V")
    if value is None:
        return None
    page = 0
    widget = field if "/P" in field else next(iter(field.get("/Kids", [])), None)
    if widget is not None and "/P" in widget:
        page = pages.get(widget.P.objgen, 0)
    tooltip = _pdf_text(field.get("/TU"))
    if kind == "/Btn":
        state = str(value).lstrip("/")
        if state in ("", "Off"):
            return None  # an unticked box
        return FormField(name, tooltip, state, page, "checkbox")
    text = _pdf_text(value)
    if not text:
        return None
    return FormField(name, tooltip, text, page, "choice" if kind == "/Ch" else "text")


# --- images ---------------------------------------------------------------------------------------------------

def read_image(data: bytes, content_type: str, limits: Limits, first_page: int = 1) -> Iterator[Event]:
    """PNG, JPEG or TIFF (each frame a page), OCR'd; the declared size is checked before any pixel is decoded."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    fmt = IMAGE_FORMATS.get(content_type)
    if fmt is None:
        raise TextError("unsupported")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[fmt]) as image:
                frames = int(getattr(image, "n_frames", 1))
                if frames > limits.max_pages:
                    raise TextError("too_many_pages", pages=frames, max=limits.max_pages)
                yield Total(frames)
                for index in range(max(0, first_page - 1), frames):
                    if index:
                        image.seek(index)
                    width, height = image.size
                    if width * height > limits.max_image_pixels:
                        raise TextError("image_too_large", index + 1, width=width, height=height)
                    dpi = _image_dpi(image)
                    if fmt == "JPEG" and width * height > limits.ocr_max_pixels:
                        image.draft("L", (width // 2, height // 2))
                    frame = ImageOps.exif_transpose(image.convert("L")) if fmt == "JPEG" else image.convert("L")
                    try:
                        text, confidence = ocr(frame, limits, index + 1, dpi)
                    finally:
                        frame.close()
                    yield Page(index + 1, text, OCR, confidence)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TextError("image_too_large") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, EOFError, struct.error):
        raise TextError("image_broken") from None


def _image_dpi(image: Any) -> int | None:
    value = image.info.get("dpi")
    try:
        dpi = round(float(value[0])) if value else 0
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 70 <= dpi <= 2400 else None


def read(data: bytes, kind: str, limits: Limits, first_page: int = 1) -> Iterator[Event]:
    """kind: "pdf" or an image content type (see IMAGE_FORMATS)."""
    if len(data) > limits.max_input_bytes:
        raise TextError("too_large", size=len(data), max=limits.max_input_bytes)
    if kind == "pdf":
        return read_pdf(data, limits, first_page)
    return read_image(data, kind, limits, first_page)


# --- isolation: the child process and its parent --------------------------------------------------------------

@dataclass
class _Pipe:
    partial: bytes = b""
    tail: bytes = b""  # the last bytes of stderr, for the log


_LAST = threading.local()


def last_child_peak_kib() -> int | None:
    """Peak memory (KiB) the last child started in this thread reported; None if none reported (yet)."""
    return getattr(_LAST, "peak_kib", None)


def forget_last_child_peak() -> None:
    _LAST.peak_kib = None


def run_isolated(data: bytes, kind: str, limits: Limits, first_page: int = 1) -> Iterator[Event]:
    """Like read(), in a child process with limits on memory and time. Raises TextError."""
    forget_last_child_peak()
    if kind not in KINDS:
        raise TextError("unsupported")
    if len(data) > limits.max_input_bytes:
        raise TextError("too_large", size=len(data), max=limits.max_input_bytes)
    # -I: no environment variables, no user site, no current directory on sys.path; the package root explicitly.
    command = [sys.executable, "-I", "-c", _BOOT, str(_ROOT), kind, json.dumps(asdict(limits)), str(first_page)]
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "OMP_THREAD_LIMIT": "1"}
    if os.environ.get("TESSDATA_PREFIX"):
        env["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no shell
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        start_new_session=True,  # its own process group: a timeout kills Tesseract too
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    feeder = threading.Thread(target=_feed, args=(process.stdin, data), daemon=True)
    feeder.start()
    out, err = _Pipe(), _Pipe()
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, out)
    selector.register(process.stderr, selectors.EVENT_READ, err)
    deadline = time.monotonic() + STARTUP_ALLOWANCE + limits.page_timeout
    current_page = first_page
    finished = False
    try:
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TextError("timeout", current_page, seconds=limits.page_timeout)
            for key, _mask in selector.select(timeout=min(remaining, 1.0)):
                pipe: _Pipe = key.data
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                    continue
                if pipe is err:
                    err.tail = (err.tail + chunk)[-4000:]
                    continue
                pipe.partial += chunk
                *complete, pipe.partial = pipe.partial.split(b"\n")
                for line in complete:
                    try:
                        message = json.loads(line)
                    except ValueError:
                        continue  # not ours (a library writing to stdout); the protocol lines are JSON
                    if "error" in message:
                        _LAST.peak_kib = message.get("peak_kib")
                        raise TextError(message["error"], message.get("page"), **message.get("params", {}))
                    if message.get("end"):
                        finished = True
                        _LAST.peak_kib = message.get("peak_kib")
                        continue
                    event: Event
                    if "fields" in message:
                        event = Fields([FormField(**f) for f in message["fields"][:MAX_FORM_FIELDS]])
                    elif "total" in message:
                        event = Total(message["total"])
                    else:
                        event = Page(message["number"], message["text"], message["method"], message.get("confidence"))
                    if isinstance(event, Page):
                        current_page = event.number + 1
                    yield event
                    deadline = time.monotonic() + limits.page_timeout + 5  # the caller's time does not count
        try:
            code = process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            raise TextError("timeout", current_page, seconds=limits.page_timeout) from None
        if not finished:
            if b"MemoryError" in err.tail or code == -signal.SIGKILL:
                raise TextError("memory", current_page)
            raise TextError("crashed", current_page, exit_code=code, detail=err.tail.decode("utf-8", "replace")[-300:])
    finally:
        selector.close()
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()
        feeder.join(timeout=5)


def _feed(stream: Any, data: bytes) -> None:
    try:
        for start in range(0, len(data), 1024 * 1024):
            stream.write(data[start: start + 1024 * 1024])
        stream.close()
    except (BrokenPipeError, OSError, ValueError):
        pass  # the child ended early (error, timeout); the reader reports why


def child_main(argv: list[str]) -> int:
    """The child process: limits first, then the file from stdin, one JSON line per event to stdout."""
    import resource

    kind, raw_limits, first_page = argv[0], argv[1], int(argv[2])
    limits = Limits(**json.loads(raw_limits))
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    out = sys.stdout

    def emit(message: dict[str, Any]) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    try:
        data = sys.stdin.buffer.read(limits.max_input_bytes + 1)
        for event in read(data, kind, limits, first_page):
            emit({"total": event.pages} if isinstance(event, Total) else asdict(event))
        if kind == "pdf":
            emit({"fields": [asdict(f) for f in read_form_fields(data)]})
    except TextError as exc:
        emit({**exc.as_dict(), "peak_kib": _peak_kib()})
        return 0
    except MemoryError:
        emit({**TextError("memory").as_dict(), "peak_kib": _peak_kib()})
        return 0
    emit({"end": True, "peak_kib": _peak_kib()})
    return 0


def _peak_kib() -> int:
    """The child's own peak memory, and that of the Tesseract runs it waited for (KiB), for the record.

    Its own peak is VmHWM of this process image: ru_maxrss would still hold the forking parent's size, as it
    survives fork and exec."""
    import resource

    own = 0
    with contextlib.suppress(OSError, ValueError), Path("/proc/self/status").open(encoding="ascii") as status:
        own = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
