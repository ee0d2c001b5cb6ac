"""Which of the values found are *filled in* and certain enough to be shown as a finding.

Real documents are full of figures that are not the project's: tick-box option lists ("Gebäudeklasse 1 2 3 4 5"),
field and footnote numbers, legal citations, examples and conditions in explanatory text ("z. B. GRZ 0,3",
"Gebäudeklasse 1: freistehende Gebäude bis 7 m"), a label standing where the value should be ("Gemarkung(en)
Flur(e)"). This module decides per candidate:

* ``drop``: not a value at all (an unticked option, a field number, a label) - removed before choosing;
* ``doubt``: a value, but the extractor is not sure (a hedged sentence, a document that names many values or
  contradicts itself, a rule of low confidence) - kept with ``certain=False`` and the reason, shown to the clerk
  in the list of values marked "unsicher", never as a finding.

And it reads the one value a tick-box list does carry: the option that is ticked ("☒ 3", "[X] 3", "X 1").

Pure Python; works on the folded page text (folding.py) with offsets mapped back to the page.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bauantrag.assist.extraction.folding import Folded, fold, mask_references
from bauantrag.assist.extraction.numbers import WORDS

# Below this confidence a value is never certain (names from a sentence or a table row, the short "gem.", a
# chamber number without its label, a value from the line below its label).
CERTAIN_CONFIDENCE = 0.65
# A document that names this many distinct values for one field is *about* the field (an information page, a
# definition list, a blank form's options), not a filled-in Bauvorlage.
ENUMERATION = 3

# Words that make a sentence a condition, an example, a rule or a permitted maximum rather than a statement of what
# is planned. Folded (lower case, umlauts folded); matched as whole words.
_HEDGES = (
    "z.b.", "z. b.", "zb.", "beispiel", "beispielsweise", "in der regel", "etwa", "ca.", "circa",
    "bis zu", "hochstens", "maximal", "max.", "mindestens", "min.", "zulassig", "zulassige", "zulassigen", "erlaubt",
    "moglich", "darf", "durfen", "durfte", "durften", "kann", "konnen", "konnte", "sollte", "wenn", "falls",
    "vorausgesetzt", "sofern", "dann", "mehr als", "weniger als", "je", "pro",
    "festgesetzt", "festsetzung", "festsetzungen", "bebauungsplan", "bebauungsplans", "b-plan", "bplan",
    "obergrenze", "hochstmass", "gilt", "gelten", "ist einzuordnen", "sind einzuordnen", "einzustufen",
)
_HEDGE_RE = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True))
                       + r")(?![a-z])")
# Where a sentence or a form line ends: a full stop after a word, a line break, a colon-less bullet.
# (Four letters before the full stop at least: "Nr. 12", "Abs. 3", "ca. 4" are abbreviations, not sentence ends.)
_BOUNDARY = re.compile(r"\n|[a-z]{4}\. |\)\. |\d\. (?=[a-z]{2})|[;!?] ")
_TICK = r"(?:☒|☑|✓|✔|\[ ?x ?\]|\( ?x ?\)|(?<![a-z])x(?![a-z]))"
_BOX = r"(?:☐|□|\[ ?\]|\( ?\)|o(?= ))"
_OPTION = re.compile(r"(?:(?:" + _TICK + "|" + _BOX + r") ?)?(?<![\d.,/])[1-5](?![\d.,/])")
_TICKED = re.compile(_TICK + r" ?(?P<v>[1-5])(?![\d.,/])")


@dataclass(frozen=True)
class Text:
    """A page's original text with its folded and masked form, and the map between their offsets."""

    original: str
    folded: Folded
    search: str

    @classmethod
    def of(cls, text: str) -> Text:
        folded = fold(text)
        return cls(text, folded, mask_references(folded.text))

    def to_folded(self, position: int) -> int:
        return max(0, bisect_right(self.folded.starts, position) - 1)


def sentence(text: Text, start: int, end: int) -> tuple[int, int]:
    """The folded [start, end) of the sentence or form line around the folded span."""
    search = text.search
    left = 0
    for m in _BOUNDARY.finditer(search, max(0, start - 240), start):
        left = m.end()
    right_match = _BOUNDARY.search(search, end)
    return left, right_match.start() + 1 if right_match else len(search)


# Where a place, a parcel or a name stands, only an example makes it doubtful: "Gemarkung Türkenfeld" in a sentence
# about a Bebauungsplan is still the place; figures are hedged by conditions and plan words too.
_EXAMPLE_RE = re.compile(r"(?<![a-z])(?:z\. ?b\.|zb\.|beispiel|beispielsweise|muster)(?![a-z])")
_LOCATION_KINDS = frozenset({"place", "flur", "parcel", "name", "chamber"})


def hedge(text: Text, start: int, end: int, kind: str = "") -> str | None:
    """The hedging word in the sentence of the folded span, if any."""
    left, right = sentence(text, start, end)
    found = (_EXAMPLE_RE if kind in _LOCATION_KINDS else _HEDGE_RE).search(text.search, left, right)
    return found.group(0) if found else None


def _option_run(search: str, start: int, end: int) -> list[re.Match[str]]:
    """The run of options ("1 2 3 4 5", "☐ 1 ☐ 2 ☒ 3") that contains the folded span, if it is one."""
    left = max(0, start - 40)
    options = list(_OPTION.finditer(search, left, min(len(search), end + 60)))
    run: list[re.Match[str]] = []
    for option in options:
        if run and not re.fullmatch(r"[\s|]{0,8}", search[run[-1].end() : option.start()]):
            if run[0].start() <= start < run[-1].end() + 1:
                break
            run = []
        run.append(option)
    inside = run and run[0].start() <= start and end <= run[-1].end() + 1
    digits = {re.sub(r"\D", "", o.group(0)) for o in run} if inside else set()
    return run if inside and len(digits) >= 3 else []


def ticked_in_run(search: str, run: list[re.Match[str]]) -> tuple[int, int, str] | None:
    """(start, end, digit) of the single ticked option of a run, or None (none or several ticked)."""
    ticked = [t for o in run if (t := _TICKED.fullmatch(o.group(0).strip())) is not None]
    if len(ticked) != 1:
        return None
    option = next(o for o in run if _TICKED.fullmatch(o.group(0).strip()))
    digit = ticked[0].group("v")
    return option.end() - 1, option.end(), digit


@dataclass(frozen=True)
class Verdict:
    drop: bool = False
    doubt: str = ""


_FIELD_NUMBER = re.compile(r"0\d")
_LABEL_VALUE = re.compile(
    r"(?:flur|flurstuck|flurstucke|gemarkung|gemarkungen|name|vorname|anschrift|strasse|hausnummer|ort|plz|telefon|"
    r"firma|bauherr|bauherrschaft|bauherrin|eigentumer|eigentumerin|gemass|datum|unterschrift)(?:\(.*\))?"
)
_ENUMERATION_MARK = re.compile(r"[.)] ?[a-z]")
_LIST_AFTER = re.compile(r" ?(?:und|oder|bis|-|–|/) ?(?:[1-9]\d?|[ivx]{1,4})(?![\d.,])")
_ARTICLES = {"ein", "eine", "einer", "eines", "einem"}
# Lower-case words a name may contain: particles, connectors, company forms ("von der Heide", "Bau eG", "mbH").
_NAME_PARTICLES = {"und", "von", "van", "de", "der", "den", "zu", "zum", "vom", "du", "la", "le", "di", "da", "y", "u.",
                   "mbh", "gmbh", "eg", "e.k.", "e.v.", "co.", "kg", "gbr", "ag", "mbb", "ohg", "se", "&", "+", "-"}


def _lowercase_words(value: str) -> bool:
    return any(word[:1].islower() and word.lower().strip(",;") not in _NAME_PARTICLES for word in value.split())
_RANGE_OR_QUANTIFIER = re.compile(
    r"(?:(?<![a-z])(?:ab|bis|je|pro|uber|unter|mehr als|weniger als|bis zu)|[\divx]+ ?(?:und|oder|bis|-|–)) $")
# Words that are never part of a person's or firm's name: the name field caught a heading, a label or a number.
_NOT_NAME_WORDS = {"nr", "mitgl", "mitglieds", "tel", "fax", "antrag", "bauantrag", "vorbescheid", "protokoll",
                   "seite", "anlage", "vordruck", "aktenzeichen", "eingangsstempel", "der", "die", "das", "am", "im",
                   "fur", "zum", "zur", "auf", "bei", "sitzung"}
# Other professionals whose names and chamber numbers stand on Bauvorlagen (§ 54 Abs. 2 BauO NRW: Fachplaner;
# Prüf- and Sachverständige; surveyors): their data is not the Entwurfsverfasser's.
_OTHER_ROLE = re.compile(r"tragwerksplan\w*|statiker\w*|prufingenieur\w*|sachverstandig\w*|gutachter\w*|"
                         r"vermessungsingenieur\w*|energieberat\w*|bauphysik\w*|brandschutzplan\w*|aufgestellt von")
_FIRM = re.compile(r"(?<![a-z])(?:\w*buro|architekten|planungsgruppe|ingenieure|atelier|gmbh|mbh|partg\w*|gbr)"
                   r"(?![a-z])")
_STREET_END = re.compile(r"(?:strasse|str|weg|allee|ring|platz|gasse|damm|pfad)\.?$")


def judge(text: Text, field: str, kind: str, value: str, start: int, end: int) -> Verdict:
    """Whether the value at the original span [start, end) of the page is filled in, and how sure it is."""
    a, b = text.to_folded(start), text.to_folded(max(start, end - 1)) + 1
    search = text.search
    token = _value_token(search, a, b, kind)
    if token is not None:
        ta, tb = token
        line_start = search.rfind("\n", 0, ta) + 1
        if ta == line_start and _ENUMERATION_MARK.match(search, tb):
            return Verdict(drop=True)  # "2. Nachweis der ..." is a list item's number
        if _RANGE_OR_QUANTIFIER.search(search[max(0, ta - 16) : ta]) or _LIST_AFTER.match(search, tb):
            return Verdict(doubt="Teil einer Spanne oder Aufzählung („ab“, „bis“, „je“, „4 und 5“)")
        if kind == "count" and search[ta:tb] in _ARTICLES:
            return Verdict(doubt="„ein/eine“ kann Zahl oder Artikel sein")
    if token is not None and kind in ("count", "class", "flur"):
        ta, tb = token
        if _FIELD_NUMBER.fullmatch(search[ta:tb]):
            return Verdict(drop=True)  # "02" on a form is the number of a field, not a count
        if search[max(0, ta - 2) : ta] == "m ":
            return Verdict(drop=True)  # "m 2": the unit m² torn apart
        run = _option_run(search, ta, tb)
        if run:
            tick = ticked_in_run(search, run)
            if tick is None or tick[0] != tb - 1:
                return Verdict(drop=True)  # an option of a tick-box list that is not (the one) ticked
            return Verdict()
    if kind == "name" and _lowercase_words(value):
        return Verdict(drop=True)  # "Zutreffendes bitte ankreuzen oder ausfüllen": a sentence, not a name
    words = fold(value).text.replace(",", " ").split()
    if kind in ("place", "name") and words and _LABEL_VALUE.fullmatch(words[0]):
        return Verdict(drop=True)  # a label where the value should be ("Gemarkung(en) Flur(e)")
    if kind == "name" and (
        {w.strip(".-:()") for w in re.split(r"[\s.-]+", fold(value).text)} & _NOT_NAME_WORDS
        or _STREET_END.search(fold(value).text)
    ):
        return Verdict(drop=True)  # a heading, a label or an address, not a name
    if field in ("entwurfsverfasser", "kammer_nummer"):
        line_start = search.rfind("\n", 0, search.rfind("\n", 0, a)) + 1
        role = _OTHER_ROLE.search(search, line_start, b)
        if role:
            return Verdict(doubt=f"Angabe einer anderen Fachperson („{role.group(0)}“), nicht unbedingt der "
                                 "Entwurfsverfasserin / des Entwurfsverfassers")
        if field == "entwurfsverfasser" and _FIRM.search(fold(value).text):
            return Verdict(doubt="ein Büro, nicht die bauvorlageberechtigte Person")
    span = token or (a, b)
    word = hedge(text, *span, kind=kind)
    if word is not None:
        return Verdict(doubt=f"Bedingung, Beispiel oder Festsetzung im selben Satz („{word}“)")
    return Verdict()


def _value_token(search: str, a: int, b: int, kind: str) -> tuple[int, int] | None:
    """The folded span of the value itself inside the candidate's span (which includes its label)."""
    pattern = {"count": r"(?<![\w.,#])(?:\d{1,3}|[ivx]{1,4}|" + "|".join(sorted(WORDS, key=len, reverse=True))
               + r")(?![\w#])", "class": r"(?<![\w.,#])[1-5iv]{1,3}",
               "flur": r"\d{1,4}", "name": None, "place": None, "parcel": None, "chamber": None}.get(
        kind, r"(?<![\d.,])\d[\d.]*(?:,\d+)?")
    if pattern is None:
        return None
    tokens = list(re.finditer(pattern, search[a:b]))
    digit_tokens = [t for t in tokens if any(c.isdigit() for c in t.group(0))]
    chosen = (digit_tokens or tokens)[-1:] if tokens else []
    if not chosen:
        return None
    return a + chosen[0].start(), a + chosen[0].end()


# --- ticked options: the one value a tick-box list carries ----------------------------------------------------------

_CLASS_LABEL = re.compile(r"gebaudeklassen?|(?<![a-z])gk(?![a-z])")


def ticked_classes(text: Text) -> Iterator[tuple[int, int, str]]:
    """(original start, original end, digit) of a ticked Gebäudeklasse option after its label."""
    search = text.search
    for m in _CLASS_LABEL.finditer(search):
        window_end = min(len(search), m.end() + 160)
        for option in _OPTION.finditer(search, m.end(), window_end):
            run = _option_run(search, option.start(), option.end())
            if not run:
                continue
            tick = ticked_in_run(search, run)
            if tick is not None:
                _a, b = text.folded.span(tick[0], tick[1])
                yield text.folded.span(m.start(), m.end())[0], b, tick[2]
            break


# --- per document: enumerations and contradictions --------------------------------------------------------------------


_TOTAL = re.compile(r"(?<![a-z])(?:gesamt|insgesamt|summe|gesamtsumme|total)(?![a-z])")


def is_total(raw: str) -> bool:
    """A figure given as the sum of the parts listed before ("Brutto-Rauminhalt gesamt 9.033,60 m³")."""
    return _TOTAL.search(fold(raw).text) is not None


def document_doubts(values: Iterable[tuple[str, str, bool, str]]) -> dict[str, str]:
    """Per field, why none of its values is certain: (field, value, permitted, raw) of every candidate. Parts
    beside a stated total (the Brutto-Rauminhalt per storey and its sum) are no contradiction."""
    distinct: dict[str, set[str]] = {}
    totals: set[str] = set()
    for field, value, permitted, raw in values:
        if not permitted:
            distinct.setdefault(field, set()).add(value)
            if is_total(raw):
                totals.add(field)
    doubts = {}
    for field, seen in distinct.items():
        if field in totals:
            continue
        if len(seen) >= ENUMERATION:
            doubts[field] = f"Das Dokument nennt {len(seen)} verschiedene Werte (eher Erläuterung als Angabe)"
        elif len(seen) == 2:
            doubts[field] = "Das Dokument nennt zwei verschiedene Werte"
    return doubts


# --- per document: a Bebauungsplan's Begründung or textliche Festsetzungen -------------------------------------------

# A plan's Begründung states the limits it sets for a whole area ("GRZ von 0,4", "zwei Vollgeschosse", "Gebäudehöhe
# von 9,00 m"), not what a Vorhaben plans (blind2: Festsetzungen in Planbegründungen were read as project values).
# In such a document no figure of the Maß der baulichen Nutzung is certain; places and parcels still are.
PLAN_FIELDS = frozenset({"vollgeschosse", "gebaeudehoehe_m", "firsthoehe_m", "traufhoehe_m", "hoehe_bauo_m", "grz",
                         "gfz", "brutto_rauminhalt_m3", "wohneinheiten"})
_PLAN_TITLE = re.compile(r"(?<![a-z])(?:begrundung|textliche festsetzungen|planzeichenerklarung)(?![a-z])")
# Groups of words a plan text uses; a document needs three different groups besides its title to count as one.
_PLAN_GROUPS = {
    "festsetzung": r"festsetzung\w*|festgesetzt\w*|festzusetzen",
    "gebiet": r"plangebiet\w*|planungsgebiet\w*|geltungsbereich\w*|baugebiet\w*",
    "baunvo": r"baunvo|baunutzungsverordnung",
    "baugb": r"baugb|baugesetzbuch",
    "plan": r"bebauungsplan\w*|b-plan\w*|bauleitplan\w*|vorhaben- und erschliessungsplan\w*",
    "wohngebiet": r"(?:allgemeine|reine)[sn]? wohngebiet\w*|mischgebiet\w*|gewerbegebiet\w*",
    "orientierung": r"orientierungswert\w*|obergrenze\w*|hochstmass\w*",
}
_PLAN_WORD = re.compile("|".join(f"(?<![a-z])(?P<{name}>{words})(?![a-z])" for name, words in _PLAN_GROUPS.items()))
PLAN_GROUPS_NEEDED = 3


def plan_document(folded_pages: Iterable[str]) -> str:
    """Why no Maß-der-Nutzung figure of this document is certain, or "" (not a plan's Begründung/Festsetzungen)."""
    text = "\n".join(folded_pages)
    if not _PLAN_TITLE.search(text):
        return ""
    groups = {m.lastgroup for m in _PLAN_WORD.finditer(text)}
    if len(groups) < PLAN_GROUPS_NEEDED:
        return ""
    return ("Begründung oder Festsetzungen eines Bebauungsplans: die Zahl ist eine Festsetzung für das Gebiet, "
            "keine Angabe des Vorhabens")


def low_confidence(confidence: float) -> str:
    return "" if confidence >= CERTAIN_CONFIDENCE else "nur indirekt erkannt (geringe Sicherheit)"


