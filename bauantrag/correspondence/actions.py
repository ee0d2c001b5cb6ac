"""Every change to the mailbox and the letters goes through here: permission, write, audit entry in one
transaction, notification logged with it and sent after the commit.

Letters: ``draft_letter`` fills the kind's template with the case data, the clerk edits it with ``update_draft``,
``send_letter`` renders the PDF (WeasyPrint, PDF/A-3b, optionally sealed with PAdES), stores it encrypted with
its SHA-256, freezes the letter and files it in the mailbox. Letters that accompany a case event
(Eingangsbestätigung, Nachforderung, Vollständigkeitsbestätigung) are created by the case_event receiver and
rendered by a task after the commit (see receivers.py / tasks.py).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import does_casework_for
from bauantrag.audit.service import record
from bauantrag.cases.models import Case, CaseState
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.correspondence import hooks, letters, templating
from bauantrag.correspondence.enclosures import stamp_enclosures
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import (
    LETTER_BODY_MAX,
    MESSAGE_BODY_MAX,
    MESSAGE_SUBJECT_MAX,
    Enclosure,
    Letter,
    Letterhead,
    LetterKind,
    LetterState,
    Message,
    MessageAttachment,
    MessageRead,
    Recipient,
    Side,
)
from bauantrag.documents import storage
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document
from bauantrag.notifications.models import NotificationEvent

if TYPE_CHECKING:
    from bauantrag.correspondence.forms import LetterheadForm

ATTACHMENT_DOCUMENT_TYPE = "9999"  # XBau vorlagenantragstellung: "Weitere, nicht näher spezifizierte Anlage"
MAX_ATTACHMENTS = 10

# Control characters except tab and newline, and the bidirectional overrides/isolates that can make a text
# read differently from what it is ("Trojan source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class LetterFrozen(TransitionNotAllowed):
    """The letter was sent and can no longer be changed (HTTP 409)."""


def clean_text(value: str, *, max_length: int, single_line: bool = False) -> str:
    """Normalised plain text: NFC, newlines as \\n, no control or bidi-override characters, stripped.

    The text is stored as typed and always shown escaped (never as HTML)."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    if single_line:
        text = " ".join(text.split())
    text = _UNSAFE.sub("", text).strip()
    if len(text) > max_length:
        raise ValidationError(
            _("Der Text ist zu lang (höchstens %(max)s Zeichen, eingegeben %(n)s).")
            % {"max": max_length, "n": len(text)}
        )
    return text


# ---------------------------------------------------------------------------------------------------- mailbox


def side_of(user: User, case: Case) -> str:
    """The mailbox side the user writes on for this case, or PermissionDenied (agencies have no mailbox)."""
    if user.is_applicant_side and user.pk in (case.applicant_id, case.designer_id):
        return Side.APPLICANT
    if does_casework_for(user, case) and case.state != CaseState.DRAFT:
        return Side.AUTHORITY
    raise PermissionDenied(_("Sie können das Postfach dieses Vorgangs nicht benutzen."))


def post_message(
    actor: User, case: Case, subject: str, body: str, parent: Message | None = None,
    files: Sequence[UploadedFile[bytes]] = (),
) -> Message:
    """Write a message (or a reply) into the case's mailbox, with attachments checked like any upload.

    Threads are two levels deep: a reply points to the first message of its thread. Raises ValidationError,
    PermissionDenied or documents' UploadRejected; nothing is stored then."""
    from bauantrag.files import UploadRejected

    side = side_of(actor, case)
    if case.state == CaseState.DRAFT:
        raise TransitionNotAllowed(_("Das Postfach steht zur Verfügung, sobald der Antrag eingereicht ist."))
    root = parent.root if parent is not None else None
    if root is not None and root.case_id != case.pk:
        raise ValidationError({"parent": _("Die Nachricht gehört nicht zu diesem Vorgang.")})
    errors: dict[str, str] = {}
    try:
        clean_subject = clean_text(subject, max_length=MESSAGE_SUBJECT_MAX, single_line=True)
    except ValidationError as exc:
        errors["subject"] = exc.messages[0]
        clean_subject = ""
    try:
        clean_body = clean_text(body, max_length=MESSAGE_BODY_MAX)
    except ValidationError as exc:
        errors["body"] = exc.messages[0]
        clean_body = ""
    if root is not None and not clean_subject:
        clean_subject = _reply_subject(root.subject)
    if not clean_subject and "subject" not in errors:
        errors["subject"] = _("Bitte geben Sie einen Betreff an.")
    if not clean_body and not files and "body" not in errors:
        errors["body"] = _("Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.")
    if len(files) > MAX_ATTACHMENTS:
        errors["files"] = _("Höchstens %(n)s Anhänge je Nachricht.") % {"n": MAX_ATTACHMENTS}
    if errors:
        raise ValidationError(errors)

    stored: list[Document] = []
    try:
        with transaction.atomic():
            # The uploads first: each checks its file (type, scanner, PDF inspection) before it writes its row,
            # so no lock is held while the first (usually the only) file is inspected.
            for upload in files:
                stored.append(_upload_attachment(actor, case, upload))
            message = Message.objects.create(
                tenant_id=case.tenant_id, case=case, parent=root, author=actor, side=side,
                subject=clean_subject, body=clean_body,
            )
            for document in stored:
                MessageAttachment.objects.create(message=message, document=document)
            MessageRead.objects.create(message=message, user=actor)
            record(
                LetterEvent.MESSAGE_SENT, actor=actor, tenant=case.tenant, subject=message, case=case,
                after={"side": side, "subject": clean_subject, "parent": str(root.pk) if root else None,
                       "attachments": [{"document": str(d.pk), "sha256": d.sha256} for d in stored],
                       "length": len(clean_body)},
            )
            _notify_message(case, message)
    except UploadRejected as exc:
        _discard(stored)
        _record_rejection(actor, case, exc)
        raise
    except BaseException:
        _discard(stored)
        raise
    return message


def _reply_subject(subject: str) -> str:
    text = subject if subject.lower().startswith("aw:") else f"AW: {subject}"
    return text[:MESSAGE_SUBJECT_MAX]


def _upload_attachment(actor: User, case: Case, upload: UploadedFile[bytes]) -> Document:
    from bauantrag.documents.actions import upload_document

    return upload_document(actor, case, upload, ATTACHMENT_DOCUMENT_TYPE, for_message=True)


def _discard(documents: list[Document]) -> None:
    """The transaction was rolled back: remove the encrypted files the uploads wrote."""
    for document in documents:
        for name in (document.storage_name, document.inline_storage_name):
            if name:
                storage.delete(document.tenant_id, name)


def _record_rejection(actor: User, case: Case, exc: Exception) -> None:
    """documents.actions records refused uploads, but that record was rolled back with the message: keep it."""
    with transaction.atomic():
        record(
            DocumentEvent.DOCUMENT_REJECTED, actor=actor, tenant=case.tenant, subject=case, case=case,
            after={"reason": str(exc), "context": "message"},
        )


def _notify_message(case: Case, message: Message) -> None:
    from bauantrag.notifications.service import notify_case_event

    if message.side == Side.APPLICANT:
        # the Bauaufsicht: the clerks of the Kommune read the mailbox beside the case; no mail to each clerk
        return
    from django.urls import reverse

    notify_case_event(
        case, NotificationEvent.MESSAGE, link_path=reverse("correspondence:message", kwargs={"message_id": message.pk})
    )


def mark_read(user: User, message: Message) -> None:
    """Record that the user has read the message (idempotent). The caller fetched it through access_message."""
    MessageRead.objects.get_or_create(message=message, user=user)


def mark_thread_read(user: User, root: Message) -> int:
    """Mark the thread's messages read for the user; returns how many were unread."""
    messages = [root, *root.replies.all()]
    read = set(MessageRead.objects.filter(user=user, message__in=messages).values_list("message_id", flat=True))
    new = [MessageRead(message=m, user=user) for m in messages if m.pk not in read]
    MessageRead.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


# ---------------------------------------------------------------------------------------------------- letters


def _require_casework(actor: User, case: Case) -> None:
    if not does_casework_for(actor, case):
        raise PermissionDenied(_("Nur die Sachbearbeitung der Bauaufsicht kann Schreiben verfassen."))
    if case.state == CaseState.DRAFT:
        raise TransitionNotAllowed(_("Zu einem nicht eingereichten Antrag gibt es keine Schreiben."))


@transaction.atomic
def draft_letter(
    actor: User | None, case: Case, kind: str, *, context: dict[str, Any] | None = None,
    recipient: str = Recipient.APPLICANT, beteiligung_id: uuid.UUID | str | None = None,
) -> Letter:
    """A new draft of the kind, prefilled from its template with the case data. actor None: system."""
    if actor is not None:
        _require_casework(actor, case)
    if kind not in LetterKind.values:
        raise ValidationError({"kind": _("Unbekannte Art des Schreibens.")})
    if recipient not in Recipient.values:
        raise ValidationError({"recipient": _("Unbekannter Empfänger.")})
    context = dict(context or {})
    subject, body, template = letters.prefill(case, LetterKind(kind), context)
    letter = Letter.objects.create(
        tenant_id=case.tenant_id, case=case, kind=kind, subject=subject, body=body, recipient=recipient,
        beteiligung_id=beteiligung_id, context=letters.jsonable(context), created_by=actor,
        template_id=template.template_id, template_sha256=templating.template_hash(template),
    )
    record(
        LetterEvent.LETTER_DRAFTED, actor=actor, tenant=case.tenant, subject=letter, case=case,
        after={"kind": kind, "recipient": recipient, "subject": subject,
               "beteiligung": str(beteiligung_id) if beteiligung_id else None,
               "template_version": template.version, "template_sha256": letter.template_sha256},
    )
    return letter


@transaction.atomic
def update_draft(actor: User, letter: Letter, subject: str, body: str) -> Letter:
    _require_casework(actor, letter.case)
    letter = Letter.objects.select_for_update(of=("self",)).select_related("case").get(pk=letter.pk)
    if letter.state != LetterState.DRAFT:
        raise LetterFrozen(_("Das Schreiben ist versandt und kann nicht mehr geändert werden."))
    errors: dict[str, str] = {}
    try:
        clean_subject = clean_text(subject, max_length=300, single_line=True)
    except ValidationError as exc:
        errors["subject"], clean_subject = exc.messages[0], ""
    try:
        clean_body = clean_text(body, max_length=LETTER_BODY_MAX)
    except ValidationError as exc:
        errors["body"], clean_body = exc.messages[0], ""
    if not clean_subject and "subject" not in errors:
        errors["subject"] = _("Bitte geben Sie einen Betreff an.")
    if not clean_body and "body" not in errors:
        errors["body"] = _("Das Schreiben braucht einen Text.")
    if errors:
        raise ValidationError(errors)
    before = {"subject": letter.subject, "body_sha256": letters.text_hash(letter.body)}
    letter.subject, letter.body = clean_subject, clean_body
    letter.save(update_fields=["subject", "body", "updated_at"])
    record(
        LetterEvent.LETTER_DRAFTED, actor=actor, tenant=letter.tenant, subject=letter, case=letter.case,
        before=before, after={"subject": letter.subject, "body_sha256": letters.text_hash(letter.body)},
        message="Entwurf geändert",
    )
    return letter


def _squash(text: str) -> str:
    return " ".join(text.split())


def _require_decision_text_matches(letter: Letter) -> None:
    """A Bescheid's Nebenbestimmungen and reasons are recorded on the case from the decision page; the letter
    that carries legal force must say the same, so an edit of them in the letter text is refused."""
    from bauantrag.correspondence.letters import nebenbestimmungen

    body = _squash(letter.body)
    if letter.kind == LetterKind.BAUGENEHMIGUNG:
        missing = [c["text"] for c in nebenbestimmungen(letter.context or {}) if _squash(c["text"]) not in body]
    elif letter.kind == LetterKind.ABLEHNUNG:
        reasons = str((letter.context or {}).get("reasons") or "")
        missing = [reasons] if reasons.strip() and _squash(reasons) not in body else []
    else:
        return
    if missing:
        raise ValidationError(_(
            "Der Text des Bescheids weicht von der Entscheidung ab (Nebenbestimmungen bzw. Gründe): „%(text)s“ fehlt. "
            "Ändern Sie Nebenbestimmungen und Gründe auf der Seite „Entscheidung vorbereiten“, damit Vorgang und "
            "Bescheid übereinstimmen."
        ) % {"text": missing[0][:200]})


def send_letter(actor: User | None, letter: Letter, *, notify: bool = True) -> Letter:
    """Render, seal (if configured), store encrypted and freeze the letter; file it in the mailbox.

    actor None: a letter the system sends (e.g. the Eingangsbestätigung). Raises LetterFrozen if it was sent."""
    with transaction.atomic():
        if actor is not None:
            _require_casework(actor, letter.case)
        letter = Letter.objects.select_for_update(of=("self",)).select_related("case", "tenant").get(pk=letter.pk)
        if letter.state != LetterState.DRAFT:
            raise LetterFrozen(_("Das Schreiben ist bereits versandt."))
        from bauantrag.correspondence import pdf

        if letter.is_decision and not pdf.letterhead_for(letter.tenant).court_name.strip():
            raise ValidationError(_(
                "Für die Rechtsbehelfsbelehrung fehlt das zuständige Verwaltungsgericht im Briefkopf der Kommune. "
                "Bitte lassen Sie es von der Verwaltung der Kommune eintragen."
            ))
        _require_decision_text_matches(letter)
        now = timezone.now()
        rendered = pdf.render_letter(letter, sent_at=now, sender=actor)
        storage_name, size, sha256 = storage.write(letter.tenant_id, iter([rendered.data]), ".pdf")
        stamped: list[Enclosure] = []
        try:
            letter.state = LetterState.SENT
            letter.sent_at, letter.sent_by = now, actor
            letter.storage_name, letter.size, letter.sha256 = storage_name, size, sha256
            letter.pdf_variant, letter.signed, letter.signature_info = (
                rendered.variant, rendered.signed, rendered.signature_info,
            )
            letter.save()
            if letter.kind == LetterKind.BAUGENEHMIGUNG:
                stamped = stamp_enclosures(letter, now)
            record(
                LetterEvent.LETTER_SENT, actor=actor, tenant=letter.tenant, subject=letter, case=letter.case,
                after={"kind": letter.kind, "recipient": letter.recipient, "subject": letter.subject,
                       "sha256": sha256, "size": size, "signed": rendered.signed, "pdf": rendered.variant,
                       "template_sha256": letter.template_sha256,
                       "enclosures": [{"number": e.number, "document": str(e.document_id),
                                       "source_sha256": e.source_sha256, "sha256": e.sha256} for e in stamped]},
            )
            if letter.recipient == Recipient.APPLICANT:
                Message.objects.create(
                    tenant_id=letter.tenant_id, case=letter.case, author=None, side=Side.AUTHORITY,
                    subject=letter.subject[:MESSAGE_SUBJECT_MAX], letter=letter,
                    body=_("Die Bauaufsicht hat Ihnen ein Schreiben gesandt: %(kind)s. Sie finden es als PDF "
                           "im Anhang dieser Nachricht.") % {"kind": letter.get_kind_display()},
                )
                if notify:
                    _notify_letter(letter)
            hooks.run_on_letter_sent(letter, actor)
        except BaseException:
            storage.delete(letter.tenant_id, storage_name)
            for enclosure in stamped:
                if enclosure.storage_name:
                    storage.delete(letter.tenant_id, enclosure.storage_name)
            raise
    return letter


def _notify_letter(letter: Letter) -> None:
    from django.urls import reverse

    from bauantrag.notifications.service import notify_case_event

    event = NotificationEvent.DECISION if letter.is_decision else NotificationEvent.LETTER
    notify_case_event(
        letter.case, event, link_path=reverse("correspondence:mailbox", kwargs={"case_id": letter.case_id})
    )


@transaction.atomic
def mark_letter_retrieved(user: User, letter: Letter) -> None:
    """The applicant side opened the sent letter for the first time (Bekanntgabe by retrieval): the moment is
    kept on the letter and in the audit trail, once."""
    if letter.state != LetterState.SENT or not user.is_applicant_side or letter.retrieved_at is not None:
        return
    now = timezone.now()
    if not Letter.objects.filter(pk=letter.pk, retrieved_at__isnull=True).update(retrieved_at=now, retrieved_by=user):
        return  # retrieved meanwhile (another tab): the first retrieval counts
    record(
        LetterEvent.LETTER_RETRIEVED, actor=user, tenant=letter.tenant, subject=letter, case=letter.case,
        after={"kind": letter.kind, "subject": letter.subject, "sha256": letter.sha256, "retrieved_at": now},
    )


# ------------------------------------------------------------------------------------ letters of case events


def create_event_letter(case: Case, kind: LetterKind, context: dict[str, Any]) -> Letter:
    """Called by the case_event receiver inside the case action's transaction: the draft is filled now and
    rendered/sent by a task after the commit (so the case action does not wait for the PDF)."""
    letter = draft_letter(None, case, kind, context=context)
    transaction.on_commit(_schedule_send(str(letter.pk)), robust=True)
    return letter


def _schedule_send(letter_id: str) -> Any:
    def schedule() -> None:
        from bauantrag.correspondence.tasks import send_system_letter

        send_system_letter.delay(letter_id)

    return schedule


def send_system_letter_now(letter_id: str) -> Letter | None:
    """The task's body: send the system letter unless it was sent already (idempotent)."""
    letter = Letter.objects.filter(pk=letter_id).select_related("case").first()
    if letter is None or letter.state != LetterState.DRAFT or letter.created_by_id is not None:
        return letter
    try:
        return send_letter(None, letter, notify=False)
    except LetterFrozen:
        return Letter.objects.get(pk=letter_id)


# ---------------------------------------------------------------------------------------------- letterhead

LETTERHEAD_FIELDS = (
    "department", "street", "postal_code", "city", "phone", "email", "website", "office_hours", "bank_details",
    "court_name", "court_address", "signatory",
)


@transaction.atomic
def save_letterhead(actor: User, form: LetterheadForm) -> Letterhead:
    """Save the Kommune's letterhead from a valid LetterheadForm (tenant administrators only)."""
    from bauantrag.accounts.models import Role, Tenant

    if actor.role != Role.TENANT_ADMIN or actor.tenant_id is None:
        raise PermissionDenied(_("Den Briefkopf pflegt die Verwaltung der Kommune."))
    tenant = Tenant.objects.select_for_update().get(pk=actor.tenant_id)
    current = Letterhead.objects.filter(tenant=tenant).first()
    before = {name: getattr(current, name) for name in LETTERHEAD_FIELDS} if current else {}
    letterhead: Letterhead = form.save(commit=False)
    letterhead.tenant = tenant
    if current is not None:
        letterhead.pk = current.pk
    for name in LETTERHEAD_FIELDS:
        setattr(letterhead, name, clean_text(getattr(letterhead, name), max_length=300, single_line=True))
    letterhead.save()
    after = {name: getattr(letterhead, name) for name in LETTERHEAD_FIELDS}
    changed = sorted(name for name in after if before.get(name) != after[name])
    if changed:
        record(
            AccountEvent.TENANT_SETTINGS_CHANGED, actor=actor, tenant=tenant, subject=tenant,
            before={name: before.get(name, "") for name in changed}, after={name: after[name] for name in changed},
            message="Briefkopf",
        )
    return letterhead


@transaction.atomic
def record_letter_damaged(user: User | None, letter: Letter, enclosure: Enclosure | None = None) -> None:
    """The stored PDF of a sent letter (or of a stamped enclosure) failed its integrity check when it was to be
    served: into the Kommune's trail, beside the error the storage logged for the operator."""
    subject: Letter | Enclosure = enclosure if enclosure is not None else letter
    record(
        LetterEvent.LETTER_DAMAGED, actor=user, tenant=letter.tenant, subject=subject, case=letter.case,
        after={"kind": letter.kind, "subject": letter.subject, "sha256": subject.sha256,
               "enclosure": enclosure.number if enclosure is not None else None},
    )
