from bauantrag.cases.models.case import Case, CaseState, Procedure
from bauantrag.cases.models.checks import CheckRun, CheckRunStatus, Finding, FindingReview, ReviewDecision
from bauantrag.cases.models.nachforderung import Nachforderung
from bauantrag.cases.models.vorhaben import PlanningArea, ProjectKind, Use, Vorhaben

__all__ = [
    "Case", "CaseState", "CheckRun", "CheckRunStatus", "Finding", "FindingReview", "Nachforderung",
    "PlanningArea", "Procedure", "ProjectKind", "ReviewDecision", "Use", "Vorhaben",
]
