"""Pages of the Bauaufsicht. Thin: fetch through access helpers, change through actions only."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import casework_required
from bauantrag.cases import actions, display, open_findings
from bauantrag.cases.access import access_case, access_finding, cases_visible_to
from bauantrag.cases.assignment import assign, assignable_clerks
from bauantrag.cases.models import Case, CaseState, Finding
from bauantrag.cases.sitemap import case_map
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.panels import panels_for, split_top
from bauantrag.workspace import casefile
from bauantrag.workspace.forms import ItemFormSet, NachforderungForm, ReviewForm
from bauantrag.workspace.queue import PAGE_SIZE, page_rows, queue_order
from bauantrag.workspace.queue_filters import ASSIGNEE_VIEWS, SEARCH_MAX_LENGTH, by_assignee, by_search


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


# The queue's views (GET parameter "ansicht"): open cases (default), only those with a passed deadline, closed
# cases, all. Labels avoid the word the overdue rows carry, so that it marks rows only.
QUEUE_VIEWS = {
    "offen": gettext_lazy("Offene Vorgänge"),
    "frist": gettext_lazy("Nur Vorgänge mit abgelaufener Frist"),
    "abgeschlossen": gettext_lazy("Abgeschlossene Vorgänge"),
    "alle": gettext_lazy("Alle Vorgänge"),
}


@casework_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    view = request.GET.get("ansicht", "offen")
    view = view if view in QUEUE_VIEWS else "offen"
    who = request.GET.get("wer", "alle")
    who = who if who in ASSIGNEE_VIEWS else "alle"
    search = request.GET.get("suche", "").strip()
    search_error = ""
    if len(search) > SEARCH_MAX_LENGTH:
        search_error = _("Der Suchbegriff ist zu lang (höchstens %(max)d Zeichen).") % {"max": SEARCH_MAX_LENGTH}
        search = search[:SEARCH_MAX_LENGTH]
    visible, today = cases_visible_to(request.user), timezone.localdate()
    listed = by_search(by_assignee(visible, who, request.user), search)
    page = Paginator(queue_order(listed, view, today), PAGE_SIZE).get_page(request.GET.get("seite"))
    keep = {"ansicht": view} | ({"wer": who} if who != "alle" else {}) | ({"suche": search} if search else {})
    return render(request, "workspace/queue.html", {
        "rows": page_rows(visible, list(page.object_list), today), "page": page,
        "views": QUEUE_VIEWS, "view": view, "view_label": QUEUE_VIEWS[view],
        "assignee_views": [(key, label, urlencode({**keep, "wer": key})) for key, label in ASSIGNEE_VIEWS.items()],
        "who": who, "search": search, "search_error": search_error, "query": urlencode(keep),
    })


def _findings(case: Case) -> list[Finding]:
    run = display.latest_run(case)
    if run is None:
        return []
    return list(run.findings.prefetch_related("reviews__reviewer"))


def _case_context(case: Case, bound_forms: dict[str, ReviewForm] | None = None) -> dict[str, Any]:
    nachforderung = casefile.last_nachforderung(case)
    findings = _findings(case)
    for finding in findings:
        key = str(finding.pk)
        finding.review_form = (bound_forms or {}).get(key) or ReviewForm(prefix=f"b{finding.position}")  # type: ignore[attr-defined]
    rounds = casefile.documents_by_round(case, nachforderung)
    first_pdf = next((d for r in rounds for d in r.documents if getattr(d, "is_pdf", False)), None)
    run = display.latest_run(case)
    return {
        "case": case,
        "summary": display.vorhaben_summary(case.vorhaben),
        "rounds": rounds,
        "first_pdf": first_pdf,
        "nachforderung": nachforderung,
        "changes": casefile.changes_since(case, nachforderung),
        "run": run,
        "procedure_label": display.procedure_label(run),
        "finding_groups": display.group_findings(findings),
        "show_reviews": True,
        "site_map": case_map(case, run),
        "can_decide": case.state == CaseState.SUBMITTED,
        "clerks": list(assignable_clerks(case.tenant_id)),
    }


@casework_required
@require_GET
def case_view(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    context = _case_context(case)
    context["panels_top"], context["panels"] = split_top(panels_for("workspace", request, case))
    return render(request, "workspace/case.html", context)


@casework_required
@require_POST
def review(request: HttpRequest, finding_id: Any) -> HttpResponse:
    finding = access_finding(request.user, finding_id)
    case = finding.check_run.case
    form = ReviewForm(request.POST, prefix=f"b{finding.position}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.review_finding(
                _user(request), finding, decision=data["decision"], status=data["status"] or None,
                reason=data["reason"],
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        except TransitionNotAllowed as exc:  # e.g. the case was closed meanwhile
            messages.error(request, str(exc))
            return redirect("workspace:case", case_id=case.pk)
        else:
            messages.success(request, _("Ihre Bewertung des Befunds wurde gespeichert."))
            return redirect(reverse("workspace:case", kwargs={"case_id": case.pk}) + f"#befund-{finding.pk}")
    context = _case_context(case, {str(finding.pk): form})
    context["panels_top"], context["panels"] = split_top(panels_for("workspace", request, case))
    return render(request, "workspace/case.html", context, status=400)


@casework_required
@require_POST
def confirm(request: HttpRequest, case_id: Any) -> HttpResponse:
    """First step: a page naming every open finding; second step (``bestaetigt``): confirm, unless a finding
    opened that the clerk has not seen on that page."""
    case = access_case(request.user, case_id)
    unseen = open_findings.not_acknowledged(case, request.POST.getlist("befund"))
    # In another state the action refuses with its German message; no list to show then.
    if case.state == CaseState.SUBMITTED and (request.POST.get("bestaetigt") != "1" or unseen):
        return render(request, "workspace/confirm.html", {
            "case": case, "open_findings": open_findings.open_findings(case),
            "procedure": request.POST.get("procedure", ""), "hearings": request.POST.get("hearings", "yes"),
            "changed": request.POST.get("bestaetigt") == "1",
        })
    try:
        case = actions.confirm_completeness(
            _user(request), case, procedure=request.POST.get("procedure") or None,
            hearings_planned=request.POST.get("hearings", "yes") != "no",
        )
    except (TransitionNotAllowed, ValidationError) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("Die Vollständigkeit des Antrags wurde bestätigt."))
    return redirect("workspace:case", case_id=case.pk)


@casework_required
@require_POST
def assign_case(request: HttpRequest, case_id: Any) -> HttpResponse:
    """"Mir zuweisen" (``zustaendig=ich``), another clerk of the Kommune (their id) or nobody (empty)."""
    case = access_case(request.user, case_id)
    chosen = request.POST.get("zustaendig", "").strip()
    clerk: User | None = None
    if chosen == "ich":
        clerk = _user(request)
    elif chosen:
        clerk = assignable_clerks(case.tenant_id).filter(pk=chosen).first() if chosen.isdigit() else None
        if clerk is None:
            messages.error(request, _("Bitte wählen Sie eine Person der Sachbearbeitung dieser Kommune."))
            return redirect(reverse("workspace:case", kwargs={"case_id": case.pk}) + "#zustaendig")
    try:
        case = assign(_user(request), case, clerk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Zuständig ist jetzt: %(name)s.") % {"name": clerk.display_name()}
                         if clerk else _("Der Vorgang ist jetzt niemandem zugewiesen."))
    return redirect(reverse("workspace:case", kwargs={"case_id": case.pk}) + "#zustaendig")


@casework_required
def nachforderung(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    suggestions = casefile.suggested_items(_findings(case))
    data = request.POST if request.method == "POST" else None
    form = NachforderungForm(data, suggestions=suggestions)
    items = ItemFormSet(data, prefix="weitere")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        chosen = form.selected_items() + [i for f in items.forms if (i := f.item()) is not None]
        try:
            actions.send_nachforderung(
                _user(request), case, items=chosen, message=form.cleaned_data["message"],
                deadline=form.cleaned_data["deadline"],
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("workspace:case", case_id=case.pk)
        else:
            messages.success(request, _("Die Nachforderung wurde an die Bauherrschaft gesendet."))
            return redirect("workspace:case", case_id=case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "workspace/nachforderung.html", {"case": case, "form": form, "items": items},
                  status=status)


@casework_required
@require_GET
def history(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    return render(request, "workspace/history.html", {"case": case, "events": casefile.history(case)})
