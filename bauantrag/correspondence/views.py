"""Pages of the mailbox and the letters. Thin: fetch through access helpers, change through actions only."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bauantrag.accounts.models import Role, User
from bauantrag.cases.access import access_case, cases_visible_to
from bauantrag.cases.models import Case, CaseState
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence import actions, letters, pdf, signing
from bauantrag.correspondence.access import access_letter, access_message, letters_visible_to
from bauantrag.correspondence.enclosures import EnclosureDamaged
from bauantrag.correspondence.forms import DraftLetterForm, LetterEditForm, LetterheadForm, MessageForm
from bauantrag.correspondence.models import Letter, Letterhead, LetterState, Message, MessageRead, Recipient, Side
from bauantrag.documents import storage
from bauantrag.documents.actions import record_damaged
from bauantrag.documents.serving import tampered_response
from bauantrag.files import UploadRejected, content_disposition
from bauantrag.panels import NavLink, Panel, register_link, register_panel

View = Callable[..., HttpResponse | FileResponse]


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def mailbox_required(view: View) -> View:
    """Applicant side and casework; agencies and platform administrators have no mailbox (404 on objects)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | FileResponse:
        user = request.user
        if not isinstance(user, User) or not (user.is_applicant_side or user.does_casework):
            if kwargs:
                raise Http404
            raise PermissionDenied(_("Das Postfach steht Antragsteller/innen und der Sachbearbeitung zur Verfügung."))
        return view(request, *args, **kwargs)

    return wrapper


def casework_only(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | FileResponse:
        if not isinstance(request.user, User) or not request.user.does_casework:
            if kwargs:
                raise Http404
            raise PermissionDenied(_("Diese Seiten sind für die Sachbearbeitung der Bauaufsicht bestimmt."))
        return view(request, *args, **kwargs)

    return wrapper


def tenant_admin_only(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | FileResponse:
        if not isinstance(request.user, User) or request.user.role != Role.TENANT_ADMIN:
            raise PermissionDenied(_("Den Briefkopf pflegt die Verwaltung der Kommune."))
        return view(request, *args, **kwargs)

    return wrapper


# --------------------------------------------------------------------------------------------- read helpers


def other_side(user: User) -> str:
    return Side.AUTHORITY if user.is_applicant_side else Side.APPLICANT


def unread_messages(user: User, case: Case) -> Any:
    return Message.objects.filter(case=case, side=other_side(user)).exclude(reads__user=user)


def threads(user: User, case: Case) -> list[dict[str, Any]]:
    """The case's threads, newest activity first, with message count and what this user has not read."""
    messages_ = list(
        Message.objects.filter(case=case).select_related("author", "letter").order_by("created_at")
    )
    read = set(MessageRead.objects.filter(user=user, message__case=case).values_list("message_id", flat=True))
    mine = other_side(user)
    grouped: dict[Any, dict[str, Any]] = {}
    for message in messages_:
        key = message.parent_id or message.pk
        entry = grouped.setdefault(key, {"root": None, "count": 0, "unread": 0, "last": message, "letter": None})
        if message.parent_id is None:
            entry["root"] = message
        entry["count"] += 1
        entry["last"] = message
        if message.letter_id:
            entry["letter"] = message.letter
        if message.side == mine and message.pk not in read:
            entry["unread"] += 1
    result = [entry for entry in grouped.values() if entry["root"] is not None]
    result.sort(key=lambda e: e["last"].created_at, reverse=True)
    return result


def _message_error(form: MessageForm, exc: Exception) -> None:
    if isinstance(exc, ValidationError):
        for name, errors in exc.message_dict.items():
            form.add_error({"files": "attachments"}.get(name, name) if name in ("files", *form.fields) else None,
                           errors)
    else:
        form.add_error("attachments", str(exc))


def _post(request: HttpRequest, case: Case, form: MessageForm, parent: Message | None) -> Message | None:
    if not form.is_valid():
        return None
    try:
        return actions.post_message(
            _user(request), case, form.cleaned_data["subject"], form.cleaned_data["body"], parent=parent,
            files=form.cleaned_data["attachments"] or [],
        )
    except (ValidationError, UploadRejected) as exc:
        _message_error(form, exc)
    except (PermissionDenied, TransitionNotAllowed) as exc:
        form.add_error(None, str(exc))
    return None


def _back_to_case(user: User, case: Case) -> str:
    if user.does_casework:
        return reverse("workspace:case", kwargs={"case_id": case.pk})
    return reverse("portal:detail", kwargs={"case_id": case.pk})


# ------------------------------------------------------------------------------------------------- mailbox


@mailbox_required
@require_http_methods(["GET", "POST"])
def mailbox(request: HttpRequest, case_id: Any) -> HttpResponse:
    user = _user(request)
    case = access_case(user, case_id)
    form = MessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        message = _post(request, case, form, None)
        if message is not None:
            messages.success(request, _("Ihre Nachricht wurde gesendet."))
            return redirect("correspondence:message", message_id=message.pk)
    context = {
        "case": case, "threads": threads(user, case), "form": form, "back_url": _back_to_case(user, case),
        "can_write": case.state != CaseState.DRAFT,
    }
    return render(request, "correspondence/mailbox.html", context, status=400 if form.errors else 200)


@mailbox_required
@require_http_methods(["GET", "POST"])
def message_thread(request: HttpRequest, message_id: Any) -> HttpResponse:
    user = _user(request)
    message = access_message(user, message_id)
    root = message.root
    case = message.case
    form = MessageForm(request.POST or None, request.FILES or None, reply=True)
    if request.method == "POST":
        reply = _post(request, case, form, root)
        if reply is not None:
            messages.success(request, _("Ihre Antwort wurde gesendet."))
            return redirect(reverse("correspondence:message", kwargs={"message_id": root.pk}) + f"#n-{reply.pk}")
    items = list(
        Message.objects.filter(Q(pk=root.pk) | Q(parent=root)).select_related("author", "letter")
        .prefetch_related("attachments__document").order_by("created_at")
    )
    read = set(MessageRead.objects.filter(user=user, message__in=items).values_list("message_id", flat=True))
    rows = [{"message": m, "new": m.pk not in read and m.side == other_side(user)} for m in items]
    actions.mark_thread_read(user, root)
    context = {
        "case": case, "root": root, "rows": rows, "form": form, "back_url": _back_to_case(user, case),
        "mailbox_url": reverse("correspondence:mailbox", kwargs={"case_id": case.pk}),
    }
    return render(request, "correspondence/thread.html", context, status=400 if form.errors else 200)


@mailbox_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The user's cases with mailbox activity and what is unread."""
    user = _user(request)
    cases = (
        cases_visible_to(user).select_related("vorhaben")
        .annotate(
            message_count=Count("messages", distinct=True),
            last_message=Max("messages__created_at"),
            unread=Count(
                "messages", distinct=True,
                # read receipts of this user only: a negated join over all receipts would also match a
                # colleague's receipt and count the message unread
                filter=Q(messages__side=other_side(user))
                & ~Q(messages__pk__in=MessageRead.objects.filter(user=user).values("message_id")),
            ),
        )
        .filter(message_count__gt=0)
        .order_by("-last_message")
    )
    return render(request, "correspondence/overview.html", {"cases": cases})


# ------------------------------------------------------------------------------------------------- letters


def _pdf_response(data_handle: Any, name: str) -> FileResponse:
    response = FileResponse(data_handle, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition("attachment", name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_GET
def letter_pdf(request: HttpRequest, letter_id: Any) -> HttpResponse | FileResponse:
    """The frozen PDF of a sent letter, as an attachment."""
    user = _user(request)
    letter = access_letter(user, letter_id)
    if letter.state != LetterState.SENT or not letter.storage_name:
        raise Http404
    try:
        handle = storage.open_for_read(letter.tenant_id, letter.storage_name, letter.sha256)
    except storage.DocumentTampered:
        actions.record_letter_damaged(user, letter)
        return tampered_response()
    actions.mark_letter_retrieved(user, letter)
    return _pdf_response(handle, letter.filename())


@login_required
@require_GET
def letter_enclosures(request: HttpRequest, letter_id: Any) -> HttpResponse | FileResponse:
    """The Bauvorlagen delivered with a Baugenehmigung (list; ?nr=N: the stamped copy of Anlage N)."""
    user = _user(request)
    letter = access_letter(user, letter_id)
    if letter.state != LetterState.SENT:
        raise Http404
    rows = list(letter.enclosures.select_related("letter__case").order_by("number"))
    wanted = request.GET.get("nr")
    if wanted is None:
        return render(request, "correspondence/letter_enclosures.html", {"letter": letter, "rows": rows})
    enclosure = next((e for e in rows if str(e.number) == wanted and e.stamped), None)
    if enclosure is None:
        raise Http404
    try:
        handle = storage.open_for_read(letter.tenant_id, enclosure.storage_name, enclosure.sha256)
    except storage.DocumentTampered:
        actions.record_letter_damaged(user, letter, enclosure)
        return tampered_response()
    return _pdf_response(handle, enclosure.filename())


@casework_only
@require_GET
def letter_preview(request: HttpRequest, letter_id: Any) -> HttpResponse | FileResponse:
    """A preview of a draft (marked ENTWURF, never sealed, not stored)."""
    import io

    letter = access_letter(_user(request), letter_id)
    if letter.state != LetterState.DRAFT:  # the frozen PDF is its own preview
        return letter_pdf(request, letter_id=letter.pk)
    rendered = pdf.render_letter(letter, sent_at=None, sender=_user(request))
    return _pdf_response(io.BytesIO(rendered.data), f"ENTWURF_{letter.filename()}")


@casework_only
@require_POST
def letter_new(request: HttpRequest, case_id: Any) -> HttpResponse:
    user = _user(request)
    case = access_case(user, case_id)
    form = DraftLetterForm(request.POST, prefix="letter")
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie die Art des Schreibens."))
        return redirect(reverse("workspace:case", kwargs={"case_id": case.pk}) + "#schreiben-h")
    try:
        letter = actions.draft_letter(user, case, form.cleaned_data["kind"])
    except (TransitionNotAllowed, PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect(reverse("workspace:case", kwargs={"case_id": case.pk}) + "#schreiben-h")
    return redirect("correspondence:letter", letter_id=letter.pk)


def _letter_context(letter: Letter, form: LetterEditForm | None) -> dict[str, Any]:
    letterhead = pdf.letterhead_for(letter.tenant)
    return {
        "letter": letter, "case": letter.case, "form": form,
        "legal_blocks": letters.legal_blocks(letter, letterhead),
        "letterhead_missing_court": letter.is_decision and not letterhead.court_name.strip(),
        "seal_configured": signing.configured(),
        "messages_with_letter": letter.messages.all(),
    }


@casework_only
@require_http_methods(["GET", "POST"])
def letter_detail(request: HttpRequest, letter_id: Any) -> HttpResponse:
    """Edit a draft; a sent letter is shown frozen (editing it answers 409)."""
    user = _user(request)
    letter = access_letter(user, letter_id)
    if letter.state != LetterState.DRAFT:
        if request.method == "POST":
            context = _letter_context(letter, None)
            context["frozen_error"] = _("Das Schreiben ist versandt und kann nicht mehr geändert werden.")
            return render(request, "correspondence/letter.html", context, status=409)
        return render(request, "correspondence/letter.html", _letter_context(letter, None))
    form = LetterEditForm(request.POST or None, initial={"subject": letter.subject, "body": letter.body})
    if request.method == "POST" and form.is_valid():
        try:
            letter = actions.update_draft(user, letter, form.cleaned_data["subject"], form.cleaned_data["body"])
        except actions.LetterFrozen as exc:
            context = _letter_context(letter, None)
            context["frozen_error"] = str(exc)
            return render(request, "correspondence/letter.html", context, status=409)
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("Der Entwurf wurde gespeichert."))
            return redirect("correspondence:letter", letter_id=letter.pk)
    return render(request, "correspondence/letter.html", _letter_context(letter, form),
                  status=400 if form.errors else 200)


@casework_only
@require_POST
def letter_send(request: HttpRequest, letter_id: Any) -> HttpResponse:
    user = _user(request)
    letter = access_letter(user, letter_id)
    try:
        letter = actions.send_letter(user, letter)
    except actions.LetterFrozen as exc:
        context = _letter_context(letter, None)
        context["frozen_error"] = str(exc)
        return render(request, "correspondence/letter.html", context, status=409)
    except EnclosureDamaged as exc:
        record_damaged(user, exc.document, "baugenehmigung")  # after the rollback of the sending
        messages.error(request, " ".join(exc.messages))
        return redirect("correspondence:letter", letter_id=letter.pk)
    except (TransitionNotAllowed, PermissionDenied, ValidationError, signing.SealError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("correspondence:letter", letter_id=letter.pk)
    messages.success(request, _("Das Schreiben wurde versandt."))
    return redirect("correspondence:letter", letter_id=letter.pk)


@tenant_admin_only
@require_http_methods(["GET", "POST"])
def letterhead(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    assert user.tenant_id is not None  # tenant administrators belong to a Kommune
    instance = Letterhead.objects.filter(tenant_id=user.tenant_id).first() or Letterhead(tenant_id=user.tenant_id)
    form = LetterheadForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        actions.save_letterhead(user, form)
        messages.success(request, _("Der Briefkopf wurde gespeichert."))
        return redirect("correspondence:letterhead")
    return render(request, "correspondence/letterhead.html", {"form": form, "tenant": user.tenant},
                  status=400 if form.errors else 200)


# --------------------------------------------------------------------------------------------------- panels


def _mailbox_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    user = request.user
    if not isinstance(user, User) or case.state == CaseState.DRAFT:
        return None
    if not (user.is_applicant_side or user.does_casework):
        return None
    rows = threads(user, case)
    return {
        "case": case, "threads": rows[:8], "more": max(0, len(rows) - 8),
        "unread": sum(row["unread"] for row in rows),
        "mailbox_url": reverse("correspondence:mailbox", kwargs={"case_id": case.pk}),
        "letters": list(
            letters_visible_to(user).filter(case=case, state=LetterState.SENT, recipient=Recipient.APPLICANT)
            .order_by("-sent_at")
        ) if user.is_applicant_side else [],
        "applicant_side": user.is_applicant_side,
    }


def _letters_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    user = request.user
    if not isinstance(user, User) or not user.does_casework or case.state == CaseState.DRAFT:
        return None
    return {
        "case": case,
        "letters": list(letters_visible_to(user).filter(case=case).select_related("sent_by", "created_by")
                        .order_by("-created_at")),
        "form": DraftLetterForm(prefix="letter"),
        "seal_configured": signing.configured(),
    }


def register_panels() -> None:
    register_panel("portal", Panel("correspondence.mailbox", "correspondence/panel_mailbox.html", _mailbox_panel, 40))
    register_panel("workspace", Panel("correspondence.mailbox", "correspondence/panel_mailbox.html",
                                      _mailbox_panel, 40))
    register_panel("workspace", Panel("correspondence.letters", "correspondence/panel_letters.html",
                                      _letters_panel, 45))
    register_link(NavLink(
        "correspondence.mailbox", cast(str, gettext_lazy("Postfach")), "correspondence:overview",
        visible=lambda user: bool(user.is_applicant_side or user.does_casework), order=40,
    ))
    register_link(NavLink(
        "correspondence.letterhead", cast(str, gettext_lazy("Briefkopf")), "correspondence:letterhead",
        visible=lambda user: user.role == Role.TENANT_ADMIN, order=90,
    ))
