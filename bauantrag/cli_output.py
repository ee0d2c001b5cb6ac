"""Output of the command line: UTF-8 whatever the terminal's locale (JSON, HTML and Markdown declare UTF-8)."""

from __future__ import annotations

import sys


def write_utf8(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
