from __future__ import annotations

from typing import Any


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "ocr: runs the real Tesseract OCR (about a second per page)")
