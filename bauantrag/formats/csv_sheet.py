"""CSV files for spreadsheets and import interfaces, safe against formula injection (CWE-1236, OWASP "CSV
Injection", ASVS 1.2.10): the one writer the statistics (reports) and the cash-system export (fees) share.

UTF-8 with byte order mark (Excel otherwise reads Windows-1252), ``;`` as delimiter (German locale), every field in
double quotes (RFC 4180, embedded quotes doubled), CRLF line ends. Text cells go through ``safe_text``: a value whose
first character, or first character after leading whitespace, is ``=``, ``+``, ``-``, ``@``, TAB, CR or LF (or
their full-width forms) gets a single quote in front, so the spreadsheet shows it as text; quoting alone does not
prevent evaluation. How numbers and dates are written is the caller's (German decimal comma, ISO or TT.MM.JJJJ).
Pure Python (no Django).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

#: Characters that make a spreadsheet treat the cell as a formula (OWASP), plus LF and the full-width forms
#: (U+FF1D = U+FF0B + U+FF0D - U+FF20 @), which some spreadsheets also accept.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
BOM = "\ufeff"
DELIMITER = ";"


def safe_text(value: str) -> str:
    """The text with a leading ``'`` if a spreadsheet would otherwise evaluate it as a formula."""
    if not value:
        return value
    stripped = value.lstrip()
    if value[0] in FORMULA_TRIGGERS or (stripped and stripped[0] in FORMULA_TRIGGERS):
        return "'" + value
    return value


def write(header: Sequence[str], rows: Iterable[Sequence[str]]) -> tuple[bytes, int]:
    """The CSV document as bytes and the number of data rows. ``rows`` are cells already written as text by the
    caller (text cells through ``safe_text``, numbers as the caller formats them); the header is made safe here."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([safe_text(str(name)) for name in header])
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return (BOM + buffer.getvalue()).encode("utf-8"), count
