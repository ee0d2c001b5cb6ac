"""Building one document: pages of blocks, phrase choice with held-out wording, labelled values."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from bauantrag.assist.corpus.model import Block
from bauantrag.assist.corpus.project import Project, de_number, norm_number

T = TypeVar("T")

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
ROMAN = ("0", "I", "II", "III", "IV", "V", "VI", "VII", "VIII")


class Doc:
    """Collects the pages of one document. ``w()`` picks wording: the test split may also use held-out phrases."""

    def __init__(self, rng: random.Random, project: Project, split: str) -> None:
        self.rng = rng
        self.p = project
        self.split = split
        self.pages: list[list[Block]] = [[]]
        self.fields: dict[str, str] = {}
        self.written: dict[str, set[str]] = {}  # key -> the forms the value was written in
        self.code = ""  # set by the template when it differs from the class's main code
        self.title = ""

    # --- choice -------------------------------------------------------------------------------------
    def w(self, train: Sequence[T], test: Sequence[T] = ()) -> T:
        """One of the train phrases; in the test split also one of the held-out test phrases."""
        options = list(train) + (list(test) if self.split == "test" else [])
        return self.rng.choice(options)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def some(self, items: Sequence[T], low: int, high: int) -> list[T]:
        count = min(len(items), self.rng.randint(low, high))
        return self.rng.sample(list(items), count)

    # --- pages and blocks -------------------------------------------------------------------------
    def page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])

    def add(self, block: Block) -> None:
        self.pages[-1].append(block)

    def h(self, text: str, level: int = 1) -> None:
        self.add(Block(f"h{level}", text))

    def para(self, text: str) -> None:
        self.add(Block("p", text))

    def small(self, text: str) -> None:
        self.add(Block("small", text))

    def ul(self, items: Sequence[str], numbered: bool = False) -> None:
        self.add(Block("ol" if numbered else "ul", items=tuple(items)))

    def kv(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.add(Block("kv", rows=tuple((k, v) for k, v in pairs)))

    def table(self, rows: Sequence[Sequence[str]], header: bool = True) -> None:
        self.add(Block("table", rows=tuple(tuple(r) for r in rows), header=header))

    def letterhead(self, lines: Sequence[str]) -> None:
        self.add(Block("letterhead", items=tuple(lines)))

    def address(self, lines: Sequence[str]) -> None:
        self.add(Block("address", items=tuple(lines)))

    def sig(self, lines: Sequence[str]) -> None:
        self.add(Block("sig", items=tuple(lines)))

    def stamp(self, lines: Sequence[str]) -> None:
        self.add(Block("stamp", items=tuple(lines)))

    def drawing(self, kind: str, labels: Sequence[str]) -> None:
        self.add(Block("drawing", kind, items=tuple(labels)))

    def photo(self, caption: str) -> None:
        self.add(Block("photo", caption))

    # --- values -----------------------------------------------------------------------------------
    def val(self, key: str, style: str = "") -> str:
        """The value as written in this document; records its normalised form in fields."""
        text = self._val(key, style)
        self.written.setdefault(key, set()).add(text)
        return text

    def _val(self, key: str, style: str) -> str:
        p = self.p
        if key in ("flurstueck", "gemarkung", "flur", "bauherr", "kammer_nummer"):
            text = str(getattr(p, key))
            self.fields[key] = text
            return text
        if key == "entwurfsverfasser":
            self.fields[key] = p.architect.name
            return p.architect.name
        if key == "gebaeudeklasse":
            self.fields[key] = str(p.gk)
            return ROMAN[p.gk] if style == "roman" else str(p.gk)
        if key == "vollgeschosse":
            self.fields[key] = str(p.vollgeschosse)
            return ROMAN[p.vollgeschosse] if style == "roman" else str(p.vollgeschosse)
        if key == "wohneinheiten":
            self.fields[key] = str(p.wohneinheiten)
            return str(p.wohneinheiten)
        numeric = {
            "gebaeudehoehe_m": p.gebaeudehoehe_m,
            "firsthoehe_m": p.firsthoehe_m,
            "traufhoehe_m": p.traufhoehe_m,
            "grz": p.grz,
            "gfz": p.gfz,
            "brutto_rauminhalt_m3": p.bri_m3,
        }
        if key in numeric:
            value = numeric[key]
            decimals = 2
            if key in ("grz", "gfz") and style == "short" and round(value, 1) == value:
                decimals = 1
            self.fields[key] = norm_number(value, decimals)
            return de_number(value, decimals, thousands=(style != "plain"))
        raise KeyError(key)

    # --- common phrases ---------------------------------------------------------------------------
    def date(self, long: bool | None = None) -> str:
        d = self.p.datum
        if long is None:
            long = self.chance(0.35)
        return f"{d.day}. {MONTHS[d.month - 1]} {d.year}" if long else f"{d.day:02d}.{d.month:02d}.{d.year}"

    def place_date(self) -> str:
        return f"{self.p.office_town.split(' ', 1)[1]}, {self.date()}"

    def m2(self, value: float) -> str:
        return f"{de_number(value, 2)} m²"

    def num(self, value: float, decimals: int = 2) -> str:
        return de_number(value, decimals)

    def lage_line(self, with_values: bool = True) -> str:
        """E.g. 'Gemarkung Massen, Flur 3, Flurstück 123/4'."""
        if not with_values:
            return f"{self.p.street} {self.p.house_no}, {self.p.plz} {self.p.town}"
        form = self.w(
            (
                "Gemarkung {g}, Flur {f}, Flurstück {s}",
                "Gemarkung: {g} Flur: {f} Flurstück: {s}",
                "Gem. {g}, Flur {f}, Flst. {s}",
            ),
            ("Gemarkung {g} – Flur {f} – Flurstück(e) {s}", "{g}, Fl. {f}, Flst.-Nr. {s}"),
        )
        return form.format(g=self.val("gemarkung"), f=self.val("flur"), s=self.val("flurstueck"))

    def vorhaben_kv(self, *, lage: bool = True, bauherr: bool = True) -> list[tuple[str, str]]:
        pairs = [
            (
                self.w(("Bauvorhaben:", "Vorhaben:", "Bauvorhaben"), ("Gegenstand:", "Betreff Vorhaben:")),
                self.p.vorhaben,
            )
        ]
        pairs.append(
            (self.w(("Baugrundstück:", "Grundstück:", "Lage:"), ("Ort des Vorhabens:",)), self.lage_line(False))
        )
        if lage:
            pairs.append(
                (self.w(("Katasterangaben:", "Gemarkung/Flur/Flurstück:"), ("Liegenschaft:",)), self.lage_line())
            )
        if bauherr:
            pairs.append(
                (self.w(("Bauherr:", "Bauherrschaft:", "Bauherrin/Bauherr:"), ("Antragsteller:",)), self.val("bauherr"))
            )
        return pairs

    def architect_lines(self, with_kammer: bool = False) -> list[str]:
        p = self.p
        lines = [p.office, f"{p.architect_title} {self.val('entwurfsverfasser')}", p.office_street, p.office_town]
        if with_kammer:
            lines.append(
                f"{p.kammer_short} {self.w(('Mitgl.-Nr.', 'Nr.', 'Mitgliedsnummer'))} {self.val('kammer_nummer')}"
            )
        if self.chance(0.5):
            lines.append(f"Tel. 0{self.rng.randint(2300, 2399)} {self.rng.randint(10000, 999999)}")
        return lines

    def signature(self, who: str = "architect") -> None:
        p = self.p
        if who == "architect":
            lines = [
                f"{p.architect_title} {self.val('entwurfsverfasser')}",
                self.w(
                    ("Entwurfsverfasser/in", "(Entwurfsverfasser)", "Unterschrift Entwurfsverfasser"),
                    ("Stempel und Unterschrift",),
                ),
            ]
        elif who == "bauherr":
            lines = [
                self.val("bauherr"),
                self.w(("Bauherr/in", "(Bauherrschaft)", "Unterschrift Bauherr"), ("Unterschrift der Bauherrschaft",)),
            ]
        elif who == "engineer":
            lines = [
                f"{self.rng.choice(('Dipl.-Ing.', 'Dr.-Ing.', 'M.Eng.'))} {p.engineer.name}",
                self.w(
                    ("Tragwerksplaner", "Aufsteller", "(Aufsteller der statischen Berechnung)"), ("Tragwerksplanung",)
                ),
            ]
        else:
            lines = [p.fire_expert.name, p.fire_office]
        self.sig([self.place_date(), *lines])
