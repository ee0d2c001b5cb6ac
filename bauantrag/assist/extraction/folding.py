"""Folding a page's text for matching, with a map back to the original character offsets.

Text read from PDFs and by OCR differs from the clean wording of a label in ways that do not matter for
meaning: capitals, umlauts written as "ae" or lost ("Gebaude"), ß as "ss", words split at line ends
("Flur-\\nstück"), runs of spaces, typographic dashes, "m³" as "m3", an O read for a 0 inside a number.
``fold`` removes those differences. Labels are folded by the same function, so the table of patterns can be
written in ordinary German; every folded character remembers where it came from, so a match on the folded
text gives a span in the original page text (which the clerk's view highlights).

``mask_references`` additionally hides the digits of legal references ("§ 2 Abs. 3 Satz 2", "DIN 277") so
that they are never read as values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SINGLE = {
    "ä": "a", "ö": "o", "ü": "u", "à": "a", "á": "a", "é": "e", "è": "e",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "²": "2", "³": "3", "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "´": "'", "`": "'",
}
_VOWEL_E = {"a", "o", "u"}  # "ae", "oe", "ue" fold like "ä", "ö", "ü"
_LOOKS_LIKE_ONE = {"l", "I", "|"}
_LOOKS_LIKE_ZERO = {"o", "O"}
_SUPERSCRIPT_DIGITS = set("¹²³⁴⁵⁶⁷⁸⁹⁰")


def _footnote_mark(text: str, i: int) -> bool:
    """A superscript digit right after a word ("Vollgeschosse³") is a footnote mark; after the unit m ("m³",
    "12 m²") it is the unit's power."""
    if text[i] not in _SUPERSCRIPT_DIGITS or i == 0 or not text[i - 1].isalpha():
        return False
    return not (text[i - 1] in "mM" and (i == 1 or not text[i - 2].isalpha()))


@dataclass(frozen=True)
class Folded:
    text: str
    starts: tuple[int, ...]  # folded character i came from original[starts[i]:ends[i]]
    ends: tuple[int, ...]
    length: int  # length of the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the folded [start, end)."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else self.length
            return position, position
        return self.starts[start], self.ends[end - 1]


def _digitish(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isdigit()


def _letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalpha()


def _ocr_digit(text: str, i: int) -> str | None:
    """An O or l that OCR read inside a number ("1O,5", "2l0") is the digit it stands for."""
    char = text[i]
    if char not in _LOOKS_LIKE_ZERO and char not in _LOOKS_LIKE_ONE:
        return None
    before_digit = _digitish(text, i - 1) or (i >= 2 and text[i - 1] in ",." and _digitish(text, i - 2))
    after_digit = _digitish(text, i + 1) or (text[i + 1 : i + 2] in (",", ".") and _digitish(text, i + 2))
    if (before_digit and not _letter(text, i + 1)) or (after_digit and not _letter(text, i - 1)):
        return "0" if char in _LOOKS_LIKE_ZERO else "1"
    return None


def fold(text: str) -> Folded:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def put(chars: str, at: int, until: int) -> None:
        for c in chars:
            out.append(c)
            starts.append(at)
            ends.append(until)

    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char == "\u00ad":  # soft hyphen
            i += 1
            continue
        if char == "-" and out and out[-1].isalpha():
            # "Flur-\nstück": a word split at the line end joins again (only before a lower-case letter)
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] == "\n":
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k].islower():
                    i = k
                    continue
        if char.isspace():
            j = i
            newline = False
            while j < n and text[j].isspace():
                newline = newline or text[j] in "\n\r\f\v\u2028\u2029"
                j += 1
            put("\n" if newline else " ", i, j)
            i = j
            continue
        if _footnote_mark(text, i):
            put("#", i, i + 1)  # never a value: masked like a legal reference
            i += 1
            continue
        digit = _ocr_digit(text, i)
        if digit is not None:
            put(digit, i, i + 1)
            i += 1
            continue
        lower = char.lower()
        if lower == "ß":
            put("ss", i, i + 1)
        elif lower in _VOWEL_E and text[i + 1 : i + 2] in ("e", "E"):
            put(lower, i, i + 2)  # "ae" folds like "ä"; the folded "a" stands for both characters
            i += 2
            continue
        else:
            put(_SINGLE.get(lower, lower), i, i + 1)
        i += 1
    return Folded("".join(out), tuple(starts), tuple(ends), n)


_REFERENCE = re.compile(
    r"§+ ?\d+[a-z]?(?: ?\(\d+\))?(?:[ ,]{1,2}(?:abs\.?|absatz) ?\d+[a-z]?)?(?:[ ,]{1,2}(?:satz|s\.) ?\d+)?"
    r"(?:[ ,]{1,2}(?:nr\.?|nummer) ?\d+[a-z]?)?"
    r"|\bart\.? ?\d+[a-z]?(?:[ ,]{1,2}(?:abs\.?|absatz) ?\d+)?(?:[ ,]{1,2}(?:satz|s\.) ?\d+)?"
    r"(?:[ ,]{1,2}(?:nr\.?|nummer|punkt) ?\d+[a-z]?)?"
    r"|(?<![a-z])(?:abs\.|absatz) ?\d+[a-z]?(?:[ ,]{1,2}(?:satz|s\.) ?\d+)?(?:[ ,]{1,2}(?:nr\.?|nummer) ?\d+)?"
    r"|(?<![a-z])satz ?\d+(?:[ ,]{1,2}(?:nr\.?|nummer) ?\d+)?"
    r"|\bseite:? ?\d+(?: ?(?:von|/) ?\d+)?|\bblatt ?\d+(?: ?(?:von|/) ?\d+)?"
    r"|\bdin(?: en)?(?: iso)? ?\d+(?:-\d+)?(?::\d{4}(?:-\d{2})?)?"
    r"|\banlage [ivx]+ ?/ ?\d+"
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",  # dates
)


def mask_references(folded: str) -> str:
    """The folded text with the digits of legal references, DIN numbers and dates replaced by '#'."""
    return _REFERENCE.sub(lambda m: re.sub(r"\d", "#", m.group(0)), folded)


def fold_label(label: str) -> str:
    return mask_references(fold(label).text)
