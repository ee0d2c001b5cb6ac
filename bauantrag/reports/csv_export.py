"""CSV files for spreadsheets, safe against formula injection (CWE-1236, OWASP "CSV Injection", ASVS 1.2.10).

Format (decided for German Excel and LibreOffice, which open such a file with a double click):

* UTF-8 with byte order mark (Excel otherwise reads it as Windows-1252 and breaks umlauts);
* ``;`` as delimiter and ``,`` as decimal separator (German locale: with a decimal point Excel would read
  "12.5" as the date 12 May); every field in double quotes (RFC 4180, embedded quotes doubled); CRLF line ends;
* dates as ISO 8601 (JJJJ-MM-TT), which both programs recognise as dates;
* numbers we compute ourselves are written as plain numbers (``12,5``, never prefixed), so that they stay numbers;
  durations are never negative anyway;
* every text cell — anything that comes from data (Aktenzeichen, the Kommune's name) or from a label — goes
  through ``safe_text``: a value whose first character, or first character after leading whitespace, is ``=``,
  ``+``, ``-``, ``@``, TAB (0x09), CR (0x0D) or LF (0x0A) (or their full-width forms) gets a single quote ``'``
  in front, so the spreadsheet shows it as text instead of evaluating it. Quoting alone does not prevent
  evaluation.

Reading the file back by program: ``csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")``
and ``float(value.replace(",", "."))`` for numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

from bauantrag.formats import csv_sheet
from bauantrag.formats.csv_sheet import safe_text
from bauantrag.reports.stats import rounded

__all__ = ["Cell", "cell", "format_number", "render", "response", "safe_text"]

Cell = str | int | float | Decimal | dt.date | None


def format_number(value: int | float | Decimal, decimals: int = 1) -> str:
    """A number we computed, German notation without thousands separator: 12,5 / 3 / -0,5."""
    if isinstance(value, bool):
        raise TypeError("booleans are not numbers here")
    if isinstance(value, int):
        return str(value)
    return str(rounded(value, decimals)).replace(".", ",")


def cell(value: Cell, decimals: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("write booleans as text (ja/nein)")
    if isinstance(value, int | float | Decimal):
        return format_number(value, decimals)
    if isinstance(value, dt.datetime):
        raise TypeError("write datetimes as local dates")
    if isinstance(value, dt.date):
        return value.isoformat()
    return safe_text(str(value))


def render(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> tuple[bytes, int]:
    """The CSV document as bytes (UTF-8 with BOM) and the number of data rows (the writer of formats.csv_sheet)."""
    return csv_sheet.write(header, ([cell(value) for value in row] for row in rows))


def response(content: bytes, filename: str) -> HttpResponse:
    safe_name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in filename)
    result = HttpResponse(content, content_type="text/csv; charset=utf-8")
    result["Content-Disposition"] = f'attachment; filename="{safe_name}"'
    result["Cache-Control"] = "no-store"
    return result
