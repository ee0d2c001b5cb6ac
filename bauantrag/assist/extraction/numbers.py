"""German numbers as written in Bauvorlagen: "1.234,5", "0,4", "7,35", "zwei", "III".

All functions work on folded text (see folding.py): lower case, umlauts folded ("fünf" is "funf").
Normalised values use "." as decimal separator and no trailing zeros ("0,40" -> "0.4", "720,00" -> "720").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# A number token: German ("1.234,56", "0,4") or plain ("1234", "7.35").
NUMBER = r"(?<![a-z\d.,#])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d#]|[.,]\d)"

WORDS = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "eines": 1, "einzig": 1, "zwei": 2, "drei": 3, "vier": 4,
    "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12,
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
         "xii": 12}
# A count: digits, a number word or a Roman numeral (longest alternatives first).
COUNT = (
    r"(?<![\w.,])(?:\d{1,3}|"
    + "|".join(sorted(WORDS, key=len, reverse=True))
    + "|"
    + "|".join(sorted(ROMAN, key=len, reverse=True))
    + r")(?![\w#]|[.,]\d|\.[a-z])"
)


def parse_decimal(token: str) -> Decimal | None:
    """The value of a number token, or None. A dot followed by exactly three digits is a thousands separator
    ("1.234" = 1234) unless the integer part is 0 ("0.400" = 0.4)."""
    token = token.strip().replace(" ", "")
    if not token:
        return None
    if "," in token:
        text = token.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", token):
        text = token.replace(".", "")
    else:
        text = token
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_count(token: str) -> int | None:
    token = token.strip()
    if token.isdigit():
        return int(token)
    if token in WORDS:
        return WORDS[token]
    return ROMAN.get(token)


def normalise_decimal(value: Decimal) -> str:
    """"0.40" -> "0.4", "720.00" -> "720", "7.350" -> "7.35"."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def normalise_number_text(text: str) -> str | None:
    """A value that is meant to be a number (e.g. a label of the corpus) in the normalised form, or None."""
    value = parse_decimal(text.replace("m³", "").replace("m3", "").replace("m", "").strip())
    return None if value is None else normalise_decimal(value)
