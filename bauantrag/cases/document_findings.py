"""Findings that come from reading the Bauvorlagen (declared vs. detected type, form vs. documents).

Providers (assist.classification, assist.extraction) register in AppConfig.ready(). Each gets the case and
its documents of the run's rounds and returns finding dicts like the rule engine's:
``{"rule", "status", "legal_basis", "message", "evidence", "law_version"?}``.

The pre-check appends them to its run. Because a document's text is often read after the pre-check ran,
``refresh(case)`` recomputes them for the latest finished run when a document's text is ready: findings a
clerk has already reviewed stay as they are; unreviewed ones are replaced.

``carry_over_reviews(run)``: in the next round (a new run after a Nachforderung) a document finding whose rule and
evidence are unchanged (same document, page, span, values) gets the clerk's review of the previous round again,
marked as carried over (shown "übernommen aus Runde N") and audited; a changed evidence needs a new review.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max

from bauantrag.audit.service import record
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CheckRun, CheckRunStatus, Finding, FindingReview
from bauantrag.registry import Registry

if TYPE_CHECKING:  # types only: documents sit above cases
    from bauantrag.documents.models import Document

logger = logging.getLogger(__name__)

Provider = Callable[[Case, "list[Document]"], list[dict[str, Any]]]
PROVIDERS: Registry[tuple[str, Provider]] = Registry("providers of findings from the documents")


def register(key: str, rule_prefix: str, provider: Provider) -> None:
    """rule_prefix: every rule id this provider emits starts with it (e.g. "dokument.art")."""
    PROVIDERS.register(key, (rule_prefix, provider))


def prefixes() -> tuple[str, ...]:
    return tuple(prefix for prefix, _ in PROVIDERS.values())


def collect(case: Case, documents: list[Document]) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = []
    for key, (_prefix, provider) in PROVIDERS.items():
        try:
            findings.extend(provider(case, documents))
        except Exception:
            logger.exception("document finding provider %s failed for case %s", key, getattr(case, "pk", None))
    return findings


# Evidence keys that change whenever a document is read again, without the evidence itself changing.
_VOLATILE = frozenset({"extracted_value_id", "source_url"})


def fingerprint(rule: str, evidence: dict[str, Any]) -> str:
    """What makes two document findings "the same finding with the same evidence" across rounds."""
    stable = {k: v for k, v in sorted(evidence.items()) if k not in _VOLATILE}
    return json.dumps([rule, stable], sort_keys=True, ensure_ascii=False, default=str)


def carry_over_reviews(run: CheckRun) -> int:
    """Give the run's unreviewed document findings the latest review of the same finding of the previous round,
    if its evidence is unchanged; returns how many. Call inside the transaction that stored the findings."""
    previous = (CheckRun.objects.filter(case_id=run.case_id, round__lt=run.round, status=CheckRunStatus.DONE)
                .order_by("-round").first())
    if previous is None:
        return 0
    reviewed: dict[str, FindingReview] = {}
    for finding in previous.findings.prefetch_related("reviews__reviewer"):
        latest = finding.reviews.all()[:1]
        if latest and _is_provided(finding.rule):
            reviewed.setdefault(fingerprint(finding.rule, finding.evidence), latest[0])
    carried = 0
    for finding in run.findings.filter(reviews__isnull=True).select_related("check_run__case__tenant"):
        source = reviewed.get(fingerprint(finding.rule, finding.evidence)) if _is_provided(finding.rule) else None
        if source is None:
            continue
        FindingReview.objects.create(
            tenant_id=finding.tenant_id, finding=finding, decision=source.decision, status=source.status,
            reason=source.reason, reviewer=source.reviewer, carried_over_from=source,
        )
        case = finding.check_run.case
        record(
            CaseEvent.FINDING_REVIEWED, actor=None, tenant=case.tenant, subject=finding, case=case,
            before={"rule": finding.rule, "status": finding.status},
            after={"decision": source.decision, "status": source.status, "reason": source.reason,
                   "carried_over_from_round": previous.round, "carried_over_from_review": str(source.pk)},
            message=f"Bewertung aus Runde {previous.round} übernommen (Nachweis unverändert)",
        )
        carried += 1
    return carried


def _is_provided(rule: str) -> bool:
    return any(rule.startswith(prefix) for prefix in prefixes())


def refresh(case: Case) -> int:
    """Recompute the document findings of the case's latest finished run; returns how many were stored."""
    with transaction.atomic():
        run = (
            CheckRun.objects.select_for_update(of=("self",))
            .filter(case=case, status=CheckRunStatus.DONE, round=case.round)
            .order_by("-created_at").first()
        )
        if run is None:
            return 0
        documents = list(case.documents.bauvorlagen().filter(round__lte=run.round).order_by("uploaded_at"))
        existing = [f for f in run.findings.prefetch_related("reviews") if _is_provided(f.rule)]
        kept = [f for f in existing if f.reviews.all()]
        Finding.objects.filter(pk__in=[f.pk for f in existing if not f.reviews.all()]).delete()
        seen = {(f.rule, f.message) for f in kept}
        position = (run.findings.aggregate(m=Max("position"))["m"] or -1) + 1
        new = []
        for f in collect(case, documents):
            if (f["rule"], f["message"]) in seen:
                continue
            new.append(Finding(
                tenant_id=run.tenant_id, check_run=run, position=position, rule=f["rule"], status=f["status"],
                legal_basis=f["legal_basis"], message=f["message"], evidence=f["evidence"],
                law_version=f.get("law_version", ""),
            ))
            position += 1
        Finding.objects.bulk_create(new)
        _record_replacement(case, run, [f for f in existing if not f.reviews.all()], new)
        carry_over_reviews(run)
        return len(new)


def _record_replacement(case: Case, run: CheckRun, removed: list[Finding], added: list[Finding]) -> None:
    """A finished run's findings changed after the fact: the trail keeps which went and which came (a refresh that
    put back the same findings changed nothing and is not recorded)."""
    went = [{"rule": f.rule, "status": f.status, "message": f.message} for f in removed]
    came = [{"rule": f.rule, "status": f.status, "message": f.message} for f in added]
    if sorted(went, key=str) == sorted(came, key=str):
        return
    record(
        CaseEvent.CHECK_FINDINGS_REFRESHED, actor=None, tenant=case.tenant, subject=run, case=case,
        before={"findings": went}, after={"findings": came},
    )
