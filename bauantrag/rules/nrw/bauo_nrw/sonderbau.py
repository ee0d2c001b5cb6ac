"""Große Sonderbauten nach § 50 Abs. 2 Nr. 1–18 BauO NRW (Fassungen 2021 und 2024: Schwellen gleichlautend).

The 2024 Fassung adds to Nr. 2 an exception for antenna masts that are verfahrensfrei (§ 62 Abs. 1 Satz 1 Nr. 5
Buchst. a Doppelbuchst. aa); antennas are no use of the application form, so it does not change an answer here.
Every use of the Vorhaben counts (mixed use: a Vergnügungsstätte in one storey makes the building a großer
Sonderbau, Nr. 7).

Only the Nummern that the Vorhaben's fields can decide are checked; Nummern for which the application form
has no data (e.g. Nr. 16 Regallager, Nr. 17 Explosionsgefahr) are listed in ``evidence["not_checkable"]``
and named in the message. A relevant field that is empty gives ``needs_review``. ``pass`` means
"determined" (large or not).

How the fields are read: ``visitors`` = Besucher der Versammlungsräume (Nr. 6 Buchst. a); ``persons_cared``
= Personen je Pflege-Nutzungseinheit (Nr. 8 Buchst. a) or betreute Kinder einer Kita (Nr. 11).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bauantrag.rules.model import Finding, Vorhaben
from bauantrag.rules.nrw.common import inputs, labels, num
from bauantrag.rules.nrw.rechtslage import Rechtslage

RULE_ID = "bauo_nrw.50.2.grosser_sonderbau"

#: Nummern decided by the use alone (Nr. 7, 9, 10, 12).
_USE_ALWAYS_LARGE = {
    "vergnuegungsstaette": ("7", "Vergnügungsstätte"),
    "krankenhaus": ("9", "Krankenhaus"),
    "wohnheim": ("10", "Wohnheim"),
    "schule": ("12", "Schule"),
}
#: Uses for which a Nummer very probably applies but the form cannot tell: the answer goes to the clerk.
_USE_OPEN = {
    "tankstelle": (
        "17",
        "Tankstelle: ob die Lagerung von Kraftstoffen eine Nutzung mit Explosions- oder erhöhter Brandgefahr ist "
        "(Nr. 17)",
    ),
}
_ASSEMBLY_USES = frozenset({"versammlungsstaette", "anlage_kirchlich", "anlage_kulturell", "anlage_sportlich"})

#: Nummern that no field of the application decides, per use.
_NOT_CHECKABLE: dict[str, tuple[str, ...]] = {
    "gaststaette": ("Nr. 7: Gastplätze im Freien (mehr als 1.000)", "Nr. 7: Vergnügungsstätte oder Wettbüro"),
    "pflege": (
        "Nr. 8 Buchst. b: Nutzungseinheiten für Personen mit Intensivpflegebedarf",
        "Nr. 8 Buchst. c: gemeinsamer Rettungsweg für insgesamt mehr als zwölf Personen",
        "Nr. 11: Tageseinrichtung für Menschen mit Behinderung oder alte Menschen",
    ),
    "versammlungsstaette": ("Nr. 6 Buchst. b und c: Versammlungsstätten im Freien, Sportstadien",),
    "gewerbe": (
        "Nr. 7: Vergnügungsstätte oder Wettbüro",
        "Nr. 16: Regallager mit Oberkante Lagergut über 9 m",
        "Nr. 17: Umgang mit oder Lagerung von Stoffen mit Explosions- oder erhöhter Brandgefahr",
    ),
    "lager": (
        "Nr. 16: Regallager mit Oberkante Lagergut über 9 m",
        "Nr. 17: Umgang mit oder Lagerung von Stoffen mit Explosions- oder erhöhter Brandgefahr",
    ),
    "land_forstwirtschaft": (
        "Nr. 17: Umgang mit oder Lagerung von Stoffen mit Explosions- oder erhöhter Brandgefahr",
    ),
    "anlage_kirchlich": ("Nr. 6: Versammlungsräume für mehr als 200 Besucherinnen und Besucher",),
    "anlage_kulturell": ("Nr. 6: Versammlungsräume für mehr als 200 Besucherinnen und Besucher",),
    "anlage_sportlich": ("Nr. 6: Versammlungsstätte oder Sportstadion mit Tribünen",),
    "anlage_sozial": (
        "Nr. 8: Nutzungseinheiten zur Pflege oder Betreuung",
        "Nr. 11: Einrichtung zur Unterbringung oder Tageseinrichtung",
    ),
    "handwerk": ("Nr. 17: Umgang mit oder Lagerung von Stoffen mit Explosions- oder erhöhter Brandgefahr",),
    "sonstiges": (
        "Nr. 7: Vergnügungsstätte oder Wettbüro",
        "Nr. 13: Justizvollzugsanstalt, Maßregelvollzug",
        "Nr. 14: Camping- oder Wochenendplatz",
        "Nr. 15: Freizeit- oder Vergnügungspark",
        "Nr. 16: Regallager mit Oberkante Lagergut über 9 m",
        "Nr. 17: Umgang mit oder Lagerung von Stoffen mit Explosions- oder erhöhter Brandgefahr",
    ),
}


@dataclass(frozen=True)
class _Check:
    nummer: str
    criterion: str
    field: str
    value: float | None
    threshold: float | None

    @property
    def applies(self) -> bool | None:
        if self.threshold is None:
            return True
        return None if self.value is None else self.value > self.threshold

    def as_evidence(self) -> dict[str, Any]:
        return {
            "number": self.nummer,
            "criterion": self.criterion,
            "field": self.field,
            "value": self.value,
            "more_than": self.threshold,
            "applies": self.applies,
        }


@dataclass(frozen=True)
class SonderbauAssessment:
    is_large: bool | None
    numbers: tuple[str, ...]
    finding: Finding


def _checks(v: Vorhaben) -> list[_Check]:
    uses = v.all_uses()
    checks = [_Check("1", "Hochhaus: Höhe nach § 2 Abs. 3 Satz 2 mehr als 22 m", "height_m", v.height_m, 22)]
    structure = v.structure_height_m
    if structure is None and v.height_m is not None and v.height_m > 30:
        structure = v.height_m
    checks.append(
        _Check("2", "bauliche Anlage mit einer Höhe von mehr als 30 m", "structure_height_m", structure, 30)
    )
    if uses != ("wohngebaeude",):
        checks.append(
            _Check(
                "3",
                "Grundfläche des Geschosses mit der größten Ausdehnung mehr als 1.600 m²",
                "largest_storey_area_m2",
                v.largest_storey_area_m2,
                1600,
            )
        )
    if "verkaufsstaette" in uses or v.sales_area_m2 is not None:
        checks.append(
            _Check("4", "Verkaufsstätte mit mehr als 2.000 m²", "sales_area_m2", v.sales_area_m2, 2000)
        )
    if "buero_verwaltung" in uses:
        checks.append(
            _Check(
                "5",
                "Büro- und Verwaltungsgebäude mit mehr als 3.000 m² Geschossfläche",
                "floor_area_m2",
                v.floor_area_m2,
                3000,
            )
        )
    if "versammlungsstaette" in uses or (_ASSEMBLY_USES & set(uses) and v.visitors is not None):
        checks.append(
            _Check(
                "6 Buchst. a",
                "Versammlungsräume für mehr als 200 Besucherinnen und Besucher",
                "visitors",
                _f(v.visitors),
                200,
            )
        )
    if "gaststaette" in uses or v.guest_places_inside is not None:
        checks.append(
            _Check(
                "7",
                "Gaststätte mit mehr als 200 Gastplätzen in Gebäuden",
                "guest_places_inside",
                _f(v.guest_places_inside),
                200,
            )
        )
    if "beherbergung" in uses:
        checks.append(_Check("7", "Beherbergungsstätte mit mehr als 30 Betten", "beds", _f(v.beds), 30))
    if "pflege" in uses:
        checks.append(
            _Check(
                "8 Buchst. a",
                "Pflege-Nutzungseinheit für mehr als sechs Personen",
                "persons_cared",
                _f(v.persons_cared),
                6,
            )
        )
    if "kita" in uses:
        checks.append(
            _Check(
                "11", "Tageseinrichtung für mehr als zehn Kinder", "persons_cared", _f(v.persons_cared), 10
            )
        )
    for use in uses:
        if use in _USE_ALWAYS_LARGE:
            nummer, name = _USE_ALWAYS_LARGE[use]
            checks.append(_Check(nummer, name, "use", None, None))
    if "garage" in uses or v.garage_usable_area_m2 is not None:
        checks.append(
            _Check(
                "18",
                "Garage mit mehr als 1.000 m² Nutzfläche",
                "garage_usable_area_m2",
                v.garage_usable_area_m2,
                1000,
            )
        )
    return checks


def _f(value: int | None) -> float | None:
    return None if value is None else float(value)


def _greenhouse_open(v: Vorhaben, check: _Check) -> bool:
    """Nr. 3 excepts agricultural greenhouses without sales; the form does not say whether it is one."""
    return check.nummer == "3" and check.applies is True and "land_forstwirtschaft" in v.all_uses()


def assess(v: Vorhaben, rl: Rechtslage) -> SonderbauAssessment:
    """Decide whether the Vorhaben is a großer Sonderbau (§ 50 Abs. 2 BauO NRW)."""
    result = _assess(v, rl.bauo_applied.name)
    note = rl.missing_text_note()
    if not note:
        return result
    return SonderbauAssessment(result.is_large, result.numbers, replace(result.finding, review_note=note))


def _assess(v: Vorhaben, law: str) -> SonderbauAssessment:
    checks = _checks(v)
    not_checkable = list(dict.fromkeys(item for use in v.all_uses() for item in _NOT_CHECKABLE.get(use, ())))
    open_uses = [_USE_OPEN[use][1] for use in v.all_uses() if use in _USE_OPEN]
    greenhouse = any(_greenhouse_open(v, c) for c in checks)
    hits = [c for c in checks if c.applies is True and not _greenhouse_open(v, c)]
    open_fields = sorted({c.field for c in checks if c.applies is None})
    evidence: dict[str, Any] = {
        "inputs": inputs(v, ("use", *dict.fromkeys(c.field for c in checks if c.field != "use"))),
        "checked": [c.as_evidence() for c in checks],
        "not_checkable": not_checkable,
    }
    note = f" Aus den Angaben nicht prüfbar: {'; '.join(not_checkable)}." if not_checkable else ""
    if hits:
        numbers = tuple(dict.fromkeys(c.nummer for c in hits))
        reasons = "; ".join(_hit_text(c) for c in hits)
        basis = "§ 50 Abs. 2 " + ", ".join(f"Nr. {n}" for n in numbers) + " BauO NRW"
        message = f"Großer Sonderbau nach {basis}: {reasons}."
        return SonderbauAssessment(True, numbers, _finding("pass", basis, message, evidence, True, law))
    if open_fields or greenhouse or open_uses:
        parts = list(open_uses)
        if open_fields:
            parts.append(f"folgende Angaben fehlen: {labels(open_fields)}")
        if greenhouse:
            parts.append(
                "es ist nicht angegeben, ob es sich um ein Gewächshaus ohne Verkaufsstätte eines "
                "land- oder forstwirtschaftlichen oder gartenbaulichen Betriebs handelt (Nr. 3)"
            )
        message = (
            "Ob ein großer Sonderbau nach § 50 Abs. 2 BauO NRW vorliegt, kann nicht entschieden werden: "
            + "; ".join(parts)
            + "."
            + note
        )
        evidence["missing"] = open_fields
        return SonderbauAssessment(
            None, (), _finding("needs_review", "§ 50 Abs. 2 BauO NRW", message, evidence, None, law)
        )
    checked = ", ".join(dict.fromkeys(f"Nr. {c.nummer}" for c in checks))
    message = (
        f"Nach den Angaben kein großer Sonderbau nach § 50 Abs. 2 BauO NRW (geprüft: {checked}; "
        "die übrigen Nummern betreffen andere Nutzungen)." + note
    )
    return SonderbauAssessment(
        False, (), _finding("pass", "§ 50 Abs. 2 BauO NRW", message, evidence, False, law)
    )


def _hit_text(check: _Check) -> str:
    if check.threshold is None or check.value is None:
        return check.criterion
    unit = {
        "height_m": " m",
        "structure_height_m": " m",
        "visitors": "",
        "guest_places_inside": "",
        "beds": "",
        "persons_cared": "",
    }.get(check.field, " m²")
    return f"{check.criterion} ({num(check.value)}{unit})"


def _finding(
    status: Any, basis: str, message: str, evidence: dict[str, Any], is_large: bool | None, law: str
) -> Finding:
    return Finding(
        rule=RULE_ID,
        status=status,
        legal_basis=basis,
        message=message,
        evidence={**evidence, "is_large_sonderbau": is_large},
        law_version=law,
    )
