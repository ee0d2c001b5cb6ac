"""Pages of the Beteiligung. Thin: fetch through ``access``, change through ``actions`` only.

* Fachstellen (role agency): their inbox, the page of one Beteiligung with the shared Bauvorlagen and the form
  for the Stellungnahme.
* Sachbearbeitung: the same pages read-only (with the Stellungnahme once it is there), the request form of a case,
  withdrawal, and the directory of Fachstellen (changed by the Kommune's administration only).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import casework_user
from bauantrag.beteiligung import actions
from bauantrag.beteiligung.access import (
    access_beteiligung,
    access_fachstelle,
    access_shared_document,
    beteiligungen_visible_to,
    fachstellen_visible_to,
    is_agency,
    is_member,
    may_manage_fachstellen,
    may_view_fachstellen,
    shared_documents,
)
from bauantrag.beteiligung.forms import (
    CONDITION_ROWS,
    ConditionFormSet,
    FachstelleForm,
    RequestForm,
    StellungnahmeForm,
)
from bauantrag.beteiligung.letters import letters_for
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus, Fachstelle, Stellungnahme
from bauantrag.cases.access import access_case
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.documents import storage
from bauantrag.documents.actions import record_damaged
from bauantrag.documents.serving import serve_document, tampered_response

CONDITIONS_PREFIX = "nb"
MORE_ROWS = "weitere_zeilen"


def _account(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404
    return user


def _casework(request: HttpRequest) -> User:
    """The clerk or administrator of a Kommune; anyone else gets the answer for an unknown id."""
    user = casework_user(_account(request))
    if user is None:
        raise Http404
    return user


def _case_anchor(case_id: Any) -> str:
    return reverse("workspace:case", kwargs={"case_id": case_id}) + "#beteiligung-h"


# ---------------------------------------------------------------------------------------------------- inbox


INBOX_PAGE_SIZE = 50


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    if not (is_agency(user) or user.does_casework):
        raise PermissionDenied(_("Diese Seite ist für Fachstellen und die Sachbearbeitung der Bauaufsicht bestimmt."))
    today = timezone.localdate()
    visible = beteiligungen_visible_to(user).select_related("case", "case__vorhaben", "fachstelle")
    # 50 a page each, sliced by the database (a Kreis asks Fachstellen tens of thousands of times a year)
    open_page = Paginator(visible.filter(status=BeteiligungStatus.REQUESTED).order_by("deadline", "requested_at", "pk"),
                          INBOX_PAGE_SIZE).get_page(request.GET.get("seite"))  # fmt: skip
    done_page = Paginator(
        visible.exclude(status=BeteiligungStatus.REQUESTED)
        .order_by(Coalesce("answered_at", "withdrawn_at", "requested_at").desc(), "-pk"),
        INBOX_PAGE_SIZE,
    ).get_page(request.GET.get("erledigt"))
    context = {
        "open_rows": [{"beteiligung": b, "overdue": b.is_overdue(today)} for b in open_page],
        "done_rows": [{"beteiligung": b, "overdue": False} for b in done_page],
        "open_page": open_page, "done_page": done_page,
        "open_keep": f"&erledigt={done_page.number}", "done_keep": f"&seite={open_page.number}",
        "agency": is_agency(user), "no_fachstelle": is_agency(user) and not user.fachstellen.exists(),
    }  # fmt: skip
    return render(request, "beteiligung/inbox.html", context)


# ---------------------------------------------------------------------------------------------------- one Beteiligung


def _stellungnahme_of(beteiligung: Beteiligung) -> Stellungnahme | None:
    try:
        return beteiligung.stellungnahme
    except Stellungnahme.DoesNotExist:
        return None


def _detail_page(
    request: HttpRequest,
    beteiligung: Beteiligung,
    form: StellungnahmeForm | None = None,
    conditions: Any = None,
    status: int = 200,
) -> HttpResponse:
    user = _account(request)
    member = is_member(user, beteiligung)
    can_answer = member and beteiligung.status == BeteiligungStatus.REQUESTED
    if can_answer:
        form = form or StellungnahmeForm(fachstelle=beteiligung.fachstelle)
        conditions = conditions or ConditionFormSet(prefix=CONDITIONS_PREFIX)
    from bauantrag.cases.display import document_type_name

    documents = list(shared_documents(user, beteiligung).order_by("round", "uploaded_at"))
    for document in documents:
        document.type_name = document_type_name(document.document_type)  # type: ignore[attr-defined]
    context = {
        "beteiligung": beteiligung,
        "case": beteiligung.case,
        "vorhaben": beteiligung.case.vorhaben,
        "documents": documents,
        "stellungnahme": _stellungnahme_of(beteiligung),
        "overdue": beteiligung.is_overdue(),
        "deemed_given": beteiligung.einvernehmen_deemed_given(),
        "member": member,
        "casework": user.does_casework,
        "form": form if can_answer else None,
        "conditions": conditions if can_answer else None,
        "more_rows": MORE_ROWS,
        "letters": letters_for(user, beteiligung),
    }
    return render(request, "beteiligung/detail.html", context, status=status)


def _with_more_rows(data: QueryDict) -> QueryDict:
    more = data.copy()
    key = f"{CONDITIONS_PREFIX}-TOTAL_FORMS"
    try:
        total = int(more.get(key, CONDITION_ROWS))
    except (TypeError, ValueError):
        total = CONDITION_ROWS
    more[key] = str(max(CONDITION_ROWS, min(total, 47)) + CONDITION_ROWS)
    return more


@login_required
def detail(request: HttpRequest, beteiligung_id: Any) -> HttpResponse:
    beteiligung = access_beteiligung(request.user, beteiligung_id)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if request.method != "POST":
        return _detail_page(request, beteiligung)
    user = _account(request)
    if not is_member(user, beteiligung):
        raise PermissionDenied(_("Nur Mitglieder der angefragten Fachstelle können die Stellungnahme abgeben."))
    if beteiligung.status != BeteiligungStatus.REQUESTED:
        messages.error(request, _("Zu dieser Beteiligung ist keine Stellungnahme mehr möglich."))
        return redirect("beteiligung:detail", beteiligung_id=beteiligung.pk)
    if MORE_ROWS in request.POST:  # "weitere Nebenbestimmungen": the same form with three more empty rows
        initial = {"verdict": request.POST.get("verdict", ""), "text": request.POST.get("text", "")}
        form = StellungnahmeForm(initial=initial, fachstelle=beteiligung.fachstelle)
        conditions = ConditionFormSet(_with_more_rows(request.POST), prefix=CONDITIONS_PREFIX)
        return _detail_page(request, beteiligung, form, conditions)
    form = StellungnahmeForm(request.POST, fachstelle=beteiligung.fachstelle)
    conditions = ConditionFormSet(request.POST, prefix=CONDITIONS_PREFIX)
    if form.is_valid() and conditions.is_valid():
        rows = [f.cleaned_data for f in conditions.forms if f.cleaned_data]
        try:
            actions.submit_stellungnahme(
                user, beteiligung, verdict=form.cleaned_data["verdict"], text=form.cleaned_data["text"],
                conditions=rows,
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                if name in form.fields:
                    form.add_error(name, errors)
                else:
                    form.add_error(None, [f"{_('Nebenbestimmungen')}: {e}" for e in errors])
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("beteiligung:detail", beteiligung_id=beteiligung.pk)
        else:
            messages.success(request, _("Ihre Stellungnahme wurde an die Bauaufsicht übermittelt."))
            return redirect("beteiligung:detail", beteiligung_id=beteiligung.pk)
    return _detail_page(request, beteiligung, form, conditions, status=400)


@login_required
@require_GET
def document(request: HttpRequest, beteiligung_id: Any, document_id: Any) -> HttpResponse | FileResponse:
    """A Bauvorlage shared with the Fachstelle, as an attachment (served like documents.views.download)."""
    _beteiligung, shared = access_shared_document(request.user, beteiligung_id, document_id)
    try:
        response = serve_document(shared, "attachment")
    except storage.DocumentTampered:
        record_damaged(request.user if isinstance(request.user, User) else None, shared, "beteiligung")
        return tampered_response()
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_POST
def withdraw(request: HttpRequest, beteiligung_id: Any) -> HttpResponse:
    user = _casework(request)
    beteiligung = access_beteiligung(user, beteiligung_id)
    try:
        actions.withdraw_beteiligung(user, beteiligung, reason=request.POST.get("reason", ""))
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Die Beteiligung von „%(name)s“ wurde zurückgenommen.") % {"name": beteiligung.fachstelle.name}
        )
    return redirect(_case_anchor(beteiligung.case_id))


@login_required
@require_POST
def extend(request: HttpRequest, beteiligung_id: Any) -> HttpResponse:
    user = _casework(request)
    beteiligung = access_beteiligung(user, beteiligung_id)
    try:
        raw = request.POST.get("deadline", "")
        try:
            deadline = dt.date.fromisoformat(raw)
        except ValueError:
            raise ValidationError({"deadline": _("Bitte geben Sie die neue Frist als Datum an.")}) from None
        actions.extend_beteiligung(user, beteiligung, deadline=deadline, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Die Frist wurde verlängert."))
    return redirect("beteiligung:detail", beteiligung_id=beteiligung.pk)


@login_required
@require_POST
def verfahren_36a(request: HttpRequest, case_id: Any) -> HttpResponse:
    """The clerk's judgement: a Vorhaben under § 31 Abs. 3 / § 34 Abs. 3b BauGB (Zustimmung nach § 36a BauGB)."""
    user = _casework(request)
    case = access_case(user, case_id)
    try:
        actions.set_verfahren_36a(
            user, case, applies=request.POST.get("applies") == "yes", reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Die Einordnung nach § 36a BauGB wurde gespeichert."))
    return redirect(_case_anchor(case.pk))


# ---------------------------------------------------------------------------------------------------- request


@login_required
def start(request: HttpRequest, case_id: Any) -> HttpResponse:
    user = _casework(request)
    case = access_case(user, case_id)
    allowed = actions.may_request_in(case.state)
    data = request.POST if request.method == "POST" else None
    form = RequestForm(data, case=case)
    if request.method == "POST":
        if not allowed:
            messages.error(request, _("Fachstellen können erst nach der Bestätigung der Vollständigkeit beteiligt "
                                      "werden."))
            return redirect("workspace:case", case_id=case.pk)
        if form.is_valid():
            try:
                beteiligung = actions.request_beteiligung(
                    user, case, form.cleaned_data["fachstelle"], documents=form.cleaned_data["documents"],
                    message=form.cleaned_data["message"], deadline=form.cleaned_data["deadline"],
                    extension_reason=form.cleaned_data["extension_reason"],
                )
            except ValidationError as exc:
                for name, errors in exc.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            except TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect("workspace:case", case_id=case.pk)
            else:
                messages.success(request, _("„%(name)s“ wurde um eine Stellungnahme bis zum %(date)s gebeten.") % {
                    "name": beteiligung.fachstelle.name, "date": beteiligung.deadline.strftime("%d.%m.%Y")})
                return redirect(_case_anchor(case.pk))
    context = {"case": case, "form": form, "allowed": allowed,
               "has_fachstellen": Fachstelle.objects.filter(tenant_id=case.tenant_id, active=True).exists()}
    return render(request, "beteiligung/start.html", context, status=400 if request.method == "POST" else 200)


# ---------------------------------------------------------------------------------------------------- directory


@login_required
@require_GET
def fachstellen(request: HttpRequest) -> HttpResponse:
    if not may_view_fachstellen(request.user):
        raise PermissionDenied(_("Das Verzeichnis der Fachstellen ist für die Bauaufsicht der Kommune bestimmt."))
    rows = fachstellen_visible_to(request.user).annotate(member_count=Count("members")).order_by("-active", "name")
    return render(request, "beteiligung/fachstellen.html", {
        "fachstellen": rows, "can_manage": may_manage_fachstellen(request.user),
    })


def _save_fachstelle(request: HttpRequest, fachstelle: Fachstelle | None) -> HttpResponse:
    user = _account(request)
    form = FachstelleForm(request.POST, tenant_id=user.tenant_id)
    if form.is_valid():
        try:
            saved = actions.save_fachstelle(user, fachstelle, dict(form.cleaned_data))
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("Die Fachstelle „%(name)s“ wurde gespeichert.") % {"name": saved.name})
            return redirect("beteiligung:fachstellen")
    return render(request, "beteiligung/fachstelle_form.html", {"form": form, "fachstelle": fachstelle}, status=400)


@login_required
def fachstelle_create(request: HttpRequest) -> HttpResponse:
    if not may_manage_fachstellen(request.user):
        raise PermissionDenied(_("Nur die Administration der Kommune kann Fachstellen anlegen."))
    if request.method == "POST":
        return _save_fachstelle(request, None)
    form = FachstelleForm(tenant_id=_account(request).tenant_id)
    return render(request, "beteiligung/fachstelle_form.html", {"form": form, "fachstelle": None})


@login_required
def fachstelle_detail(request: HttpRequest, fachstelle_id: Any) -> HttpResponse:
    fachstelle = access_fachstelle(request.user, fachstelle_id)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if not may_manage_fachstellen(request.user):
        if request.method == "POST":
            raise PermissionDenied(_("Nur die Administration der Kommune kann Fachstellen ändern."))
        members = fachstelle.members.order_by("last_name", "username")
        return render(request, "beteiligung/fachstelle_view.html", {"fachstelle": fachstelle, "members": members})
    if request.method == "POST":
        return _save_fachstelle(request, fachstelle)
    form = FachstelleForm(initial=FachstelleForm.initial_for(fachstelle), tenant_id=fachstelle.tenant_id)
    return render(request, "beteiligung/fachstelle_form.html", {"form": form, "fachstelle": fachstelle})
