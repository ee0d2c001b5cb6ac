"""Verfahrensart nach §§ 62–65 BauO NRW (Wortlaut i.d.F. des Gesetzes vom 30.06.2021).

Order of the decision:
1. großer Sonderbau (§ 50 Abs. 2) → Baugenehmigungsverfahren (§ 65), ``pass``;
2. § 62 Abs. 1 Satz 1 Nr. 1 Buchst. a (Gebäude bis 75 m³ ohne Aufenthaltsräume) or Buchst. b (Garagen
   bis 30 m², mittlere Wandhöhe bis 3 m, nicht im Außenbereich) → verfahrensfrei, always ``needs_review``
   because the thresholds of § 62 were changed with effect 01.01.2024 and (very probably) 01.09.2026 and
   are not confirmed;
3. § 63 Abs. 1 and 2 (Wohngebäude GK 1–3, sonstige Gebäude GK 1–2, kein Sonderbau, qualifizierter oder
   vorhabenbezogener Bebauungsplan, planconform, Erschließung gesichert) → Genehmigungsfreistellung,
   ``needs_review`` (the Gemeinde may still demand the vereinfachte Verfahren, § 63 Abs. 2 Satz 1 Nr. 5;
   the 2026 version is unconfirmed);
4. otherwise vereinfachtes Baugenehmigungsverfahren (§ 64 Abs. 1), ``pass`` (structure confirmed in the
   2026 excerpts) — ``needs_review`` only for small buildings that a later, wider § 62 catalogue may make
   verfahrensfrei.
Missing data on the way gives ``needs_review`` with ``procedure = None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bauantrag.rules.model import Finding, Procedure, Status, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.building_class import BuildingClassDecision
from bauantrag.rules.nrw.bauo_nrw.sonderbau import SonderbauAssessment
from bauantrag.rules.nrw.common import (
    AMENDMENT_NOTE,
    BAUO_NRW_2021_PROCEDURE,
    FIELD_LABELS,
    PROCEDURE_LABELS,
    labels,
    num,
)

RULE_ID = "bauo_nrw.62-65.verfahrensart"

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
    }
)
#: Small buildings for which a later, wider § 62 catalogue could mean "verfahrensfrei".
_SMALL_BUILDING_USES = frozenset({"garage", "nebengebaeude", "land_forstwirtschaft"})
_FREISTELLUNG_PLANS = frozenset({"bebauungsplan_qualifiziert", "bebauungsplan_vorhabenbezogen"})


@dataclass(frozen=True)
class ProcedureDecision:
    procedure: Procedure | None
    finding: Finding


@dataclass(frozen=True)
class _Test:
    """Tri-state outcome of one statutory condition: True (met), False (not met), None (data missing)."""

    met: bool | None
    text: str
    field: str = ""


def _all(tests: list[_Test]) -> bool | None:
    if any(t.met is False for t in tests):
        return False
    return None if any(t.met is None for t in tests) else True


def _le(value: float | None, limit: float, field: str, what: str, unit: str) -> _Test:
    if value is None:
        return _Test(None, f"{what} nicht angegeben", field)
    ok = value <= limit
    return _Test(ok, f"{what} {num(value, unit)} ({'bis' if ok else 'mehr als'} {num(limit, unit)})", field)


def _not_aussenbereich(v: Vorhaben) -> _Test:
    if v.planning_area is None:
        return _Test(None, "Lage im Außenbereich nicht angegeben", "planning_area")
    ok = v.planning_area != "aussenbereich_35"
    return _Test(ok, "nicht im Außenbereich" if ok else "im Außenbereich (§ 35 BauGB)", "planning_area")


def _verfahrensfrei_tests(v: Vorhaben) -> tuple[str, list[_Test]] | None:
    """The § 62 Abs. 1 Satz 1 Nr. 1 item the Vorhaben is a candidate for, with its conditions."""
    if v.project_kind == "nutzungsaenderung":
        return None
    if v.use == "garage":
        return "§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b BauO NRW", [
            _le(v.wall_height_mean_m, 3, "wall_height_mean_m", "mittlere Wandhöhe", "m"),
            _le(v.gross_floor_area_m2, 30, "gross_floor_area_m2", "Brutto-Grundfläche", "m²"),
            _not_aussenbereich(v),
        ]
    if (
        v.use in {"nebengebaeude", "lager", "land_forstwirtschaft", "sonstiges"}
        and v.has_aufenthaltsraum is not True
    ):
        no_room = _Test(
            None if v.has_aufenthaltsraum is None else True,
            "ohne Aufenthaltsräume" if v.has_aufenthaltsraum is False else "Aufenthaltsräume nicht angegeben",
            "has_aufenthaltsraum",
        )
        outside = _not_aussenbereich(v)
        if outside.met is False and v.use == "land_forstwirtschaft":
            outside = _Test(None, "im Außenbereich: dient es einem land- oder forstwirtschaftlichen Betrieb?")
        return "§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. a BauO NRW", [
            _le(v.gross_volume_m3, 75, "gross_volume_m3", "Brutto-Rauminhalt", "m³"),
            no_room,
            outside,
        ]
    return None


def _freistellung_tests(v: Vorhaben, gk: int | None, sonderbau_large: bool | None) -> list[_Test]:
    limit, kind = (3, "Wohngebäude") if v.use == "wohngebaeude" else (2, "sonstiges Gebäude")
    tests = [
        _Test(None, "Gebäudeklasse nicht bestimmt", "building_class")
        if gk is None
        else _Test(
            gk <= limit, f"{kind} der Gebäudeklasse {gk} ({'bis' if gk <= limit else 'über'} GK {limit})"
        ),
    ]
    if v.use in SONDERBAU_TYPICAL_USES:
        tests.append(
            _Test(None, "Nutzung ist in der Regel ein Sonderbau nach § 50 Abs. 1 (§ 63 Abs. 1 Satz 2)")
        )
    elif sonderbau_large:
        tests.append(_Test(False, "großer Sonderbau"))
    area = v.planning_area
    if area is None:
        tests.append(_Test(None, "planungsrechtliche Lage nicht angegeben", "planning_area"))
    else:
        ok = area in _FREISTELLUNG_PLANS
        tests.append(
            _Test(
                ok,
                "im Geltungsbereich eines qualifizierten oder vorhabenbezogenen Bebauungsplans"
                if ok
                else "nicht im Geltungsbereich eines qualifizierten oder vorhabenbezogenen "
                "Bebauungsplans (§ 63 Abs. 2 Satz 1 Nr. 1)",
            )
        )
    tests.append(
        _flag(
            v.plan_conforming,
            "plan_conforming",
            "ohne Ausnahme, Befreiung oder Abweichung",
            "Ausnahme, Befreiung oder Abweichung erforderlich (§ 63 Abs. 2 Satz 1 Nr. 2 und 4)",
        )
    )
    tests.append(
        _flag(
            v.access_secured,
            "access_secured",
            "Erschließung gesichert",
            "Erschließung nicht gesichert (§ 63 Abs. 2 Satz 1 Nr. 3)",
        )
    )
    return tests


def _flag(value: bool | None, field: str, yes: str, no: str) -> _Test:
    if value is None:
        return _Test(None, f"{FIELD_LABELS[field]} nicht angegeben", field)
    return _Test(value, yes if value else no, field)


def determine(v: Vorhaben, gk: BuildingClassDecision, sonderbau: SonderbauAssessment) -> ProcedureDecision:
    """Decide the Verfahrensart."""
    evidence: dict[str, Any] = {
        "project_kind": v.project_kind,
        "use": v.use,
        "building_class": gk.building_class,
        "is_large_sonderbau": sonderbau.is_large,
        "sonderbau_numbers": list(sonderbau.numbers),
        "planning_area": v.planning_area,
        "plan_conforming": v.plan_conforming,
        "access_secured": v.access_secured,
    }
    if sonderbau.is_large:
        nummern = ", ".join(f"Nr. {n}" for n in sonderbau.numbers)
        message = (
            f"Baugenehmigungsverfahren nach § 65 BauO NRW, weil das Vorhaben ein großer Sonderbau nach "
            f"§ 50 Abs. 2 {nummern} BauO NRW ist. Mit den Bauvorlagen ist ein Brandschutzkonzept "
            "einzureichen (§ 70 Abs. 2 Satz 3)."
        )
        return _decided(
            "baugenehmigungsverfahren", "pass", "§ 65 i.V.m. § 50 Abs. 2 BauO NRW", message, evidence
        )
    if sonderbau.is_large is None:
        message = (
            "Die Verfahrensart kann nicht bestimmt werden, weil offen ist, ob ein großer Sonderbau nach "
            "§ 50 Abs. 2 BauO NRW vorliegt (dann Baugenehmigungsverfahren nach § 65, sonst §§ 62 bis 64). "
            "Siehe die Prüfung zu § 50 Abs. 2."
        )
        return _decided(None, "needs_review", "§§ 62 bis 65 BauO NRW", message, evidence)
    candidate = _verfahrensfrei_tests(v)
    if candidate is not None:
        basis, tests = candidate
        evidence["verfahrensfrei_conditions"] = _evidence(tests)
        state = _all(tests)
        if state is True:
            message = (
                f"Nach {basis} (Wortlaut 2021) verfahrensfrei: {_join(tests)}. "
                "Bitte prüfen: Ställe, Toiletten und Feuerstätten sowie die Einbindung in ein "
                f"genehmigungsbedürftiges Gesamtvorhaben sind nicht erfasst. {AMENDMENT_NOTE} "
                "Auch die Verfahrensfreiheit entbindet nicht von der Einhaltung des öffentlichen Rechts "
                "(§ 60 Abs. 2)."
            )
            return _decided("verfahrensfrei", "needs_review", basis, message, evidence)
        if state is None:
            open_fields = _fields(tests)
            message = (
                f"Ob das Vorhaben nach {basis} verfahrensfrei ist, kann nicht entschieden werden: "
                f"{_join(tests)}." + (f" Fehlende Angaben: {labels(open_fields)}." if open_fields else "")
            )
            return _decided(None, "needs_review", basis, message, evidence)
    tests = _freistellung_tests(v, gk.building_class, sonderbau.is_large)
    evidence["freistellung_conditions"] = _evidence(tests)
    state = _all(tests)
    if state is True:
        message = (
            "Genehmigungsfreistellung nach § 63 Abs. 1 und 2 BauO NRW: " + _join(tests) + ". "
            "Bitte prüfen: Die Gemeinde kann innerhalb eines Monats erklären, dass das vereinfachte "
            "Baugenehmigungsverfahren durchgeführt werden soll (§ 63 Abs. 2 Satz 1 Nr. 5, Abs. 3 Satz 4); "
            "die Lage im Sicherheits- oder Achtungsabstand eines Störfallbetriebs (§ 63 Abs. 1 Satz 2) "
            "ist nicht erfasst. " + AMENDMENT_NOTE
        )
        return _decided(
            "genehmigungsfreistellung", "needs_review", "§ 63 Abs. 1 und 2 BauO NRW", message, evidence
        )
    if state is None:
        message = (
            "Genehmigungsfreistellung (§ 63) oder vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)? "
            f"Nicht entscheidbar: {_join([t for t in tests if t.met is not True])}."
        )
        return _decided(None, "needs_review", "§§ 63, 64 BauO NRW", message, evidence)
    reasons = _join([t for t in tests if t.met is False])
    message = (
        "Vereinfachtes Baugenehmigungsverfahren nach § 64 Abs. 1 BauO NRW: kein großer Sonderbau "
        f"(§ 50 Abs. 2); die Genehmigungsfreistellung (§ 63) scheidet aus: {reasons}."
    )
    if candidate is not None or v.use in _SMALL_BUILDING_USES or v.has_aufenthaltsraum is False:
        message += (
            " Bitte prüfen: Nach dem Wortlaut von 2021 ist das Vorhaben nicht verfahrensfrei; ob der seit "
            "2024/2026 geänderte Katalog des § 62 es verfahrensfrei stellt, ist nicht bestätigt. "
            + AMENDMENT_NOTE
        )
        return _decided("vereinfachtes_verfahren", "needs_review", "§ 64 Abs. 1 BauO NRW", message, evidence)
    return _decided("vereinfachtes_verfahren", "pass", "§ 64 Abs. 1 BauO NRW", message, evidence)


def _join(tests: list[_Test]) -> str:
    return "; ".join(t.text for t in tests)


def _fields(tests: list[_Test]) -> list[str]:
    return [t.field for t in tests if t.met is None and t.field]


def _evidence(tests: list[_Test]) -> list[dict[str, Any]]:
    return [{"condition": t.text, "met": t.met} for t in tests]


def _decided(
    procedure: Procedure | None, status: Status, basis: str, message: str, evidence: dict[str, Any]
) -> ProcedureDecision:
    label = PROCEDURE_LABELS[procedure] if procedure else None
    finding = Finding(
        rule=RULE_ID,
        status=status,
        legal_basis=basis,
        message=message,
        evidence={**evidence, "procedure": procedure, "procedure_label": label},
        law_version=BAUO_NRW_2021_PROCEDURE,
    )
    return ProcedureDecision(procedure, finding)
