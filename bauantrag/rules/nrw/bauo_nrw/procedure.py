"""Verfahrensart nach §§ 62–65 BauO NRW (Fassungen 2021 und 2024; data in ``provisions``).

Order of the decision:
1. großer Sonderbau (§ 50 Abs. 2) → Baugenehmigungsverfahren (§ 65), ``pass``; from 2024 a Sonderbau in the scope
   of Directive (EU) 2018/2001 (renewable energy) stays in the vereinfachte Verfahren (§ 64 Abs. 2), ``needs_review``;
2. § 62 Abs. 1 Satz 1 Nr. 1 Buchst. a (Gebäude bis 75 m³ ohne Aufenthaltsräume) or Buchst. b (Garagen bis
   insgesamt 30 m² – garages already on the parcel count –, mittlere Wandhöhe bis 3 m, nicht im Außenbereich)
   → verfahrensfrei, ``needs_review`` (Ställe, Toiletten, Feuerstätten and the Gesamtvorhaben are not asked);
3. § 63 Abs. 1 and 2 (Wohngebäude GK 1–3, from 2024 GK 1–4; sonstige Gebäude GK 1–2; kein Sonderbau;
   qualifizierter oder vorhabenbezogener Bebauungsplan; no contradiction to the plan – the planning check's
   ``fail`` findings count, § 63 Abs. 2 Satz 1 Nr. 2 –; no Abweichung, Nr. 4; Erschließung, Nr. 3)
   → Genehmigungsfreistellung, ``needs_review`` (the Gemeinde may still demand the vereinfachte Verfahren,
   § 63 Abs. 2 Satz 1 Nr. 5);
4. otherwise vereinfachtes Baugenehmigungsverfahren (§ 64 Abs. 1), ``pass`` – ``needs_review`` for small
   buildings, for which § 62 Abs. 1 has further items the form does not ask.
Missing data on the way gives ``needs_review`` with ``procedure = None``. For a case governed by a Fassung
without available text (from 01.09.2026) every answer is ``needs_review`` with the note for the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bauantrag.rules.model import Finding, Procedure, Status, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.building_class import BuildingClassDecision
from bauantrag.rules.nrw.bauo_nrw.procedure_tests import (
    PlanConformity,
    Test,
    all_met,
    evidence_of,
    fields_of,
    freistellung_tests,
    join,
    verfahrensfrei_tests,
)
from bauantrag.rules.nrw.bauo_nrw.provisions import BauOProvisions, provisions_for
from bauantrag.rules.nrw.bauo_nrw.sonderbau import SonderbauAssessment
from bauantrag.rules.nrw.common import PROCEDURE_LABELS, labels
from bauantrag.rules.nrw.rechtslage import Rechtslage

RULE_ID = "bauo_nrw.62-65.verfahrensart"

#: Small buildings: § 62 Abs. 1 has items beyond Nr. 1 a/b (Gewächshäuser, Schutzhütten, Gartenlauben, …).
_SMALL_BUILDING_USES = frozenset({"garage", "nebengebaeude", "land_forstwirtschaft", "gartenbau"})


@dataclass(frozen=True)
class ProcedureDecision:
    procedure: Procedure | None
    finding: Finding


@dataclass
class _Answer:
    procedure: Procedure | None
    status: Status
    basis: str
    message: str
    notes: list[str] = field(default_factory=list)


def determine(
    v: Vorhaben,
    gk: BuildingClassDecision,
    sonderbau: SonderbauAssessment,
    rl: Rechtslage,
    plan_check: PlanConformity | None = None,
) -> ProcedureDecision:
    """Decide the Verfahrensart under the Fassung ``rl`` applies, consistent with the planning check."""
    provisions = provisions_for(rl.bauo_applied)
    evidence: dict[str, Any] = {
        "project_kind": v.project_kind,
        "uses": list(v.all_uses()),
        "building_class": gk.building_class,
        "is_large_sonderbau": sonderbau.is_large,
        "sonderbau_numbers": list(sonderbau.numbers),
        "planning_area": v.planning_area,
        "plan_conforming": v.plan_conforming,
        "access_secured": v.access_secured,
    }
    answer = _decide(v, gk, sonderbau, provisions, plan_check or PlanConformity(), evidence)
    if rl.bauo_text_missing:
        answer.status = "needs_review"
        answer.message += (
            f" Für diesen Antrag gilt die {rl.bauo.name}; die Bauaufsicht bestätigt die Verfahrensart nach dieser "
            "Fassung."
        )
        answer.notes.append(rl.missing_text_note())
    label = PROCEDURE_LABELS[answer.procedure] if answer.procedure else None
    finding = Finding(
        rule=RULE_ID,
        status=answer.status,
        legal_basis=answer.basis,
        message=answer.message,
        evidence={**evidence, "procedure": answer.procedure, "procedure_label": label},
        law_version=rl.bauo_applied.name,
        review_note=" ".join(note for note in answer.notes if note),
    )
    return ProcedureDecision(answer.procedure, finding)


def _decide(
    v: Vorhaben,
    gk: BuildingClassDecision,
    sonderbau: SonderbauAssessment,
    provisions: BauOProvisions,
    plan_check: PlanConformity,
    evidence: dict[str, Any],
) -> _Answer:
    if sonderbau.is_large:
        return _large(v, sonderbau, provisions)
    if sonderbau.is_large is None:
        return _Answer(
            None, "needs_review", "§§ 62 bis 65 BauO NRW",
            "Die Verfahrensart kann nicht bestimmt werden, weil offen ist, ob ein großer Sonderbau nach § 50 Abs. 2 "
            "BauO NRW vorliegt (dann Baugenehmigungsverfahren nach § 65, sonst §§ 62 bis 64). Siehe die Prüfung "
            "zu § 50 Abs. 2.",
        )
    candidate = verfahrensfrei_tests(v)
    if candidate is not None:
        basis, tests, remarks = candidate
        evidence["verfahrensfrei_conditions"] = evidence_of(tests)
        state = all_met(tests)
        if state is True:
            return _Answer(
                "verfahrensfrei", "needs_review", basis,
                f"Nach {basis} verfahrensfrei: {join(tests)}.{remarks} Bitte prüfen: Ställe, Toiletten und "
                "Feuerstätten sowie die Einbindung in ein genehmigungsbedürftiges Gesamtvorhaben sind nicht "
                "erfasst. Auch die Verfahrensfreiheit entbindet nicht von der Einhaltung des öffentlichen Rechts "
                "(§ 60 Abs. 2).",
            )
        if state is None:
            missing = fields_of(tests)
            return _Answer(
                None, "needs_review", basis,
                f"Ob das Vorhaben nach {basis} verfahrensfrei ist, kann nicht entschieden werden: {join(tests)}."
                + (f" Fehlende Angaben: {labels(missing)}." if missing else ""),
            )
    tests = freistellung_tests(v, gk.building_class, sonderbau.is_large, provisions, plan_check)
    evidence["freistellung_conditions"] = evidence_of(tests)
    return _freistellung_or_simplified(v, tests, candidate is not None, provisions, plan_check, gk)


def _large(v: Vorhaben, sonderbau: SonderbauAssessment, provisions: BauOProvisions) -> _Answer:
    nummern = ", ".join(f"Nr. {n}" for n in sonderbau.numbers)
    if provisions.erneuerbare_sonderbauten_vereinfacht and "erneuerbare_energien" in v.all_uses():
        return _Answer(
            "vereinfachtes_verfahren", "needs_review", "§ 64 Abs. 2 BauO NRW",
            f"Das Vorhaben ist ein großer Sonderbau nach § 50 Abs. 2 {nummern} BauO NRW. Als Anlage zur Nutzung "
            "erneuerbarer Energien wird es im vereinfachten Baugenehmigungsverfahren geprüft, wenn es in den "
            "Anwendungsbereich der Richtlinie (EU) 2018/2001 fällt (§ 64 Abs. 2); das prüft die Bauaufsicht. "
            "Sonst gilt das Baugenehmigungsverfahren (§ 65).",
            ["§ 64 Abs. 2 BauO NRW (ab 01.01.2024): „Absatz 1 gilt auch für Sonderbauten, die in den "
             "Anwendungsbereich der Richtlinie (EU) 2018/2001 … fallen.“ Ob die Anlage darunter fällt, ist aus den "
             "Antragsdaten nicht erkennbar."],
        )
    return _Answer(
        "baugenehmigungsverfahren", "pass", "§ 65 i.V.m. § 50 Abs. 2 BauO NRW",
        f"Baugenehmigungsverfahren nach § 65 BauO NRW, weil das Vorhaben ein großer Sonderbau nach § 50 Abs. 2 "
        f"{nummern} BauO NRW ist. Mit den Bauvorlagen ist ein Brandschutzkonzept einzureichen (§ 70 Abs. 2 Satz 3).",
    )


def _freistellung_or_simplified(
    v: Vorhaben,
    tests: list[Test],
    small_candidate: bool,
    provisions: BauOProvisions,
    plan_check: PlanConformity,
    gk: BuildingClassDecision,
) -> _Answer:
    state = all_met(tests)
    if state is True:
        answer = _Answer(
            "genehmigungsfreistellung", "needs_review", "§ 63 Abs. 1 und 2 BauO NRW",
            "Genehmigungsfreistellung nach § 63 Abs. 1 und 2 BauO NRW: " + join(tests) + ". Die Gemeinde kann "
            "innerhalb eines Monats erklären, dass das vereinfachte Baugenehmigungsverfahren durchgeführt werden "
            "soll (§ 63 Abs. 2 Satz 1 Nr. 5, Abs. 3 Satz 4); die Lage im Sicherheits- oder Achtungsabstand eines "
            "Störfallbetriebs (§ 63 Abs. 1 Satz 2) ist nicht erfasst." + plan_check.open_sentence(),
        )
        if v.use == "wohngebaeude" and gk.building_class == provisions.freistellung_wohngebaeude_bis_gk:
            answer.notes.append(provisions.freistellung_note)
        return answer
    if state is None:
        return _Answer(
            None, "needs_review", "§§ 63, 64 BauO NRW",
            "Genehmigungsfreistellung (§ 63) oder vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)? "
            f"Nicht entscheidbar: {join([t for t in tests if t.met is not True])}.",
        )
    message = (
        "Vereinfachtes Baugenehmigungsverfahren nach § 64 Abs. 1 BauO NRW: kein großer Sonderbau (§ 50 Abs. 2); "
        f"die Genehmigungsfreistellung (§ 63) scheidet aus: {join([t for t in tests if t.met is False])}."
    )
    if small_candidate or _SMALL_BUILDING_USES & set(v.all_uses()) or v.has_aufenthaltsraum is False:
        message += (
            " Bitte prüfen: Geprüft wurden nur § 62 Abs. 1 Satz 1 Nr. 1 Buchst. a und b; die übrigen "
            "verfahrensfreien Vorhaben des § 62 (z. B. Gewächshäuser, Schutzhütten, Gartenlauben, "
            "Terrassenüberdachungen) fragt der Antrag nicht ab."
        )
        return _Answer("vereinfachtes_verfahren", "needs_review", "§ 64 Abs. 1 BauO NRW", message)
    return _Answer("vereinfachtes_verfahren", "pass", "§ 64 Abs. 1 BauO NRW", message)
