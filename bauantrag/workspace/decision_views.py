"""Pages of the clerk for the end of the procedure: prepare the decision (Bescheid draft), record a withdrawal,
extend a Nachforderung's deadline. Thin: fetch through access helpers, change through the case actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import casework_required
from bauantrag.cases import deadlines
from bauantrag.cases.access import access_case
from bauantrag.cases.models import Case, CaseState
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence.models import Letter
from bauantrag.correspondence.template_actions import textbausteine_for
from bauantrag.decision import actions as decision
from bauantrag.decision.panels import letter_url
from bauantrag.neighbours.overview import overview as neighbours_overview
from bauantrag.workspace.decision_forms import DecisionForm, ExtensionForm, WithdrawalForm


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _apply_errors(form: Form, exc: ValidationError) -> None:
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _to_letter(request: HttpRequest, case: Case, letter: Letter) -> HttpResponse:
    url = letter_url(letter.pk)
    return redirect(url) if url else redirect("workspace:case", case_id=case.pk)


@casework_required
def decide(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    suggestions = decision.suggested_conditions(case) if case.state == CaseState.COMPLETE else []
    form = DecisionForm(request.POST if request.method == "POST" else None, suggestions=suggestions,
                        bausteine=textbausteine_for(case.tenant_id))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                letter = decision.prepare_decision(
                    _user(request), case, outcome=form.cleaned_data["outcome"], conditions=form.conditions(),
                    reasons=form.reasons_text(),
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            except TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect("workspace:case", case_id=case.pk)
            else:
                messages.success(request, _(
                    "Der Entwurf des Bescheids ist angelegt. Prüfen Sie ihn und senden Sie ihn ab; erst mit dem "
                    "Versand ist über den Antrag entschieden."
                ))
                return _to_letter(request, case, letter)
    drafts = [{"letter": d, "url": letter_url(d.pk)} for d in decision.decision_drafts(case)] \
        if case.state == CaseState.COMPLETE else []
    context = {
        "case": case, "form": form, "can_decide": case.state == CaseState.COMPLETE,
        "anhoerung_sent": decision.anhoerung_sent(case) if case.state == CaseState.COMPLETE else False,
        "suggested_count": len(suggestions), "drafts": drafts,
        "neighbours": neighbours_overview(case, with_suggestions=False),
    }
    return render(request, "workspace/decision.html", context, status=status)


@casework_required
def withdraw(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    basis = deadlines.fictitious_withdrawal_basis(case)
    initial = {"fictitious": "1" if basis is not None else "0"}
    form = WithdrawalForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                with transaction.atomic():
                    closed = decision.record_withdrawal(
                        _user(request), case, reason=form.cleaned_data["reason"],
                        fictitious=form.cleaned_data["fictitious"],
                    )
                    letter = (decision.draft_withdrawal_letter(_user(request), closed)
                              if form.cleaned_data["draft_letter"] else None)
            except ValidationError as exc:
                _apply_errors(form, exc)
            except TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect("workspace:case", case_id=case.pk)
            else:
                messages.success(request, _("Die Rücknahme ist erfasst; der Vorgang ist abgeschlossen."))
                if letter is not None:
                    return _to_letter(request, case, letter)
                return redirect("workspace:case", case_id=case.pk)
    context = {
        "case": case, "form": form, "basis": basis,
        "can_withdraw": case.state in (CaseState.SUBMITTED, CaseState.NACHFORDERUNG, CaseState.COMPLETE),
    }
    return render(request, "workspace/withdrawal.html", context, status=status)


@casework_required
def extend(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    nachforderung = deadlines.open_nachforderung(case)
    form = ExtensionForm(request.POST if request.method == "POST" else None,
                         current=nachforderung.deadline if nachforderung else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                deadlines.extend_nachforderung_deadline(
                    _user(request), case, deadline=form.cleaned_data["deadline"], reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            except TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect("workspace:case", case_id=case.pk)
            else:
                messages.success(request, _("Die Frist der Nachforderung wurde verlängert; die Bauherrschaft wird "
                                            "benachrichtigt."))
                return redirect("workspace:case", case_id=case.pk)
    return render(request, "workspace/extension.html",
                  {"case": case, "form": form, "nachforderung": nachforderung}, status=status)
