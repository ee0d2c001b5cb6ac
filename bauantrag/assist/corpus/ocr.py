"""The text real OCR (Tesseract, ``deu``) yields for a scanned-looking sample, cached in a temporary directory.

Training and evaluation must see what the OCR of a scan yields, not the clean text: ``ocr_pages(sample)``
renders the sample's scanned pages (the same images as ``render_pdf``) and runs ``tesseract - - -l deu`` on each
(one thread, ``OMP_THREAD_LIMIT=1``). Results are cached under ``$TMPDIR/bauantrag-corpus-ocr/`` by a hash of the
page content, renderer version and seed — nothing is written into the repository or elsewhere.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bauantrag.assist.corpus.model import Sample
from bauantrag.assist.corpus.render import scanned_pages

RENDER_VERSION = "1"
TIMEOUT_SECONDS = 120


class OcrUnavailable(RuntimeError):
    pass


def _cache_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "bauantrag-corpus-ocr"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _key(sample: Sample) -> str:
    digest = hashlib.sha256()
    for part in (RENDER_VERSION, str(sample.seed), str(sample.style), *sample.pages):
        digest.update(part.encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_image_png(png: bytes, dpi: int) -> str:
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable("tesseract ist nicht installiert")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    result = subprocess.run(  # noqa: S603 - fixed binary and arguments
        [binary, "-", "-", "-l", "deu", "--dpi", str(dpi)],
        input=png,
        capture_output=True,
        env=env,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0:
        raise OcrUnavailable(result.stderr.decode("utf-8", "replace")[:500])
    return result.stdout.decode("utf-8", "replace")


def ocr_pages(sample: Sample, use_cache: bool = True) -> list[str]:
    """The OCR text of each page of the sample's scanned rendering."""
    cache = _cache_dir() / f"{_key(sample)}.txt"
    if use_cache and cache.exists():
        return cache.read_text(encoding="utf-8").split("\f\n")
    images, dpi = scanned_pages(sample)
    pages = []
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, "PNG")  # type: ignore[attr-defined]
        pages.append(ocr_image_png(buffer.getvalue(), dpi).replace("\f", ""))
    if use_cache:
        tmp = cache.with_suffix(".tmp")
        tmp.write_text("\f\n".join(pages), encoding="utf-8")
        tmp.replace(cache)
    return pages


def ocr_all(samples: list[Sample], workers: int = 1) -> dict[int, list[str]]:
    """OCR of every scanned sample (by index in the list); workers > 1 runs Tesseract processes in parallel."""
    todo = [i for i, s in enumerate(samples) if s.scanned]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda i: ocr_pages(samples[i]), todo))
    return dict(zip(todo, results, strict=True))
