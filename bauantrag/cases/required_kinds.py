"""The kinds of Bauvorlage this Vorhaben needs, for the applicant's upload form (issue 16).

The same completeness rules as the pre-check (BauPrüfVO NRW §§ 10, 11, 13; § 67 BauO NRW) run on the current state
of the application, without planning law: the Verfahrensart decides which Bauvorlagen are required. The upload form
offers these codes first and the whole XBau code list behind them.
"""

from __future__ import annotations

from django.utils import timezone

from bauantrag.cases.models import Case
from bauantrag.cases.precheck import rules_input
from bauantrag.rules.engine import run_precheck
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN
from bauantrag.rules.nrw.baupruefvo.completeness import RULE_PREFIX


def required_codes(case: Case) -> list[str]:
    """XBau codes of the Bauvorlagen required for the case's Verfahrensart, present or not, in the rules' order."""
    documents = list(case.documents.bauvorlagen())
    result = run_precheck(rules_input(case.vorhaben, documents), today=timezone.localdate())
    codes: dict[str, None] = {}
    for finding in result.findings:
        bauvorlage = BAUVORLAGEN.get(finding.rule.removeprefix(RULE_PREFIX))
        if finding.rule.startswith(RULE_PREFIX) and bauvorlage is not None:
            codes.update(dict.fromkeys(bauvorlage.accepted))
    return list(codes)
