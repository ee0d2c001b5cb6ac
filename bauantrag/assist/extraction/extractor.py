"""Key data of a Bauvorlage, read by rules from its page texts, each value with the span it came from.

    extract(pages) -> [Extracted(field, value, raw, page, start, end, confidence, rule, chosen)]

``page`` is 1-based; ``start``/``end`` are character offsets into that page's text, so that
``pages[page - 1][start:end] == raw`` (the label together with the value, e.g. "3 Vollgeschosse"). ``value``
is normalised: numbers with "." as decimal separator and no trailing zeros ("0.4", "7.35", "720"), whole
numbers as digits, names and places as written (whitespace collapsed).

What is read is the table in patterns.py; how a text is made tolerant of OCR noise is folding.py.

One value per field is *chosen* (``chosen=True``): the one with the highest confidence, on a tie the first on
the earliest page. Other values found for the field are kept (``chosen=False``), one entry per distinct value:
a document that says "2 Vollgeschosse" on one page and "III Vollgeschosse" on another contradicts itself, and
the clerk should see that. Figures stated as the Bebauungsplan's permitted maximum ("GRZ zulässig 0,4") are
kept with the rule suffix ``.zulaessig`` and are never chosen: they are not the project's own figures.

Pure Python, no Django: the worker, the evaluation and the tests call it directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from bauantrag.assist.extraction import acroform, certainty
from bauantrag.assist.extraction.folding import Folded, fold, fold_label, mask_references
from bauantrag.assist.extraction.numbers import (
    COUNT,
    NUMBER,
    ROMAN,
    WORDS,
    normalise_decimal,
    parse_count,
    parse_decimal,
)
from bauantrag.assist.extraction.patterns import PATTERNS, RANGES, Pattern
from bauantrag.assist.extraction.qualifiers import PERMITTED_RE as _PERMITTED_RE
from bauantrag.assist.extraction.qualifiers import column_qualifiers as _column_qualifiers
from bauantrag.assist.extraction.qualifiers import is_permitted as _is_permitted

EXTRACTOR_VERSION = "regeln-2026.5"  # .5: certain only where the classified kind carries the field (kinds.py)
PERMITTED = ".zulaessig"


@dataclass(frozen=True)
class Extracted:
    field: str
    value: str
    raw: str
    page: int
    start: int
    end: int
    confidence: float
    rule: str
    chosen: bool = False
    doubt: str = ""  # why the extractor is not sure (certainty.py); empty: certain

    @property
    def certain(self) -> bool:
        return not self.doubt

    @property
    def permitted(self) -> bool:
        """A figure the document gives as the plan's permitted value, not the project's."""
        return self.rule.endswith(PERMITTED)


@dataclass(frozen=True)
class _Page:
    number: int
    text: str
    folded: Folded
    search: str  # folded text with legal references masked

    def original(self, start: int, end: int) -> tuple[int, int, str]:
        a, b = self.folded.span(start, end)
        return a, b, self.text[a:b]


# --- building the regular expressions from the table -------------------------------------------------------


def _label_regex(label: str) -> str:
    if label.startswith("re:"):
        return label[3:]
    folded = fold_label(label)
    parts: list[str] = []
    for i, char in enumerate(folded):
        if char == " ":
            parts.append(r"[ \n]?")
        elif char == "-":
            parts.append(r"(?:-[ \n]?|[ \n])?")
        elif char == ".":
            parts.append(r"\.?")
        elif char == "/":
            parts.append(r" ?/ ?")
        elif char in "()":
            parts.append(re.escape(char) + "?")
        else:
            parts.append(re.escape(char))
            if char.isalpha() and i + 1 < len(folded) and folded[i + 1].isalpha():
                parts.append(" ?")  # OCR puts stray spaces into words
    return "".join(parts)


@cache
def _alternation(labels: tuple[str, ...]) -> str:
    ordered = sorted(labels, key=lambda label: (label.startswith("re:"), -len(label)))
    return r"(?<![a-z0-9])(?:" + "|".join(_label_regex(label) for label in ordered) + r")(?![a-z])"


@cache
def _label_re(pattern: Pattern) -> re.Pattern[str]:
    return re.compile(_alternation(pattern.labels))


@cache
def _before_re(pattern: Pattern) -> re.Pattern[str]:
    """The value (or name) standing before the label: "zwei Vollgeschosse", "+8,40 FIRST", "Jana Berg, Architektin"."""
    labels = _alternation(pattern.labels)
    if pattern.kind == "name":
        return re.compile(r"(?:, ?(?:" + labels + r") *(?=\n|$)| \((?:" + labels + r")\)(?= *(?:\n|$|[,;.])))")
    if pattern.kind == "length":
        return re.compile(r"(?:(?<=\n)|(?<![\s\S]))\+? ?(?P<v>" + NUMBER + r")(?: ?m)? (?P<label>" + labels
                          + r") *(?=\n|$)")
    return re.compile(r"(?P<v>" + COUNT + r")(?: ?-)? ?(?P<label>" + labels + ")")  # on one line: not across a table


@cache
def _name_labels_re() -> re.Pattern[str]:
    """Any label of a name field: a "name" that is only another label is none."""
    return re.compile(_alternation(tuple(label for p in PATTERNS if p.kind == "name" for label in p.labels)))


@cache
def _foreign_re(field: str) -> re.Pattern[str]:
    """Any label of another field: a value window ends where the next field's label begins."""
    labels = tuple(label for p in PATTERNS if p.field != field and p.where != "before" for label in p.labels)
    return re.compile(_alternation(labels))


_SEPARATOR = re.compile(r" ?(?:\((?P<paren>[^)\n]{0,40})\))? ?(?P<sep>[:=+]|\n|)")
_SENTENCE_END = re.compile(r"[a-z]{5,}\.(?=[ \n])|\)\.(?=[ \n])|;")
_NUMBER_RE = re.compile(NUMBER)
_COUNT_RE = re.compile(COUNT)
_CLASS_RE = re.compile(r"(?<![\w.,#])(?P<v>[1-5]|iii|ii|iv|i|v)[ab]?(?![\w#]|[.,]\d)")
_HEIGHT_ABSOLUTE = re.compile(r" ?m? ?(?:u\.? ?nn|u\.? ?nhn|uber nn|uber nhn|nn|nhn|dhhn|u\.? ?dhhn)\b")
# "m?" / "m'" / "m°": OCR could not read the superscript of m³ or m²
_UNREAD_SUPERSCRIPT = re.compile(r"m[?'°*\"]")
_UNIT = re.compile(r" ?(?P<unit>m3|m2|qm|cbm|cm|mm|m[?'°*\"]|m|%|grad|°|kubikmeter|meter)(?![a-z0-9])")


# --- the window after a label --------------------------------------------------------------------------------


def _line_end(search: str, position: int) -> int:
    end = search.find("\n", position)
    return len(search) if end == -1 else end


def _window(page: _Page, field: str, label_start: int, label_end: int, limit: int = 120) -> tuple[int, int]:
    """[start, end) of the folded text in which a label's value may stand."""
    search = page.search
    start = label_end
    end = _line_end(search, start)
    if not search[start:end].strip(" :=.-"):  # the value stands in the next line (a table or form)
        end = _line_end(search, end + 1) if end < len(search) else end
    end = min(end, start + limit)
    foreign = _foreign_re(field).search(search, start, end)
    if foreign:
        end = foreign.start()
    sentence = _SENTENCE_END.search(search, start, end)
    if sentence:
        end = sentence.start() + (len(sentence.group(0)) - 1 if sentence.group(0) != ";" else 0)
    return start, end


def _tokens(kind: str, search: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, normalised value) of the candidate values of this kind in the window."""
    if kind == "count":
        for m in _COUNT_RE.finditer(search, start, end):
            number = parse_count(m.group(0))
            unit = _UNIT.match(search, m.end())
            if number is not None and not unit:
                yield m.start(), m.end(), str(number)
    elif kind == "class":
        for m in _CLASS_RE.finditer(search, start, end):
            number = parse_count(m.group("v"))
            if number is not None:
                yield m.start(), m.end(), str(number)
    else:
        for m in _NUMBER_RE.finditer(search, start, end):
            value = parse_decimal(m.group(0))
            if value is None:
                continue
            unit = _UNIT.match(search, m.end())
            unit_name = unit.group("unit") if unit else ""
            if kind == "length":
                if unit_name not in ("", "m", "meter") or _HEIGHT_ABSOLUTE.match(search, m.end()):
                    continue
            elif kind == "volume":
                if unit_name not in ("", "m3", "cbm", "kubikmeter") and not _UNREAD_SUPERSCRIPT.fullmatch(unit_name):
                    continue
            elif kind == "volume_m3":
                if unit_name not in ("m3", "cbm", "kubikmeter"):
                    continue
            elif kind in ("ratio", "ratio10") and unit_name:
                continue
            yield m.start(), m.end(), normalise_decimal(value)


def _with_unit(search: str, end: int) -> int:
    """The end of a number together with its unit ("7,35 m", "720 m³"), for the highlighted span."""
    unit = _UNIT.match(search, end)
    if unit is None:
        return end
    name = unit.group("unit")
    metric = name in ("m", "m3", "meter", "cbm", "kubikmeter") or _UNREAD_SUPERSCRIPT.fullmatch(name)
    return unit.end() if metric else end


def _in_range(field: str, value: str) -> bool:
    bounds = RANGES.get(field)
    if bounds is None:
        return True
    number = Decimal(value)
    return Decimal(str(bounds[0])) <= number <= Decimal(str(bounds[1]))


def _kind_of_token(page: _Page, start: int, end: int) -> str:
    """"digits", "word" ("zwei"), "roman" ("II", only in capitals) or "" (a lower-case "i" or "v": a word)."""
    token = page.search[start:end]
    if token.isdigit():
        return "digits"
    if token in WORDS:
        return "word"
    if token in ROMAN:
        return "roman" if page.original(start, end)[2].isupper() else ""
    return "digits"


# --- one function per relation ---------------------------------------------------------------------------------


_NUMERAL_FILLER = re.compile(r"[\s:=()/-]{0,4}|[\s:=()/\d,.ivx-]*")


@dataclass
class _Token:
    start: int
    end: int
    value: str
    permitted: bool


def _numbers_after(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    search = page.search
    if pattern.context and not re.search(pattern.context, search):
        return
    for m in _label_re(pattern).finditer(search):
        sep = _SEPARATOR.match(search, m.end())
        assert sep is not None
        separated = sep.group("sep") != ""
        if pattern.strict and not separated:
            continue
        start, end = _window(page, pattern.field, m.start(), sep.end() if separated else m.end())
        tokens = []
        previous_end = -1
        for a, b, value in _tokens(pattern.kind, search, start, end):
            written_as = _kind_of_token(page, a, b)
            if not written_as or (written_as != "digits" and not _NUMERAL_FILLER.fullmatch(search, start, a)):
                continue  # number words and Roman numerals only right after the label (or after another figure)
            if pattern.kind in ("count", "class") and (a - start > 40 or re.search(r"[,;·]|\|.*\|",
                                                                                      search[start:a])):
                continue  # a count stands right after its label, not behind the next comma
            if pattern.kind in ("count", "class") and "\n" in search[m.end():a] and re.search(
                    r"[^\W\d_]{2,}", search[start:a]):
                continue  # on the next line only as a table cell: "Wohnungen\nAm Markt 3" is an address
            if previous_end != -1 and re.fullmatch(r" ?[-/] ?", search[previous_end:a]):
                continue  # the upper end of a range like "II–III" (the range itself counts as one figure)
            previous_end = b
            if not _in_range(pattern.field, value):
                continue
            context = max(m.start() - 30, search.rfind("\n", 0, m.start()) + 1)
            tokens.append(_Token(a, b, value, _is_permitted(search, context, a, b)))
        if not tokens:
            continue
        line_start = search.rfind("\n", 0, m.start()) + 1
        if len(tokens) >= 2 and "\n" not in search[tokens[0].start : tokens[-1].end]:
            columns = _column_qualifiers(search, line_start, len(tokens))
            if columns is not None:
                for token, permitted in zip(tokens, columns, strict=True):
                    token.permitted = permitted
        actual = [t for t in tokens if not t.permitted]
        if actual:
            equals = search.rfind("=", start, actual[-1].start)
            after_equals = [t for t in actual if equals != -1 and t.start > equals]
            pick = after_equals[0] if after_equals else actual[0]
            confidence = pattern.confidence * (0.85 if "\n" in search[m.end() : pick.start] else 1.0)
            yield _make(page, pattern, m.start(), _with_unit(search, pick.end), pick.value, confidence, pattern.rule)
        for token in (t for t in tokens if t.permitted):
            yield _make(page, pattern, m.start(), _with_unit(search, token.end), token.value, pattern.confidence * 0.5,
                        pattern.rule + PERMITTED)


def _lengths_before(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    """An elevation mark in a drawing, the height first and alone with its name on the line: "+8,40 FIRST"."""
    search = page.search
    for m in _before_re(pattern).finditer(search):
        value = parse_decimal(m.group("v"))
        if value is None or not _in_range(pattern.field, normalise_decimal(value)):
            continue
        yield _make(page, pattern, m.start(), m.end(), normalise_decimal(value), pattern.confidence, pattern.rule)


_NOT_BEFORE_ONE = {"ist", "wird", "als", "kein", "nicht", "sind", "je", "pro", "zum"}


def _numbers_before(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    search = page.search
    for m in _before_re(pattern).finditer(search):
        token = m.group("v")
        number = parse_count(token)
        if number is None:
            continue
        written_as = _kind_of_token(page, m.start("v"), m.end("v"))
        if not written_as:
            continue
        word = written_as == "word"
        if number == 1 and word:
            previous = search[max(m.start() - 12, 0) : m.start()].split()
            if previous and previous[-1] in _NOT_BEFORE_ONE:
                continue
        value = str(number)
        if not _in_range(pattern.field, value):
            continue
        line_start = search.rfind("\n", 0, m.start()) + 1
        permitted = _is_permitted(search, max(line_start, m.start() - 40), m.start("v"), m.start("v"))
        after = search[m.end() : m.end() + 16]
        permitted = permitted or bool(_PERMITTED_RE.match(after.lstrip(" (")))
        confidence = pattern.confidence * (0.9 if word else 1.0)
        rule = pattern.rule + (PERMITTED if permitted else "")
        yield _make(page, pattern, m.start(), m.end(), value, confidence * (0.5 if permitted else 1.0), rule)


def _make(page: _Page, pattern: Pattern, start: int, end: int, value: str, confidence: float,
          rule: str) -> Extracted:
    a, b, raw = page.original(start, end)
    return Extracted(pattern.field, value, raw, page.number, a, b, round(confidence, 3), f"{pattern.field}.{rule}")


# --- names, places, parcel numbers ------------------------------------------------------------------------------

_SUBLABEL = re.compile(
    r"(?P<sub>name, ?vorname, ?firma|name, ?vorname|vorname, ?name|nachname, ?vorname|vor- und (?:nach|zu)name|"
    r"name ?/ ?firma|firma ?/ ?name|name|"
    r"vorname und name|firma) ?: ?"
)
# Salutations and titles in front of (or behind) a name are not part of it: "Dipl.-Ing. Architektin Jana Berg".
_TITLE = (
    r"(?:herrn?|frau|eheleute|firma|dipl\. ?-? ?[il1]ng\.?|dipl\. ?-? ?kfm\.?|dr\. ?-? ?ing\.?|dr\.|prof\.|b\. ?eng\.|"
    r"m\. ?eng\.|m\. ?sc\.|b\. ?sc\.|m\. ?a\.|b\. ?a\.|\(fh\)|\(th\)|(?:freie?r? )?(?:innen)?architekt(?:in)?|"
    r"bauingenieur(?:in)?|stadtplaner(?:in)?|aknw|bda)(?![a-z])"
)
_LEADING_TITLES = re.compile(r"(?:" + _TITLE + r"[ ,]*)+")
_TRAILING_TITLES = re.compile(r"(?:[ ,]+" + _TITLE + r")+ *$")
_NOT_A_NAME = {
    "siehe", "wie", "die", "der", "das", "den", "dem", "des", "ein", "eine", "keine", "kein", "nicht", "name",
    "anschrift", "datum", "unterschrift", "ort", "strasse", "telefon", "e-mail", "email", "vorname", "nachname",
    "firma", "n.n.", "unbekannt", "und", "oder", "mit", "ist", "wird", "hat", "gemass", "nach", "vom", "von",
    "stempel", "bebauungsplan", "bauo", "baunvo", "din", "anlage", "satzung", "blatt", "massstab", "seite",
}
_NAME_END = re.compile(r"[\n;(|·#]| - |\d| (?:tel|fax|e-mail|email|geb)\b|\t")
_FIRM = re.compile(
    r"(?<![a-z])(?:buro|architekturburo|ingenieurburo|planungsburo|planungsgruppe|architekten|ingenieure|atelier|"
    r"gmbh|mbh|mbb|partg|partgmbb|gbr|kg|ag)(?![a-z])"
)
_LABEL_FIRST = re.compile(r"[a-z/().-]+(?: [a-z/().-]+)? ?:")
_OTHER_LABEL = re.compile(r"(?<= )[a-z/().-]+ ?:")
_STREET = re.compile(r"(?:strasse|str\.|weg|allee|ring|platz|gasse|damm|pfad)$")
_SIGNATURE_PREFIX = {"", "(", "unterschrift", "unterschrift der", "unterschrift des", "(unterschrift"}


def _line_of(search: str, position: int) -> tuple[int, int]:
    return search.rfind("\n", 0, position) + 1, _line_end(search, position)


def _name_at(page: _Page, position: int, allow_comma: bool = False) -> tuple[int, int, str] | None:
    """The name that starts at position (folded offsets): up to the end of the line, a comma or the next label."""
    search = page.search
    sub = _SUBLABEL.match(search, position)
    if sub:
        allow_comma = "," in sub.group("sub")
        position = sub.end()
    while search[position : position + 1] == " ":
        position += 1
    titles = _LEADING_TITLES.match(search, position)
    if titles:
        position = titles.end()
    line_end = _line_end(search, position)
    if _LABEL_FIRST.match(search, position):
        return None  # the line holds the next label ("Vorhaben:"), not a name: a table read column by column
    stop = _NAME_END.search(search, position, line_end)
    end = stop.start() if stop else line_end
    other = _OTHER_LABEL.search(search, position, end)
    if other:
        end = other.start()
    commas = [i for i in range(position, end) if search[i] == ","]
    if commas and _FIRM.search(search, position, commas[0]) and not allow_comma:
        person = _name_at(page, commas[0] + 1)  # "Planungsgruppe West, Dipl.-Ing. Arne Fuchs": the person
        if person is not None and 2 <= len(person[2].split()) <= 4 and not _FIRM.search(fold(person[2]).text):
            return person
    if commas:
        before = search[position : commas[0]].split()
        after_end = commas[1] if len(commas) > 1 else end
        after = search[commas[0] + 1 : after_end].split()
        surname_first = (len(before) == 1 and 1 <= len(after) <= 2 and not _STREET.search(after[-1])
                         and not _TRAILING_TITLES.match(" " + " ".join(after)))
        end = after_end if allow_comma or surname_first else commas[0]
    trailing = _TRAILING_TITLES.search(search, position, end)
    if trailing:
        end = trailing.start()
    return _clean_name(page, position, end)


def _two_words(found: tuple[int, int, str] | None) -> tuple[int, int, str] | None:
    """A name taken from another line than its label's must have two words at least: a single word there is
    more often a heading or a table's column ("Bauteil") than a name."""
    return found if found is not None and len(found[2].split()) >= 2 else None


def _in_context(page: _Page, pattern: Pattern, line_start: int) -> bool:
    """The pattern's context expression occurs on the label's line or the three lines before it."""
    if not pattern.context:
        return True
    start = line_start
    for _ in range(3):
        if start <= 0:
            break
        start = page.search.rfind("\n", 0, start - 1) + 1
    return re.search(pattern.context, page.search[start : _line_end(page.search, line_start)]) is not None


_NAME_COLON = re.compile(r" ?(?:\([^)\n]{0,30}\))? ?: ?")
_ROW_PREFIX = re.compile(r"(?:\d{1,2}[.)]?)?")
_ALONE_PREFIX = re.compile(r"\(?(?:\d{1,2}[.)]? ?)?(?:unterschrift(?: de[rs])?|angaben zu[rm]?)?")
_ALONE_SUFFIX = re.compile(r"(?:/ ?-?[a-z]+|\(in\)|\)|\(§[^)\n]{0,40}\))?")  # "… / Entwurfsverfasser", "(§ 53 BauO)"
_PROSE_FILLER = re.compile(r"(?:(?:ist|sind|wird|werden|war|die|der|das|den|dem|des|hier|namens) )+")


def _names_before(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    """A signature or letterhead line "Stefanie Brauer, Architektin": the name before the role."""
    search = page.search
    for m in _before_re(pattern).finditer(search):
        line_start = search.rfind("\n", 0, m.start()) + 1
        if search[m.start()] == " ":  # "(Bauherrin)": the capitalised words right before it, after any comma
            start = max(line_start, search.rfind(",", line_start, m.start()) + 1)
            cleaned = _words_before(page, start, m.start())
        else:
            cleaned = _name_at(page, line_start)
        if cleaned is None or cleaned[1] > page.folded.span(m.start(), m.end())[0]:
            continue
        a, _b, text = cleaned
        end = page.folded.span(m.start(), m.end())[1]
        yield Extracted(pattern.field, " ".join(text.split()), page.text[a:end], page.number, a, end,
                        pattern.confidence, f"{pattern.field}.{pattern.rule}")


def _words_before(page: _Page, start: int, end: int) -> tuple[int, int, str] | None:
    """The run of capitalised words (and connectors like "und") that ends at end."""
    words = list(re.finditer(r"[^\s]+", page.search[start:end]))
    first = None
    for word in reversed(words):
        raw = page.original(start + word.start(), start + word.end())[2]
        if raw[:1].isupper() or (word.group(0) in _CONNECTORS and first is not None):
            first = start + word.start()
        else:
            break
    if first is None:
        return None
    return _clean_name(page, first, end)


def _names(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    if pattern.where == "before":
        yield from _names_before(page, pattern)
        return
    search = page.search
    for m in _label_re(pattern).finditer(search):
        line_start, line_end = _line_of(search, m.start())
        if not _in_context(page, pattern, line_start):
            continue
        prefix = search[line_start : m.start()].strip()
        suffix = search[m.end() : line_end].strip()
        colon = _NAME_COLON.match(search, m.end())
        found: list[tuple[tuple[int, int, str] | None, float]] = []
        if colon:
            position = colon.end()
            same_line = bool(search[position:line_end].strip()) or line_end >= len(search)
            if same_line:
                found.append((_name_at(page, position), 1.0))
            else:  # "Bauherr:" and the name in the line below
                found.append((_two_words(_name_at(page, line_end + 1)), 0.9))
        elif pattern.colon:
            continue
        elif _ALONE_PREFIX.fullmatch(prefix) and _ALONE_SUFFIX.fullmatch(suffix):
            # the label alone on its line: a form field with the name below, or a signature with the name above
            previous = (search.rfind("\n", 0, max(line_start - 1, 0)) + 1, max(line_start - 1, 0))
            signature = prefix.startswith("(") or "unterschrift" in prefix or suffix == ")"
            below = None if signature or line_end >= len(search) else _name_at(page, line_end + 1)
            above = _name_at(page, previous[0]) if line_start > 0 else None
            below, above = _two_words(below), _two_words(above)
            if below is not None:
                found.append((below, 0.85))
            elif above is not None and above[1] <= line_start:
                found.append((above, 0.75))
        elif search[m.end() : m.end() + 1] == " ":
            row = _name_at(page, m.end() + 1) if _ROW_PREFIX.fullmatch(prefix) else None
            if row is not None:
                found.append((row, 0.8))  # "Bauherrschaft Erika Mustermann" (a table row)
            else:
                filler = _PROSE_FILLER.match(search, m.end() + 1)
                found.append((_prose_name(page, filler.end() if filler else m.end() + 1), 0.55))  # "ist die X GmbH"
        for cleaned, factor in found:
            if cleaned is None:
                continue
            a, b, text = cleaned
            label_start, label_end = page.folded.span(m.start(), m.end())
            start, end = (label_start, b) if a >= label_start else (a, label_end)
            yield Extracted(pattern.field, " ".join(text.split()), page.text[start:end], page.number, start, end,
                            round(pattern.confidence * factor, 3), f"{pattern.field}.{pattern.rule}")


_CONNECTORS = {"und", "&", "von", "van", "de", "zu", "vom", "u."}
_DOTTED = {"e.k.", "e.v.", "co.", "nachf.", "jun.", "sen.", "ing.", "mbb.", "ggmbh."}
_COMPANY_WORDS = {"gmbh", "eg", "e.k.", "kg", "co.", "mbh", "gbr", "ag", "partgmbb", "mbb", "e.v.", "ohg", "se"}


def _prose_name(page: _Page, position: int) -> tuple[int, int, str] | None:
    """A name inside a sentence: the capitalised words after the label ("Bauherrschaft Koch Immobilien GmbH zu")."""
    search = page.search
    titles = _LEADING_TITLES.match(search, position)
    if titles:
        position = titles.end()
    end = position
    capitalised = 0
    for word in re.finditer(r"[^\s,;:()]+", search[position : _line_end(search, position)]):
        a, b = position + word.start(), position + word.end()
        if search[a - 1 : a] == "(":
            break
        raw = page.original(a, b)[2]
        text = word.group(0)
        if raw[:1].isupper() or text in _COMPANY_WORDS or text.rstrip(".") in _COMPANY_WORDS:
            capitalised += 1
            end = b
        elif text in _CONNECTORS and capitalised:
            continue
        else:
            break
        if search[b : b + 1] in (",", ";", ":", "("):
            break
    if capitalised < 2:
        return None
    return _clean_name(page, position, end)


def _clean_name(page: _Page, start: int, end: int) -> tuple[int, int, str] | None:
    while end > start and page.search[end - 1] in " -.,:/":
        end -= 1
    while start < end and page.search[start] in " -:":
        start += 1
    if end - start < 2:
        return None
    a, b, text = page.original(start, end)
    if text.endswith(".") and text.split()[-1].lower() not in _DOTTED:
        text = text[:-1]  # the end of a sentence, not an abbreviation like "e.K." or "Co."
    text = text.rstrip(" ,;:-")
    b = a + len(text)
    words = text.split()
    if not words or len(words) > 8 or sum(c.isalpha() for c in text) < 2:
        return None
    if not (text[0].isupper() or text[0] in "\"'„"):
        return None
    if fold(words[0]).text.strip(".,:()") in _NOT_A_NAME or text.endswith(":"):
        return None
    folded_value = fold_label(text)
    if _name_labels_re().fullmatch(folded_value):
        return None
    return a, b, text


def _places(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    search = page.search
    for m in _label_re(pattern).finditer(search):
        sep = re.compile(r" ?(?:\([^)\n]{0,12}\))? ?(?::|\n)? ?").match(search, m.end())
        assert sep is not None
        position = sep.end()
        segment = re.compile(r"[a-z][a-z .'/-]{0,40}").match(search, position)
        if segment is None:
            continue
        end = segment.end()
        stop = re.compile(r",|;|\(| - | flur(?![a-z])| flurst| flst| gemarkungs| in | kreis\b").search(
            search, position, end)
        if stop:
            end = stop.start()
        cleaned = _clean_name(page, position, end)
        if cleaned is None:
            continue
        _a, b, text = cleaned
        label_start = page.folded.span(m.start(), m.end())[0]
        yield Extracted(pattern.field, " ".join(text.split()), page.text[label_start:b], page.number, label_start,
                        b, pattern.confidence, f"{pattern.field}.{pattern.rule}")


_FLUR_VALUE = re.compile(r" ?(?:-? ?nr\.? ?)?:? ?(?P<v>\d{1,4})(?![\d/#]|[.,]\d)")
_PARCEL_ITEM = r"\d{1,5}(?: ?/ ?\d{1,4})?"
_PARCEL_VALUE = re.compile(
    r" ?(?:\([^)\n]{0,12}\))? ?(?:-? ?nr\.? ?)?:? ?(?P<v>" + _PARCEL_ITEM
    + r"(?:(?: ?, ?| und | u\. ?| ?; ?| ?& ?)" + _PARCEL_ITEM + r")*)(?![\d#])"
)


def _flur(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    for m in _label_re(pattern).finditer(page.search):
        value = _FLUR_VALUE.match(page.search, m.end())
        if value:
            number = str(int(value.group("v")))
            yield _make(page, pattern, m.start(), value.end("v"), number, pattern.confidence, pattern.rule)


def _parcels(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    search = page.search
    for m in _label_re(pattern).finditer(search):
        value = _PARCEL_VALUE.match(search, m.end())
        if value is None:
            continue
        items: list[str] = []
        end = value.start("v")
        for item in re.finditer(_PARCEL_ITEM, search[: value.end("v")]):
            if item.start() < value.start("v"):
                continue
            following = search[item.end() : item.end() + 4]
            if re.match(r" ?(?:m\b|m2|qm)", following):
                break
            if len(item.group(0)) == 5 and item.group(0).isdigit() and re.match(r" [a-z]", following):
                break  # a postcode ("123/4, 59423 Unna")
            parts = [str(int(p)) for p in re.split(r" ?/ ?", item.group(0))]
            items.append("/".join(parts))
            end = item.end()
        if items:
            yield _make(page, pattern, m.start(), end, ", ".join(items), pattern.confidence, pattern.rule)


_CHAMBER_PREFIX = r"(?:aknw|ak nrw|ak-nrw|ik-?bau ?nrw|ik bau ?nrw|ik-?bau|ik nrw|akbw|byak|ak|[a-z](?=[ -]?\d))"
_CHAMBER_NUMBER = r"\d{1,8}(?: \d{2,6}(?![\d#]))?(?:[/-]\d{1,6})?(?![\d#]|[.,]\d)"
_CHAMBER_AFTER = re.compile(
    r"[^\n\d#]{0,40}?(?<![a-z])(?P<v>(?:" + _CHAMBER_PREFIX + r"[ .:/-]{0,3}(?:nr\.?[ :]{0,2})?)?" + _CHAMBER_NUMBER
    + ")"
)
_CHAMBER_ANYWHERE = re.compile(
    r"(?<![a-z])(?P<v>(?:aknw|ik-?bau(?: ?nrw)?|ik bau(?: ?nrw)?)[ .:/-]{0,3}(?:nr\.?[ :]{0,2}|mitgl[a-z.-]*[ :]{0,2})?"
    r"(?:[a-z][ -]?)?\d{3,8}(?: \d{3}(?![\d#]))?(?:[/-]\d{1,6})?)(?![\d#]|[.,]\d)"
)


def _as_read(page: _Page, start: int, end: int) -> str:
    """The original text of a folded span, with the digits OCR got wrong ("O83" -> "083") put right."""
    a, _b, raw = page.original(start, end)
    fixed = list(raw)
    for i in range(start, end):
        char = page.search[i]
        origin = page.folded.starts[i] - a
        if char.isdigit() and 0 <= origin < len(fixed) and not fixed[origin].isdigit():
            fixed[origin] = char
    return " ".join("".join(fixed).split())


def _chamber(page: _Page, pattern: Pattern) -> Iterator[Extracted]:
    search = page.search
    if pattern.where == "anywhere":
        for m in _CHAMBER_ANYWHERE.finditer(search):
            a, b, raw = page.original(m.start("v"), m.end("v"))
            yield Extracted(pattern.field, _as_read(page, m.start("v"), m.end("v")), raw, page.number, a, b,
                            pattern.confidence, f"{pattern.field}.{pattern.rule}")
        return
    for m in _label_re(pattern).finditer(search):
        value = _CHAMBER_AFTER.match(search, m.end())
        if value is None or sum(c.isdigit() for c in value.group("v")) < 3:
            continue
        yield _make(page, pattern, m.start(), value.end("v"), _as_read(page, value.start("v"), value.end("v")),
                    pattern.confidence, pattern.rule)


# --- putting it together ----------------------------------------------------------------------------------------


def _prepare(number: int, text: str) -> _Page:
    folded = fold(text)
    return _Page(number, text, folded, mask_references(folded.text))


def _apply(pattern: Pattern, page: _Page) -> Iterator[Extracted]:
    if pattern.kind == "name":
        return _names(page, pattern)
    if pattern.kind == "place":
        return _places(page, pattern)
    if pattern.kind == "flur":
        return _flur(page, pattern)
    if pattern.kind == "parcel":
        return _parcels(page, pattern)
    if pattern.kind == "chamber":
        return _chamber(page, pattern)
    if pattern.where == "before":
        return _lengths_before(page, pattern) if pattern.kind == "length" else _numbers_before(page, pattern)
    return _numbers_after(page, pattern)


def candidates(pages: list[str]) -> list[Extracted]:
    """Every value found, before choosing (for tests and the evaluation's error listing); values that are not
    filled in (an unticked option, a field number, a label) are already left out, doubtful ones carry the doubt."""
    found: list[Extracted] = []
    folded_pages: list[str] = []
    for number, text in enumerate(pages, start=1):
        page = _prepare(number, text)
        folded_pages.append(page.folded.text)
        judged = certainty.Text(page.text, page.folded, page.search)
        for pattern in PATTERNS:
            for item in _apply(pattern, page):
                verdict = certainty.judge(judged, item.field, _KINDS[item.field], item.value, item.start, item.end)
                if not verdict.drop:
                    found.append(replace(item, doubt=verdict.doubt))
        for start, end, digit in certainty.ticked_classes(judged):
            found.append(Extracted("gebaeudeklasse", digit, text[start:end], number, start, end, 0.95,
                                   "gebaeudeklasse.angekreuzt"))
    plan = certainty.plan_document(folded_pages)
    if plan:
        found = [replace(e, doubt=e.doubt or plan) if e.field in certainty.PLAN_FIELDS else e for e in found]
    return found


_KINDS = {p.field: p.kind for p in reversed(PATTERNS)}


def choose(found: list[Extracted]) -> list[Extracted]:
    """One chosen value per field, then the other distinct values (alternatives, permitted figures).

    The chosen value is certain only if nothing in its sentence hedges it, its rule is confident enough and the
    document names no other value for the field (certainty.py); otherwise it carries the doubt."""
    result: list[Extracted] = []
    by_field: dict[str, list[Extracted]] = {}
    for item in found:
        by_field.setdefault(item.field, []).append(item)
    doubts = certainty.document_doubts((e.field, e.value, e.permitted, e.raw) for e in found)
    for items in by_field.values():
        ranked = sorted(items, key=lambda e: (e.permitted, bool(e.doubt), not certainty.is_total(e.raw),
                                              -e.confidence, e.page, e.start))
        seen: set[tuple[str, bool]] = set()
        first = True
        for item in ranked:
            key = (item.value, item.permitted)
            if key in seen:
                continue
            seen.add(key)
            chosen = first and not item.permitted
            doubt = item.doubt
            if chosen and not doubt and not item.rule.endswith(acroform.FORM_RULE):  # a form field is exact
                doubt = doubts.get(item.field, "") or certainty.low_confidence(item.confidence)
            result.append(replace(item, chosen=chosen, doubt=doubt))
            first = False
    return result


def form_values(fields: list[dict[str, Any]]) -> list[Extracted]:
    """Values of filled-in PDF form fields (acroform.py); their span is empty: the value is not in the page text."""
    return [Extracted(name, value, shown, page, 0, 0, acroform.FORM_CONFIDENCE, f"{name}.{acroform.FORM_RULE}")
            for name, value, shown, page in acroform.extract_fields(fields)]


def extract(pages: list[str], fields: list[dict[str, Any]] | None = None) -> list[Extracted]:
    """The values of a document: its filled-in form fields first (exact), then what its page texts say."""
    return choose(form_values(fields or []) + candidates(pages))


def chosen_values(extracted: list[Extracted], certain_only: bool = False) -> dict[str, str]:
    return {e.field: e.value for e in extracted if e.chosen and (e.certain or not certain_only)}
