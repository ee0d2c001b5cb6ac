"""What the clerk's case view shows: documents by round, changes since the Nachforderung, history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from bauantrag.audit.events import label as event_label
from bauantrag.cases import display
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, Finding, Nachforderung
from bauantrag.correspondence.reasons import reason_for
from bauantrag.documents.models import Document
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN

COMPLETENESS_PREFIX = "baupruefvo.completeness."


@dataclass
class Round:
    number: int
    documents: list[Document] = field(default_factory=list)


def last_nachforderung(case: Case) -> Nachforderung | None:
    return case.nachforderungen.order_by("-created_at").first()


def documents_by_round(case: Case, nachforderung: Nachforderung | None) -> list[Round]:
    rounds: dict[int, Round] = {}
    for document in case.documents.bauvorlagen().order_by("round", "uploaded_at"):
        document.type_name = display.document_type_name(document.document_type)  # type: ignore[attr-defined]
        document.is_new = nachforderung is not None and document.round > nachforderung.round  # type: ignore[attr-defined]
        document.is_pdf = document.content_type == "application/pdf"  # type: ignore[attr-defined]
        rounds.setdefault(document.round, Round(document.round)).documents.append(document)
    return [rounds[k] for k in sorted(rounds)]


def changes_since(case: Case, nachforderung: Nachforderung | None) -> list[dict[str, str]]:
    """Vorhaben fields the applicant changed after the Nachforderung: first value before, last value after."""
    if nachforderung is None:
        return []
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    events = display.case_events(case).filter(event=CaseEvent.CASE_UPDATED, created_at__gt=nachforderung.created_at)
    for event in events:
        for name, value in (event.before or {}).items():
            before.setdefault(name, value)
        after.update(event.after or {})
    return [
        {
            "label": display.field_label(name),
            "before": display.field_value(name, before.get(name)),
            "after": display.field_value(name, value),
        }
        for name, value in after.items()
        if str(value) != str(before.get(name))
    ]


def is_completeness_finding(finding: Finding) -> bool:
    return finding.rule.startswith(COMPLETENESS_PREFIX)


def _missing_codes(finding: Finding) -> list[str]:
    """The XBau code(s) to ask for: the missing parts, else the main accepted type."""
    evidence = finding.evidence if isinstance(finding.evidence, dict) else {}
    present = {str(d.get("type_code")) for d in evidence.get("present") or [] if isinstance(d, dict)}
    parts = [str(c) for c in evidence.get("part_codes") or [] if str(c) not in present]
    if parts and present:
        return parts
    bv = BAUVORLAGEN.get(finding.rule.removeprefix(COMPLETENESS_PREFIX))
    if bv is not None and bv.accepted:
        return [next(iter(bv.accepted))]
    return [""]


def suggested_items(findings: list[Finding]) -> list[dict[str, str]]:
    """Nachforderung items proposed from the completeness findings that did not pass."""
    items = []
    for finding in findings:
        if finding.status == "pass" or not is_completeness_finding(finding):
            continue
        bv = BAUVORLAGEN.get(finding.rule.removeprefix(COMPLETENESS_PREFIX))
        for code in _missing_codes(finding):
            title = bv.name if bv is not None else finding.legal_basis
            items.append(
                {
                    "key": f"{finding.pk}:{code}",
                    "document_type": code,
                    "title": title,
                    "reason": reason_for(finding),
                    "finding": str(finding.pk),
                }
            )
    return items


def history(case: Case) -> list[dict[str, Any]]:
    rows = []
    for event in display.case_events(case):
        rows.append(
            {
                "at": event.created_at,
                "actor": event.actor_label or _("System"),
                "label": event_label(event.event),
                "before": display.evidence_items(event.before) if event.before else [],
                "after": display.evidence_items(event.after) if event.after else [],
                "seq": event.seq,
            }
        )
    return rows
