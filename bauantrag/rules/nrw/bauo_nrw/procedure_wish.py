"""Requested vs determined Verfahrensart (§§ 62–65 BauO NRW, § 63 Abs. 2 Satz 2).

Only when the application names a procedure. Same → ``pass``; Genehmigungsfreistellung determined but the
vereinfachte Verfahren requested → ``pass`` (the Bauherrschaft may apply for it, § 63 Abs. 2 Satz 2);
any other difference → ``needs_review``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bauantrag.rules.model import Finding, Procedure, Status, Vorhaben
from bauantrag.rules.nrw.common import BAUO_NRW_2021_PROCEDURE, PROCEDURE_LABELS

RULE_ID = "bauo_nrw.procedure_wish"


def compare(v: Vorhaben, determined: Procedure | None) -> Finding | None:
    """A finding on the requested procedure, or ``None`` when the application requests none."""
    requested = v.procedure_requested
    if requested is None:
        return None
    evidence = {"procedure_requested": requested, "procedure_determined": determined}
    wish = PROCEDURE_LABELS[requested]
    if requested == determined:
        return _finding(
            "pass",
            "§§ 62 bis 65 BauO NRW",
            f"Die beantragte Verfahrensart ({wish}) stimmt mit der ermittelten überein.",
            evidence,
        )
    if determined == "genehmigungsfreistellung" and requested == "vereinfachtes_verfahren":
        return _finding(
            "pass",
            "§ 63 Abs. 2 Satz 2 BauO NRW",
            "Beantragt ist das vereinfachte Baugenehmigungsverfahren, obwohl die Genehmigungsfreistellung in "
            "Betracht kommt. Das ist zulässig: Die Bauherrschaft kann beantragen, dass das vereinfachte "
            "Baugenehmigungsverfahren durchgeführt wird (§ 63 Abs. 2 Satz 2 BauO NRW).",
            evidence,
        )
    if determined is None:
        message = (
            f"Beantragt ist: {wish}. Die Verfahrensart konnte nicht ermittelt werden; bitte anhand der "
            "Prüfung zur Verfahrensart entscheiden."
        )
    else:
        message = (
            f"Beantragt ist: {wish}. Ermittelt wurde: {PROCEDURE_LABELS[determined]}. Bitte die "
            "Verfahrensart klären, bevor der Antrag weiter bearbeitet wird."
        )
    return _finding("needs_review", "§§ 62 bis 65 BauO NRW", message, evidence)


def _finding(status: Status, basis: str, message: str, evidence: Mapping[str, Any]) -> Finding:
    return Finding(
        rule=RULE_ID,
        status=status,
        legal_basis=basis,
        message=message,
        evidence=dict(evidence),
        law_version=BAUO_NRW_2021_PROCEDURE,
    )
