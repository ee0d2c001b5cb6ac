"""The clerk's page for neighbours and the public of one case (§ 72 BauO NRW). Thin: fetch through the access
helpers, change through the actions; each form posts an ``action`` and, where it concerns one neighbour, its id
(looked up within the case, so an id of another case answers 404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import casework_required, does_casework_for
from bauantrag.cases.access import access_case
from bauantrag.cases.models import Case
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision.panels import letter_url
from bauantrag.documents.serving import tampered_response
from bauantrag.documents.storage import DocumentTampered
from bauantrag.files import UploadRejected
from bauantrag.neighbours import actions, attachments, forms
from bauantrag.neighbours.models import Affected, ConsentKind, Neighbour, Objection
from bauantrag.neighbours.overview import overview
from bauantrag.parcels.models import Parcel


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _neighbour(case: Case, value: object) -> Neighbour:
    try:
        return Neighbour.objects.select_related("case").get(case=case, pk=str(value))
    except (Neighbour.DoesNotExist, ValidationError, ValueError):
        raise Http404 from None


def _labels() -> dict[str, str]:
    """Field name → label over all forms of the page, for the messages of an action's ValidationError."""
    labels: dict[str, str] = {}
    for form_class in (forms.AssessmentForm, forms.ConsentForm, forms.NotifyForm, forms.DeliveredForm,
                       forms.ObjectionEntryForm, forms.ServedForm, forms.NoticeForm):
        labels.update({name: str(field.label) for name, field in form_class.base_fields.items()})
    return labels


def _messages(exc: ValidationError) -> list[str]:
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    labels = _labels()
    return [f"{labels[name]}: {m}" if name in labels else m
            for name, errors in exc.message_dict.items() for m in errors]


Handler = Callable[[HttpRequest, Case], "tuple[Form, str] | HttpResponse"]


def _add(request: HttpRequest, case: Case) -> tuple[Form, str]:
    form = forms.NeighbourForm(request.POST)
    if form.is_valid():
        actions.add_neighbour(_user(request), case, form.cleaned_data)
        return form, _("Die Nachbarin / der Nachbar ist erfasst.")
    return form, ""


def _register(request: HttpRequest, case: Case) -> tuple[Form, str]:
    ids = request.POST.getlist("parcels")
    parcels = list(Parcel.objects.filter(tenant_id=case.tenant_id, pk__in=[i for i in ids if len(i) == 36]))
    added = actions.add_from_register(_user(request), case, parcels)
    return Form(), _("%(n)d Flurstück(e) übernommen. Bitte ergänzen Sie Eigentümer/in und Anschrift.") % {
        "n": len(added)}


def _update(request: HttpRequest, case: Case) -> tuple[Form, str]:
    neighbour = _neighbour(case, request.POST.get("neighbour"))
    form = forms.AssessmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        actions.update_neighbour(_user(request), neighbour, data, data["affected"], data["affected_reason"])
        return form, _("Die Angaben sind gespeichert.")
    return form, ""


def _consent(request: HttpRequest, case: Case) -> tuple[Form, str]:
    neighbour = _neighbour(case, request.POST.get("neighbour"))
    form = forms.ConsentForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        actions.record_consent(_user(request), neighbour, on=d["consent_on"], kind=d["consent_kind"],
                               note=d["consent_note"])
        return form, _("Die Zustimmung ist erfasst; eine Benachrichtigung entfällt.")
    return form, ""


def _notify(request: HttpRequest, case: Case) -> tuple[Form, str] | HttpResponse:
    neighbour = _neighbour(case, request.POST.get("neighbour"))
    form = forms.NotifyForm(request.POST)
    if form.is_valid():
        letter = actions.draft_notification(_user(request), neighbour, abweichungen=form.cleaned_data["abweichungen"])
        messages.success(request, _("Die Benachrichtigung ist als Entwurf angelegt. Prüfen Sie sie, senden Sie sie "
                                    "ab und stellen Sie sie zu; den Zugang erfassen Sie danach hier."))
        url = letter_url(letter.pk)
        return redirect(url) if url else redirect("neighbours:page", case_id=case.pk)
    return form, ""


def _delivered(request: HttpRequest, case: Case) -> tuple[Form, str]:
    neighbour = _neighbour(case, request.POST.get("neighbour"))
    form = forms.DeliveredForm(request.POST)
    if form.is_valid():
        neighbour = actions.record_notified(_user(request), neighbour, zugang=form.cleaned_data["zugang"])
        assert neighbour.objection_deadline is not None
        return form, _("Der Zugang ist erfasst; die Einwendungsfrist endet am %(date)s.") % {
            "date": neighbour.objection_deadline.strftime("%d.%m.%Y")}
    return form, ""


def _objection(request: HttpRequest, case: Case) -> tuple[Form, str]:
    neighbour = _neighbour(case, request.POST.get("neighbour"))
    form = forms.ObjectionEntryForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            objection = actions.record_objection(_user(request), neighbour, received_on=d["received_on"],
                                                 form=d["form"], text=d["text"], upload=d["file"])
        except UploadRejected as exc:
            raise ValidationError({"file": str(exc)}) from exc
        late = _(" Sie ging nach Ablauf der Frist ein.") if objection.late else ""
        return form, _("Die Einwendung ist erfasst.") + late
    return form, ""


def _serve_draft(request: HttpRequest, case: Case) -> tuple[Form, str]:
    letters = actions.draft_decision_letters(_user(request), case)
    return Form(), _("%(n)d Schreiben zur Zustellung der Baugenehmigung als Entwurf angelegt (Post des Vorgangs).") % {
        "n": len(letters)}


def _served(request: HttpRequest, case: Case) -> tuple[Form, str]:
    neighbour = _neighbour(case, request.POST.get("neighbour"))
    form = forms.ServedForm(request.POST)
    if form.is_valid():
        actions.record_decision_served(_user(request), neighbour, on=form.cleaned_data["on"])
        return form, _("Die Zustellung der Baugenehmigung ist erfasst.")
    return form, ""


def _notice(request: HttpRequest, case: Case) -> tuple[Form, str] | HttpResponse:
    form = forms.NoticeForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        notice = actions.record_public_notice(
            _user(request), case, kind=d["kind"], published_on=d["published_on"], published_in=d["published_in"],
            inspection_place=d["inspection_place"], display_from=d["display_from"],
        )
        messages.success(request, _("Die Bekanntmachung ist erfasst; ihr Text liegt als Entwurf vor."))
        url = letter_url(notice.letter_id)
        return redirect(url) if url else redirect("neighbours:page", case_id=case.pk)
    return form, ""


HANDLERS: dict[str, Handler] = {
    "add": _add, "register": _register, "update": _update, "consent": _consent, "notify": _notify,
    "delivered": _delivered, "objection": _objection, "serve_draft": _serve_draft, "served": _served,
    "notice": _notice,
}


@casework_required
def page(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    failed: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        handler = HANDLERS.get(action)
        if handler is None:
            raise Http404
        try:
            result = handler(request, case)
        except ValidationError as exc:
            errors = _messages(exc)
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("neighbours:page", case_id=case.pk)
        else:
            if isinstance(result, HttpResponse):
                return result
            form, done = result
            if done:
                messages.success(request, done)
                return redirect("neighbours:page", case_id=case.pk)
            errors = _errors(form)
        status = 400
        failed = {"action": action, "neighbour": request.POST.get("neighbour", ""), "errors": errors}
    context = {"case": case, "overview": overview(case), "failed": failed, "forms": _blank_forms(),
               "affected_choices": Affected.choices, "consent_choices": ConsentKind.choices}
    return render(request, "neighbours/page.html", context, status=status)


def _errors(form: Form) -> list[str]:
    out: list[str] = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        out.extend(f"{label}: {e}" if label else str(e) for e in errors)
    return out


def _blank_forms() -> dict[str, Form]:
    return {"add": forms.NeighbourForm(), "notice": forms.NoticeForm(), "consent": forms.ConsentForm(),
            "notify": forms.NotifyForm(), "delivered": forms.DeliveredForm(), "objection": forms.ObjectionEntryForm(),
            "served": forms.ServedForm()}


@login_required
def objection_file(request: HttpRequest, case_id: Any, objection_id: Any) -> HttpResponse | FileResponse:
    """The file of an Einwendung, for the Bauaufsicht of the case's Kommune only (always a download); anyone else,
    the applicant of the case too, gets the answer of an unknown id."""
    case = access_case(request.user, case_id)
    if not does_casework_for(request.user, case):
        raise Http404
    try:
        objection = Objection.objects.get(pk=str(objection_id), neighbour__case=case)
    except (Objection.DoesNotExist, ValidationError, ValueError):
        raise Http404 from None
    if not objection.file_storage_name:
        raise Http404
    try:
        return attachments.serve(objection.tenant_id, objection.file_storage_name, objection.file_sha256,
                                 objection.file_content_type, objection.file_name)
    except DocumentTampered:
        return tampered_response()
