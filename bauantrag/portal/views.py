"""Pages of the applicant portal. Thin: fetch through access helpers, change through actions only."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import EmailNotVerified
from bauantrag.cases import actions, display
from bauantrag.cases.access import access_case, cases_visible_to
from bauantrag.cases.models import Case, CaseState
from bauantrag.cases.required_kinds import required_codes
from bauantrag.cases.sitemap import case_map
from bauantrag.cases.vorhaben_fields import REQUIRED_FOR_SUBMISSION
from bauantrag.cases.workflow import EDITABLE_STATES, TransitionNotAllowed
from bauantrag.documents.actions import upload_document
from bauantrag.documents.removal import is_unsubmitted
from bauantrag.files import UploadRejected
from bauantrag.panels import panels_for
from bauantrag.portal.forms import UploadForm, VorhabenForm
from bauantrag.portal.uploads import upload_several

View = Callable[..., HttpResponse]


def applicant_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not isinstance(request.user, User) or not request.user.is_applicant_side:
            if kwargs:  # a page about one object: the same answer as for an unknown id
                raise Http404
            raise PermissionDenied(_("Diese Seiten sind für Antragsteller/innen bestimmt."))
        return view(request, *args, **kwargs)

    return wrapper


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@applicant_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    cases = cases_visible_to(request.user).select_related("vorhaben").order_by("-updated_at")
    return render(request, "portal/list.html", {"cases": cases})


def _form_context(form: VorhabenForm, case: Case | None) -> dict[str, Any]:
    groups = []
    for title, names in display.FIELD_GROUPS:
        fields = [form[name] for name in names]
        is_open = any(f.errors or f.value() not in (None, "") for f in fields)
        groups.append({"title": title, "fields": fields, "open": is_open})
    return {"form": form, "groups": groups, "case": case, "required_names": REQUIRED_FOR_SUBMISSION}


@applicant_required
def create(request: HttpRequest) -> HttpResponse:
    form = VorhabenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.create_application(_user(request), form.cleaned_data)
        except ValidationError as exc:
            form.apply_errors(exc)
        else:
            messages.success(request, _("Der Entwurf wurde gespeichert."))
            return redirect("portal:detail", case_id=case.pk)
    return render(request, "portal/form.html", _form_context(form, None))


@applicant_required
def edit(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    if case.state not in EDITABLE_STATES:
        messages.error(request, _("Der Antrag ist eingereicht und kann gerade nicht geändert werden."))
        return redirect("portal:detail", case_id=case.pk)
    form = VorhabenForm(request.POST or None, instance=case.vorhaben)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_application(_user(request), case, form.cleaned_data)
        except ValidationError as exc:
            form.apply_errors(exc)
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("portal:detail", case_id=case.pk)
        else:
            messages.success(request, _("Ihre Angaben wurden gespeichert."))
            return redirect("portal:detail", case_id=case.pk)
    return render(request, "portal/form.html", _form_context(form, case))


@applicant_required
@require_GET
def detail(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    return render(request, "portal/detail.html", _detail_context(request, case, _upload_form(case)))


def _upload_form(case: Case, *args: Any) -> UploadForm:
    """The kinds this Verfahrensart needs first, while the applicant can still upload."""
    return UploadForm(*args, required=required_codes(case) if case.state in EDITABLE_STATES else None)


def _detail_context(request: HttpRequest, case: Case, upload_form: UploadForm) -> dict[str, Any]:
    run = display.latest_run(case)
    findings = list(run.findings.all()) if run else []
    documents = list(case.documents.bauvorlagen().order_by("uploaded_at"))
    for document in documents:
        document.type_name = display.document_type_name(document.document_type)  # type: ignore[attr-defined]
        document.deletable = is_unsubmitted(document, case)  # type: ignore[attr-defined]
    nachforderung = case.nachforderungen.filter(answered_at__isnull=True).first()
    if nachforderung:
        for item in nachforderung.items:
            item["type_name"] = display.document_type_name(item["document_type"]) if item.get(
                "document_type") else ""
    return {
        "case": case,
        "vorhaben": case.vorhaben,
        "summary": display.vorhaben_summary(case.vorhaben),
        "documents": documents,
        "any_deletable": any(getattr(d, "deletable", False) for d in documents),
        "run": run,
        "procedure_label": display.procedure_label(run),
        "finding_groups": display.group_findings(findings, for_applicant=True),
        "timeline": display.applicant_timeline(case),
        "upload_form": upload_form,
        "site_map": case_map(case, run),
        "editable": case.state in EDITABLE_STATES,
        "nachforderung": nachforderung if case.state == CaseState.NACHFORDERUNG else None,
        "panels": panels_for("portal", request, case),
    }


@applicant_required
@require_POST
def upload(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    form = _upload_form(case, request.POST, request.FILES)
    if form.is_valid() and len(form.cleaned_data["file"]) > 1:
        return upload_several(request, case, form)
    if form.is_valid():
        try:
            document = upload_document(
                _user(request), case, form.cleaned_data["file"][0], form.cleaned_data["document_type"]
            )
        except UploadRejected as exc:
            form.add_error("file", str(exc))
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("portal:detail", case_id=case.pk)
        else:
            messages.success(
                request, _("„%(name)s“ wurde hochgeladen.") % {"name": document.display_name}
            )
            return redirect(reverse("portal:detail", kwargs={"case_id": case.pk}) + "#bauvorlagen")
    return render(request, "portal/detail.html", _detail_context(request, case, form), status=400)


def _missing_fields_message(case: Case, error: ValidationError) -> str:
    edit_url = reverse("portal:edit", kwargs={"case_id": case.pk})
    items = format_html_join(
        "", '<li><a href="{}#id_{}">{}</a></li>',
        ((edit_url, name, display.field_label(name)) for name in error.message_dict),
    )
    return format_html(
        "{}<ul>{}</ul>", _("Der Antrag kann noch nicht eingereicht werden. Es fehlen Angaben:"), items
    )


@applicant_required
@require_POST
def submit(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    try:
        case = actions.submit(_user(request), case)
    except EmailNotVerified as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, _missing_fields_message(case, exc), extra_tags="safe")
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Ihr Antrag ist eingegangen. Aktenzeichen: %(number)s") % {"number": case.file_number},
        )
    return redirect("portal:detail", case_id=case.pk)


@applicant_required
@require_POST
def resubmit(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    try:
        actions.resubmit(_user(request), case)
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Ihre Unterlagen wurden erneut eingereicht."))
    return redirect("portal:detail", case_id=case.pk)


@applicant_required
@require_GET
def receipt(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    if case.state == CaseState.DRAFT:
        messages.error(request, _("Eine Eingangsbestätigung gibt es erst nach der Einreichung."))
        return redirect("portal:detail", case_id=case.pk)
    documents = list(case.documents.bauvorlagen().filter(round__lte=case.round).order_by("uploaded_at"))
    for document in documents:
        document.type_name = display.document_type_name(document.document_type)  # type: ignore[attr-defined]
        document.deletable = is_unsubmitted(document, case)  # type: ignore[attr-defined]
    return render(request, "portal/receipt.html", {"case": case, "documents": documents})


@applicant_required
@require_GET
def check_status(request: HttpRequest, case_id: Any) -> JsonResponse:
    case = access_case(request.user, case_id)
    run = display.latest_run(case)
    return JsonResponse({"status": run.status if run else "none"})
