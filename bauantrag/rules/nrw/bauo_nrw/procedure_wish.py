"""Requested vs determined Verfahrensart (§§ 62–65 BauO NRW, § 63 Abs. 2 Satz 2).

Only when the application names a procedure. Same → ``pass``; Genehmigungsfreistellung determined but the
vereinfachte Verfahren requested → ``pass``: „Die Bauherrschaft kann beantragen, dass für die in Satz 1 genannten
Bauvorhaben das vereinfachte Baugenehmigungsverfahren durchgeführt wird.“ (§ 63 Abs. 2 Satz 2, 2021 and 2024) –
and the case then proceeds in the vereinfachte Verfahren (``effective``), whose Bauvorlagen the completeness check
demands. Any other difference → ``needs_review``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bauantrag.rules.model import Finding, Procedure, Status, Vorhaben
from bauantrag.rules.nrw.common import PROCEDURE_LABELS
from bauantrag.rules.nrw.rechtslage import Rechtslage

RULE_ID = "bauo_nrw.procedure_wish"


def effective(v: Vorhaben, determined: Procedure | None) -> Procedure | None:
    """The procedure the case proceeds in: the determined one, or the one the Bauherrschaft may and did choose."""
    if determined == "genehmigungsfreistellung" and v.procedure_requested == "vereinfachtes_verfahren":
        return "vereinfachtes_verfahren"
    return determined


def compare(v: Vorhaben, determined: Procedure | None, rl: Rechtslage) -> Finding | None:
    """A finding on the requested procedure, or ``None`` when the application requests none."""
    requested = v.procedure_requested
    if requested is None:
        return None
    evidence = {"procedure_requested": requested, "procedure_determined": determined}
    wish = PROCEDURE_LABELS[requested]
    if requested == determined:
        status: Status = "pass"
        basis = "§§ 62 bis 65 BauO NRW"
        message = f"Die beantragte Verfahrensart ({wish}) stimmt mit der ermittelten überein."
    elif effective(v, determined) == requested:
        status, basis = "pass", "§ 63 Abs. 2 Satz 2 BauO NRW"
        message = (
            "Beantragt ist das vereinfachte Baugenehmigungsverfahren, obwohl die Genehmigungsfreistellung in "
            "Betracht kommt. Das ist zulässig: Die Bauherrschaft kann beantragen, dass das vereinfachte "
            "Baugenehmigungsverfahren durchgeführt wird (§ 63 Abs. 2 Satz 2 BauO NRW). Der Antrag wird im "
            "vereinfachten Verfahren bearbeitet; die Bauvorlagen richten sich nach § 10 BauPrüfVO."
        )
    elif determined is None:
        status, basis = "needs_review", "§§ 62 bis 65 BauO NRW"
        message = (
            f"Beantragt ist: {wish}. Die Verfahrensart konnte nicht ermittelt werden; bitte anhand der "
            "Prüfung zur Verfahrensart entscheiden."
        )
    else:
        status, basis = "needs_review", "§§ 62 bis 65 BauO NRW"
        message = (
            f"Beantragt ist: {wish}. Ermittelt wurde: {PROCEDURE_LABELS[determined]}. Bitte die "
            "Verfahrensart klären, bevor der Antrag weiter bearbeitet wird."
        )
    note = rl.missing_text_note()
    if note:
        status = "needs_review"
        message += f" Für diesen Antrag gilt die {rl.bauo.name}; die Bauaufsicht bestätigt die Verfahrensart."
    return _finding(status, basis, message, evidence, rl.bauo_applied.name, note)


def _finding(
    status: Status, basis: str, message: str, evidence: Mapping[str, Any], law: str, note: str
) -> Finding:
    return Finding(
        rule=RULE_ID,
        status=status,
        legal_basis=basis,
        message=message,
        evidence=dict(evidence),
        law_version=law,
        review_note=note,
    )
