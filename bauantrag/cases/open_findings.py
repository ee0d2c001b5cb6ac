"""The findings still open when the clerk confirms completeness, and which passes really checked something.

A finding is open while the pre-check said "nicht erfüllt" or "zu prüfen" and no clerk has reviewed it. The workspace
shows them before the confirmation and the API refuses to confirm without an explicit acknowledgement (issue 16).
A "pass" counts as "erfüllt" only when the rule checked something: a Gebäudeklasse, Sonderbau or Verfahrensart it
determined and a limit the plan does not set ("nichts zu prüfen") are listed apart.
"""

from __future__ import annotations

from bauantrag.cases.models import Case, Finding
from bauantrag.cases.models.checks import FindingStatus
from bauantrag.rules.model import NOTHING_CHECKED
from bauantrag.rules.nrw.bauo_nrw import building_class, procedure, sonderbau

#: Rules whose "pass" means "determined" (a classification), not "requirement met".
DETERMINING_RULES = frozenset({building_class.RULE_ID, sonderbau.RULE_ID, procedure.RULE_ID})

OPEN_STATUSES = (FindingStatus.FAIL, FindingStatus.NEEDS_REVIEW)


def checked_something(finding: Finding) -> bool:
    """False for a pass that only determined a class or found nothing to check."""
    if finding.status != FindingStatus.PASS:
        return True
    evidence = finding.evidence if isinstance(finding.evidence, dict) else {}
    return finding.rule not in DETERMINING_RULES and not evidence.get(NOTHING_CHECKED)


def open_findings(case: Case) -> list[Finding]:
    """Findings of the latest pre-check that are "nicht erfüllt" or "zu prüfen" and have no review, in order."""
    run = case.check_runs.order_by("-round").first()
    if run is None:
        return []
    return list(run.findings.filter(status__in=OPEN_STATUSES, reviews__isnull=True).order_by("position"))


def not_acknowledged(case: Case, acknowledged: object) -> list[Finding]:
    """The open findings whose ids are not among ``acknowledged`` (ids the clerk saw on the confirmation)."""
    seen = {str(v) for v in acknowledged} if isinstance(acknowledged, list | tuple | set | frozenset) else set()
    return [f for f in open_findings(case) if str(f.pk) not in seen]
