"""Creating a summary with the Kommune's language model: permission, the request, the audit entry.

The HTTP request runs outside any database transaction (it may take up to the Kommune's time limit); the audit
entry (AssistEvent.SUMMARY_CREATED: method, model, server, failure code, number of facts; never the text) is written in
its own short transaction afterwards. Nothing else is stored: the result is shown once to the clerk.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Tenant, User
from bauantrag.accounts.permissions import does_casework_for
from bauantrag.assist.events import AssistEvent
from bauantrag.assist.summary import endpoint
from bauantrag.assist.summary.facts import LLM, TEMPLATE, Suggestion
from bauantrag.assist.summary.llm import LlmConfig, LlmFailure, llm_ready, llm_summary, prompt_facts
from bauantrag.assist.summary.template_summary import build_summary, summary_suggestion
from bauantrag.audit.service import record
from bauantrag.cases.models import Case


def _check(actor: User, case: Case) -> Tenant:
    if not does_casework_for(actor, case):
        raise PermissionDenied(_("Nur die Sachbearbeitung der Kommune kann Zusammenfassungen erstellen."))
    tenant = Tenant.objects.get(pk=case.tenant_id)  # the settings as they are now
    if not llm_ready(tenant):
        raise PermissionDenied(_("Für diese Kommune ist kein Sprachmodell eingeschaltet."))
    return tenant


def create_llm_summary(actor: User, case: Case) -> Suggestion:
    """The language model's summary, or on any failure the template summary with a note why."""
    tenant = _check(actor, case)
    summary = build_summary(case)
    failure: LlmFailure | None = None
    try:
        config = LlmConfig.of(tenant)
        suggestion = llm_summary(case, summary, config)
    except LlmFailure as exc:
        failure = exc
        suggestion = summary_suggestion(
            case, summary,
            note=_("Das Sprachmodell hat keine Zusammenfassung geliefert: %(reason)s Angezeigt wird die "
                   "Zusammenfassung aus der Vorlage.") % {"reason": exc.reason},
        )  # fmt: skip
    try:
        server = endpoint.target_of(tenant.llm_base_url).label
    except Exception:
        server = ""
    with transaction.atomic():
        record(
            AssistEvent.SUMMARY_CREATED, actor=actor, tenant=tenant, subject=case, case=case,
            after={"method": TEMPLATE if failure else LLM, "model": tenant.llm_model, "server": server,
                   "facts": len(prompt_facts(summary)), **({"fallback": failure.code} if failure else {})},
            message=_("Zusammenfassung mit Sprachmodell angefordert"),
        )  # fmt: skip
    return suggestion
