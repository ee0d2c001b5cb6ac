"""Reasons of a Nachforderung in letter language: what is missing, why, which paragraph in which Fassung.

A completeness finding of the pre-check is written for the clerk ("Es fehlt: … Passende Arten der Bauvorlage: …");
the applicant reads under the Bauvorlage's name instead: „Sie liegt Ihrem Antrag nicht bei. Im vereinfachten
Baugenehmigungsverfahren (§ 64 BauO NRW) ist sie nach § 10 Abs. 1 … BauPrüfVO NRW einzureichen.“ (with the Fassung
in brackets while it is in force). No rule ids, no XBau codes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN
from bauantrag.rules.nrw.baupruefvo.completeness import RULE_PREFIX
from bauantrag.rules.nrw.rechtslage import BAUO_NRW, BAUPRUEFVO_NRW

if TYPE_CHECKING:
    from bauantrag.cases.models import Finding

#: "Im vereinfachten Baugenehmigungsverfahren ist sie … einzureichen" - the procedure as the letter says it.
PROCEDURE_PHRASES = {
    "genehmigungsfreistellung": "Für die Genehmigungsfreistellung (§ 63 BauO NRW)",
    "vereinfachtes_verfahren": "Im vereinfachten Baugenehmigungsverfahren (§ 64 BauO NRW)",
    "baugenehmigungsverfahren": "Im Baugenehmigungsverfahren (§ 65 BauO NRW)",
}


def _quoted(names: list[str]) -> str:
    quoted = [f"„{name}“" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " und " + quoted[-1]


def _legal_sentence(finding: Finding, pronoun: str) -> str:
    evidence: dict[str, Any] = finding.evidence if isinstance(finding.evidence, dict) else {}
    procedure = PROCEDURE_PHRASES.get(str(evidence.get("procedure") or ""), "Für Ihr Vorhaben")
    return f"{procedure} ist {pronoun} nach {finding.legal_basis}{_version(finding.law_version)} einzureichen."


def _version(name: str, today: dt.date | None = None) -> str:
    """The Fassung in brackets, unless it was no longer in force when the letter is written: where the wording in
    force is not available, the check applies the last known one (the clerk sees that in the findings); a letter
    of the authority does not cite an expired Fassung to the applicant, only the paragraph."""
    day = today or timezone.localdate()
    for version in (*BAUO_NRW.versions, *BAUPRUEFVO_NRW.versions):
        if version.name == name and version.valid_until is not None and version.valid_until < day:
            return ""
    return f" ({name})" if name else ""


def is_completeness(finding: Finding) -> bool:
    return finding.rule.startswith(RULE_PREFIX) and finding.rule.removeprefix(RULE_PREFIX) in BAUVORLAGEN


def reason_for(finding: Finding) -> str:
    """The reason a letter gives for asking for the Bauvorlage of a completeness finding.

    Other findings keep their message, which is already written for everyone (docs/architecture.md, rule 4)."""
    if not is_completeness(finding):
        return finding.message
    bv = BAUVORLAGEN[finding.rule.removeprefix(RULE_PREFIX)]
    evidence: dict[str, Any] = finding.evidence if isinstance(finding.evidence, dict) else {}
    present = [d for d in evidence.get("present") or [] if isinstance(d, dict)]
    present_codes = {str(d.get("type_code")) for d in present}
    lacking = [name for code, name in bv.parts.items() if code not in present_codes]
    names = [str(d.get("name") or "") for d in present if d.get("name")]
    if present and lacking and any(code in bv.parts for code in present_codes):
        what = f"Sie ist nur teilweise eingereicht ({_quoted(names)}); es fehlen {_quoted(lacking)}."
    elif present:
        what = f"Aus den eingereichten Unterlagen ({_quoted(names)}) ist nicht zu erkennen, dass sie beiliegt."
    else:
        what = "Sie liegt Ihrem Antrag nicht bei."
    return f"{what} {_legal_sentence(finding, 'sie')}"
