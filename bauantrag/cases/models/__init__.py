from bauantrag.cases.models.case import CLOSED_STATES, Case, CaseState, Decision, Procedure
from bauantrag.cases.models.checks import CheckRun, CheckRunStatus, Finding, FindingReview, ReviewDecision
from bauantrag.cases.models.history import StatusChange
from bauantrag.cases.models.nachforderung import Nachforderung
from bauantrag.cases.models.vorhaben import PlanningArea, ProjectKind, Use, Vorhaben

__all__ = [
    "CLOSED_STATES",
    "Case",
    "CaseState",
    "CheckRun",
    "CheckRunStatus",
    "Decision",
    "Finding",
    "FindingReview",
    "Nachforderung",
    "PlanningArea",
    "Procedure",
    "ProjectKind",
    "ReviewDecision",
    "StatusChange",
    "Use",
    "Vorhaben",
]
