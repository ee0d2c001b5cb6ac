"""The case summary for the clerk: the case page's panel and the page /assistenz/vorgang/<id>/zusammenfassung/.

GET shows the template summary and the letter drafts; POST (only when the Kommune switched its language model on)
asks the language model and shows its answer, marked as its suggestion, or the template with a note why not.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import casework_required, does_casework_for
from bauantrag.assist.summary import actions
from bauantrag.assist.summary.letters import anhoerung_draft, nachforderung_draft
from bauantrag.assist.summary.llm import llm_ready
from bauantrag.assist.summary.template_summary import build_summary, latest_run, run_findings, summary_suggestion
from bauantrag.cases.access import access_case
from bauantrag.cases.models import Case


def summary_context(case: Case) -> dict[str, Any]:
    run = latest_run(case)
    findings = run_findings(run)
    summary = build_summary(case, (run, findings))
    drafts = [nachforderung_draft(case, run, findings), anhoerung_draft(case, run, findings)]
    return {
        "case": case,
        "summary": summary,
        "template": summary_suggestion(case, summary),
        "drafts": [d for d in drafts if d.grounds],
        "llm_ready": llm_ready(case.tenant),
        "llm_model": case.tenant.llm_model,
        "url": reverse("assist:summary", kwargs={"case_id": case.pk}),
    }


def panel_context(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The workspace panel: only for the Bauaufsicht's casework (the panel registry calls it for the clerk's page)."""
    if not does_casework_for(request.user, case):
        return None
    return summary_context(case)


@casework_required
@require_http_methods(["GET", "POST"])
def case_summary(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    context = summary_context(case)
    if request.method == "POST":
        assert isinstance(request.user, User)
        context["result"] = actions.create_llm_summary(request.user, case)
    return render(request, "assist/summary/case_summary.html", context)
