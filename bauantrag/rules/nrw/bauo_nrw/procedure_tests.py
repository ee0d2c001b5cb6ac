"""The statutory conditions of §§ 62 and 63 BauO NRW as tri-state tests (met, not met, data missing).

``PlanConformity`` carries what the planning check found, so that a Genehmigungsfreistellung is never "met" while
the same report finds the Vorhaben at odds with the Bebauungsplan (§ 63 Abs. 2 Satz 1 Nr. 2) or in need of an
Abweichung (Nr. 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bauantrag.rules.model import Finding, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.provisions import BauOProvisions
from bauantrag.rules.nrw.common import FIELD_LABELS, USE_LABELS, num

#: Uses that as a rule are Sonderbauten in the sense of § 50 Abs. 1;
#: § 63 Abs. 1 Satz 2 excludes all Sonderbauten from the Genehmigungsfreistellung.
SONDERBAU_TYPICAL_USES = frozenset(
    {
        "verkaufsstaette",
        "gaststaette",
        "beherbergung",
        "versammlungsstaette",
        "kita",
        "schule",
        "krankenhaus",
        "pflege",
        "wohnheim",
        "vergnuegungsstaette",
        "tankstelle",
    }
)
RESIDENTIAL_USES = frozenset({"wohngebaeude"})
_FREISTELLUNG_PLANS = frozenset({"bebauungsplan_qualifiziert", "bebauungsplan_vorhabenbezogen"})
#: Findings of the planning check that say whether the Vorhaben keeps to the Festsetzungen (§ 63 Abs. 2 Nr. 2).
PLAN_RULES: dict[str, str] = {
    "bplan.lage": "Lage im Bebauungsplan",
    "baunvo.art_der_nutzung": "Art der baulichen Nutzung",
    "baunvo.19.grz": "Grundflächenzahl",
    "baunvo.20.gfz": "Geschossflächenzahl",
    "bauo_nrw.2.6.vollgeschosse": "Zahl der Vollgeschosse",
    "bplan.hoehe": "Höhe baulicher Anlagen",
    "baunvo.23.baugrenze": "Baugrenze",
    "baunvo.23.baulinie": "Baulinie",
}
#: Findings whose failure needs an Abweichung nach § 69 (§ 63 Abs. 2 Nr. 4).
ABWEICHUNG_RULES: dict[str, str] = {"bauo_nrw.6.abstandsflaechen": "Abstandsflächen (§ 6 BauO NRW)"}


@dataclass(frozen=True)
class PlanConformity:
    """What the planning check found: names of the findings that failed or need review."""

    violated: tuple[str, ...] = ()
    abweichung: tuple[str, ...] = ()
    open: tuple[str, ...] = ()

    @classmethod
    def of(cls, findings: list[Finding]) -> PlanConformity:
        def names(table: dict[str, str], status: str) -> tuple[str, ...]:
            return tuple(table[f.rule] for f in findings if f.rule in table and f.status == status)

        return cls(
            violated=names(PLAN_RULES, "fail"),
            abweichung=names(ABWEICHUNG_RULES, "fail"),
            open=names(PLAN_RULES, "needs_review") + names(ABWEICHUNG_RULES, "needs_review"),
        )

    def open_sentence(self) -> str:
        if not self.open:
            return ""
        return (
            " Ob das Vorhaben den Festsetzungen des Bebauungsplans entspricht, ist in der Vorprüfung noch offen: "
            f"{', '.join(self.open)} (siehe dort)."
        )


@dataclass(frozen=True)
class Test:
    """Tri-state outcome of one statutory condition: True (met), False (not met), None (data missing)."""

    met: bool | None
    text: str
    field: str = ""


def all_met(tests: list[Test]) -> bool | None:
    if any(t.met is False for t in tests):
        return False
    return None if any(t.met is None for t in tests) else True


def join(tests: list[Test]) -> str:
    return "; ".join(t.text for t in tests)


def fields_of(tests: list[Test]) -> list[str]:
    return [t.field for t in tests if t.met is None and t.field]


def evidence_of(tests: list[Test]) -> list[dict[str, Any]]:
    return [{"condition": t.text, "met": t.met} for t in tests]


def _le(value: float | None, limit: float, field: str, what: str, unit: str) -> Test:
    if value is None:
        return Test(None, f"{what} nicht angegeben", field)
    ok = value <= limit
    return Test(ok, f"{what} {num(value, unit)} ({'bis' if ok else 'mehr als'} {num(limit, unit)})", field)


def _not_aussenbereich(v: Vorhaben) -> Test:
    if v.planning_area is None:
        return Test(None, "Lage im Außenbereich nicht angegeben", "planning_area")
    ok = v.planning_area != "aussenbereich_35"
    return Test(ok, "nicht im Außenbereich" if ok else "im Außenbereich (§ 35 BauGB)", "planning_area")


def verfahrensfrei_tests(v: Vorhaben) -> tuple[str, list[Test], str] | None:
    """The § 62 Abs. 1 Satz 1 Nr. 1 item the Vorhaben is a candidate for, its conditions and a remark."""
    if v.project_kind == "nutzungsaenderung" or len(v.all_uses()) > 1:
        return None
    if v.use == "garage":
        return "§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b BauO NRW", [
            _le(v.wall_height_mean_m, 3, "wall_height_mean_m", "mittlere Wandhöhe", "m"),
            _garage_area(v),
            _not_aussenbereich(v),
        ], _existing_garages_remark(v)
    if v.use in {"nebengebaeude", "lager", "land_forstwirtschaft", "sonstiges"} and v.has_aufenthaltsraum is not True:
        no_room = Test(
            None if v.has_aufenthaltsraum is None else True,
            "ohne Aufenthaltsräume" if v.has_aufenthaltsraum is False else "Aufenthaltsräume nicht angegeben",
            "has_aufenthaltsraum",
        )
        outside = _not_aussenbereich(v)
        if outside.met is False and v.use == "land_forstwirtschaft":
            outside = Test(None, "im Außenbereich: dient es einem land- oder forstwirtschaftlichen Betrieb?")
        return "§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. a BauO NRW", [
            _le(v.gross_volume_m3, 75, "gross_volume_m3", "Brutto-Rauminhalt", "m³"),
            no_room,
            outside,
        ], ""
    return None


def _garage_area(v: Vorhaben) -> Test:
    """§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b: "Brutto-Grundfläche bis zu insgesamt 30 m²" – existing garages count."""
    if v.gross_floor_area_m2 is None or v.existing_garages_area_m2 is None:
        return _le(v.gross_floor_area_m2, 30, "gross_floor_area_m2", "Brutto-Grundfläche", "m²")
    total = v.gross_floor_area_m2 + v.existing_garages_area_m2
    return _le(total, 30, "gross_floor_area_m2", "Brutto-Grundfläche mit den vorhandenen Garagen insgesamt", "m²")


def _existing_garages_remark(v: Vorhaben) -> str:
    if v.existing_garages_area_m2 is not None:
        return ""
    return (
        " Garagen, die auf dem Grundstück schon stehen, zählen zu den 30 m² hinzu („bis zu insgesamt 30 m²“); "
        "ob es solche gibt, ist nicht angegeben."
    )


def freistellung_tests(
    v: Vorhaben,
    gk: int | None,
    sonderbau_large: bool | None,
    provisions: BauOProvisions,
    plan_check: PlanConformity,
) -> list[Test]:
    tests = [_kind_and_class(v, gk, provisions)]
    typical = [use for use in v.all_uses() if use in SONDERBAU_TYPICAL_USES]
    if typical:
        what = ", ".join(USE_LABELS[use] for use in typical)
        tests.append(Test(None, f"{what}: in der Regel ein Sonderbau nach § 50 Abs. 1 (§ 63 Abs. 1 Satz 2)"))
    elif sonderbau_large:
        tests.append(Test(False, "großer Sonderbau"))
    tests.append(_plan_area(v))
    tests.append(_conformity(v, plan_check))
    if plan_check.abweichung:
        tests.append(Test(
            False, f"Abweichung nach § 69 erforderlich: {', '.join(plan_check.abweichung)} (§ 63 Abs. 2 Satz 1 Nr. 4)"
        ))
    tests.append(_flag(v.access_secured, "access_secured", "Erschließung gesichert",
                       "Erschließung nicht gesichert (§ 63 Abs. 2 Satz 1 Nr. 3)"))
    return tests


def _kind_and_class(v: Vorhaben, gk: int | None, provisions: BauOProvisions) -> Test:
    if gk is None:
        return Test(None, "Gebäudeklasse nicht bestimmt", "building_class")
    residential_limit, other_limit = provisions.freistellung_wohngebaeude_bis_gk, 2
    uses = set(v.all_uses())
    if uses <= RESIDENTIAL_USES:
        ok = gk <= residential_limit
        return Test(ok, f"Wohngebäude der Gebäudeklasse {gk} ({'bis' if ok else 'über'} GK {residential_limit})")
    if RESIDENTIAL_USES & uses and other_limit < gk <= residential_limit:
        others = ", ".join(USE_LABELS[use] for use in v.all_uses() if use not in RESIDENTIAL_USES)
        return Test(None, f"Gebäude der Gebäudeklasse {gk} mit Wohnungen und {others}: ob es ein Wohngebäude im "
                          "Sinne des § 63 Abs. 1 Satz 1 Nr. 1 ist, prüft die Bauaufsicht")
    ok = gk <= other_limit
    return Test(ok, f"sonstiges Gebäude der Gebäudeklasse {gk} ({'bis' if ok else 'über'} GK {other_limit})")


def _plan_area(v: Vorhaben) -> Test:
    if v.planning_area is None:
        return Test(None, "planungsrechtliche Lage nicht angegeben", "planning_area")
    ok = v.planning_area in _FREISTELLUNG_PLANS
    return Test(
        ok,
        "im Geltungsbereich eines qualifizierten oder vorhabenbezogenen Bebauungsplans"
        if ok
        else "nicht im Geltungsbereich eines qualifizierten oder vorhabenbezogenen Bebauungsplans "
        "(§ 63 Abs. 2 Satz 1 Nr. 1)",
    )


def _conformity(v: Vorhaben, plan_check: PlanConformity) -> Test:
    if plan_check.violated:
        return Test(
            False,
            "widerspricht nach der Vorprüfung den Festsetzungen des Bebauungsplans: "
            f"{', '.join(plan_check.violated)} (§ 63 Abs. 2 Satz 1 Nr. 2)",
        )
    return _flag(v.plan_conforming, "plan_conforming", "ohne Ausnahme, Befreiung oder Abweichung",
                 "Ausnahme, Befreiung oder Abweichung erforderlich (§ 63 Abs. 2 Satz 1 Nr. 2 und 4)")


def _flag(value: bool | None, field: str, yes: str, no: str) -> Test:
    if value is None:
        return Test(None, f"{FIELD_LABELS[field]} nicht angegeben", field)
    return Test(value, yes if value else no, field)
