"""Vollständigkeit der Bauvorlagen nach BauPrüfVO NRW (i.d.F. vom 02.07.2021) und §§ 67, 68 BauO NRW.

The procedure checked against is the one the case proceeds in (``procedure_wish.effective``): when the
Bauherrschaft lawfully chose the vereinfachte Verfahren instead of the Genehmigungsfreistellung, § 10 applies.

Which Bauvorlagen are required depends on the procedure:
- vereinfachtes Verfahren, § 10 Abs. 1: Auszug aus dem Liegenschaftskataster (only §§ 34/35 BauGB),
  Lageplan, Bauzeichnungen, Baubeschreibung (+ Betriebsbeschreibung for gewerbliche/landwirtschaftliche
  Betriebe), Kostenermittlung (Satz 2); + Berechnung des Maßes der baulichen Nutzung in Bebauungsplan
  areas (§ 3 Abs. 2); + Nachweis der Bauvorlageberechtigung (§ 67 Abs. 1 BauO NRW, except § 67 Abs. 2);
  § 10 Abs. 2 (Änderung) and Abs. 3 (Nutzungsänderung) soften single items → a missing one gives
  needs_review;
- Baugenehmigungsverfahren, § 11: § 10 + Brandschutzkonzept (not waivable, § 1 Abs. 2 Satz 4) +
  Barrierefrei-Konzept for new publicly accessible große Sonderbauten (§ 11 Satz 2);
- Genehmigungsfreistellung, § 13 Abs. 1: Lageplan, Bauzeichnungen, Berechnung des Maßes (Vordruck
  Anlage I/3), for GK 1–2 the Erklärung zum Brandschutz; Bauvorlageberechtigung (§ 67 i.V.m. § 63 Abs. 8 Satz 1
  in the 2021 Fassung, § 63 Abs. 7 Satz 1 from 2024);
- from 2024, vereinfachtes and Baugenehmigungsverfahren: the proof of fire safety before the Baugenehmigung
  (§ 68 Abs. 2 Satz 1: Bescheinigung einer sachverständigen Person; Abs. 4: Erklärung der Entwurfsverfassenden for
  GK 1–2, Wohngebäude GK 3, Kleingaragen; not for Sonderbauten) – due before the permit, so missing is
  ``needs_review``, never ``fail``;
- verfahrensfrei: no Bauvorlagen (one ``pass`` finding).
One finding per Bauvorlage: ``pass`` when present, ``fail`` when missing, ``needs_review`` when the
requirement depends on facts the application does not state or only a generic document type is present.
"""

from __future__ import annotations

from typing import Any

from bauantrag.rules.model import DocumentRef, Finding, Procedure, Status, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.provisions import provisions_for
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN
from bauantrag.rules.nrw.baupruefvo.requirements import BAUO_ITEMS, Context, Requirement, requirements
from bauantrag.rules.nrw.common import PROCEDURE_LABELS
from bauantrag.rules.nrw.rechtslage import Rechtslage

RULE_PREFIX = "baupruefvo.completeness."


def check(
    v: Vorhaben,
    procedure: Procedure | None,
    building_class: int | None,
    rl: Rechtslage,
    large_sonderbau: bool | None = None,
) -> tuple[Finding, ...]:
    """One finding per Bauvorlage required for ``procedure`` (the procedure the case proceeds in)."""
    if procedure is None:
        return (
            _single(
                "verfahrensart_offen",
                "needs_review",
                "§§ 10, 11, 13 BauPrüfVO NRW",
                "Welche Bauvorlagen erforderlich sind, hängt von der Verfahrensart ab; diese ist noch offen. "
                "Die Vollständigkeit kann erst danach geprüft werden.",
                v,
                procedure,
                rl,
            ),
        )
    if procedure == "verfahrensfrei":
        return (
            _single(
                "verfahrensfrei",
                "pass",
                "§ 62 BauO NRW; §§ 10, 11, 13 BauPrüfVO NRW",
                "Für ein verfahrensfreies Vorhaben sind keine Bauvorlagen einzureichen; die BauPrüfVO "
                "verlangt Bauvorlagen nur für Bauantrag und Genehmigungsfreistellung.",
                v,
                procedure,
                rl,
            ),
        )
    ctx = Context(procedure, building_class, provisions_for(rl.bauo_applied), large_sonderbau)
    return tuple(_evaluate(v, procedure, req, rl) for req in requirements(v, ctx) if req.required is not False)


def _evaluate(v: Vorhaben, procedure: Procedure, req: Requirement, rl: Rechtslage) -> Finding:
    bv = BAUVORLAGEN[req.slug]
    docs = [d for d in v.documents if d.type_code in bv.accepted or d.type_code in bv.parts]
    generic = [d for d in v.documents if d.type_code in bv.generic]
    evidence: dict[str, Any] = {
        "procedure": procedure,
        "required": req.required,
        "condition": req.condition or None,
        "accepted_codes": sorted(bv.accepted),
        "part_codes": sorted(bv.parts),
        "generic_codes": sorted(bv.generic),
        "present": [{"type_code": d.type_code, "name": d.name} for d in docs + generic],
    }
    by_bauo = req.slug in BAUO_ITEMS or bool(req.due)
    law = rl.bauo_applied.name if by_bauo else rl.baupruefvo_applied.name
    note = rl.missing_text_note() if by_bauo else rl.baupruefvo_note()
    label = f"{bv.name} ({req.basis})"
    found = [d for d in docs if d.type_code in bv.accepted]
    if found or (bv.parts and all(code in v.document_codes() for code in bv.parts)):
        shown = found or docs
        # the doubt about the Fassung matters where something is asked of the applicant, not for what is present
        return _finding(
            req.slug, "pass", req.basis, f"Vorhanden: {label} – {_names(shown)}.", evidence, law,
            note if by_bauo else "",
        )
    if docs:
        lacking = [name for code, name in bv.parts.items() if code not in v.document_codes()]
        message = (
            f"Teilweise vorhanden: {label} – {_names(docs)}. Nicht gefunden: {', '.join(lacking)}. "
            "Bitte prüfen, ob diese in den vorhandenen Zeichnungen enthalten sind."
        )
        return _finding(req.slug, "needs_review", req.basis, message, evidence, law, note)
    if generic:
        message = (
            f"Möglicherweise vorhanden: {label} – {_names(generic)} ist nur einer Oberkategorie zugeordnet; "
            "bitte prüfen, ob es diese Bauvorlage ist."
        )
        return _finding(req.slug, "needs_review", req.basis, message, evidence, law, note)
    accepted = ", ".join(bv.accepted.values())
    if req.due and req.required:
        message = (
            f"Noch nicht beigefügt: {label}. Sie ist {req.due} einzureichen"
            + (f"; {req.condition}" if req.condition else "")
            + f". Passende Arten der Bauvorlage: {accepted}."
        )
        return _finding(req.slug, "needs_review", req.basis, message, evidence, law, note)
    if req.required is None or req.missing_status == "needs_review":
        what = "Erforderlich nur unter Bedingungen" if req.required is None else "Hinweis"
        message = f"Nicht gefunden: {label}. {what}: {req.condition}. Bitte prüfen."
        return _finding(req.slug, "needs_review", req.basis, message, evidence, law, note)
    message = (
        f"Es fehlt: {label}. Für die Verfahrensart „{PROCEDURE_LABELS[procedure]}“ ist diese Bauvorlage "
        f"einzureichen. Passende Arten der Bauvorlage: {accepted}."
    )
    return _finding(req.slug, req.missing_status, req.basis, message, evidence, law, note)


def _names(docs: list[DocumentRef]) -> str:
    return ", ".join(f"„{d.name}“" for d in docs)


def _single(
    slug: str, status: Status, basis: str, message: str, v: Vorhaben, procedure: Procedure | None, rl: Rechtslage
) -> Finding:
    evidence = {
        "procedure": procedure,
        "present": [{"type_code": d.type_code, "name": d.name} for d in v.documents],
    }
    return _finding(slug, status, basis, message, evidence, rl.baupruefvo_applied.name, rl.baupruefvo_note())


def _finding(
    slug: str, status: Status, basis: str, message: str, evidence: dict[str, Any], law: str, note: str = ""
) -> Finding:
    return Finding(
        rule=RULE_PREFIX + slug,
        status=status,
        legal_basis=basis,
        message=message,
        evidence=evidence,
        law_version=law,
        review_note=note,
    )
