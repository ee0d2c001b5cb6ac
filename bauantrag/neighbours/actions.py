"""Every change to the neighbours of a case and its Bekanntmachungen goes through here: permission, checks, write
and audit entry in one transaction. The letters are drafts of the correspondence app: the clerk reads, edits and
sends them from the case's Post (printed and served by post), then records here the day they reached the person.

§ 72 BauO NRW (Fassung ab 01.01.2024) as applied here:
* Abs. 1 Satz 1: notify by Zustellung the neighbours whose public-law protected interests may be affected – the
  clerk's judgement (``Affected``); the software only suggests.
* Abs. 1 Satz 3, 4: Einwendungen within one month of Zugang; late ones excluded (the letter says so).
* Abs. 2 Satz 1: no notification of a neighbour who signed the Lageplan and Bauzeichnungen or consented otherwise.
* Abs. 2 Satz 2: the Baugenehmigung is served on the neighbours who did not consent.
* Abs. 3 to 6: öffentliche Bekanntmachung of the Vorhaben, or of the Baugenehmigung instead of serving it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import require_casework
from bauantrag.audit.service import record
from bauantrag.cases.models import Case, CaseState, Decision
from bauantrag.cases.workflow import TransitionNotAllowed, require_open
from bauantrag.correspondence.actions import clean_text
from bauantrag.correspondence.actions import draft_letter as correspondence_draft
from bauantrag.correspondence.models import Letter, LetterKind, LetterState, Recipient
from bauantrag.neighbours import attachments
from bauantrag.neighbours.events import NeighbourEvent
from bauantrag.neighbours.models import (
    Affected,
    ConsentKind,
    Neighbour,
    NoticeKind,
    Objection,
    ObjectionForm,
    PublicNotice,
    Source,
)
from bauantrag.parcels.models import Parcel
from bauantrag.rules.nrw.bauo_nrw import nachbarbeteiligung as law
from bauantrag.rules.nrw.rechtslage import rechtslage

TEXT_MAX = 20_000
NOTE_MAX = 1000

FIELDS = ("name", "anrede", "street", "postal_code", "city", "flurstueck")


def _case_for_change(actor: User, case: Case, action: str) -> Case:
    require_casework(actor, case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case.pk)
    if case.state == CaseState.DRAFT:
        raise TransitionNotAllowed(_("Zu einem nicht eingereichten Antrag gibt es keine Nachbarbeteiligung."))
    require_open(case, action)
    return case


def _locked(actor: User, neighbour: Neighbour) -> Neighbour:
    require_casework(actor, neighbour.case)
    return Neighbour.objects.select_for_update(of=("self",)).select_related("case", "case__tenant").get(
        pk=neighbour.pk)


def _clean(data: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    limits = {"name": 200, "anrede": 10, "street": 200, "postal_code": 5, "city": 100, "flurstueck": 200}
    for name in FIELDS:
        try:
            cleaned[name] = clean_text(str(data.get(name) or ""), max_length=limits[name], single_line=True)
        except ValidationError as exc:
            errors[name] = exc.messages[0]
    if cleaned.get("anrede") not in ("", "frau", "herr"):
        errors["anrede"] = _("Bitte wählen Sie Frau, Herr oder keine Angabe.")
    code = cleaned.get("postal_code", "")
    if code and not (code.isdigit() and len(code) == 5):
        errors["postal_code"] = _("Die Postleitzahl hat fünf Ziffern.")
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def add_neighbour(actor: User, case: Case, data: dict[str, Any]) -> Neighbour:
    """A neighbour entered by hand (name, postal address, Flurstück)."""
    case = _case_for_change(actor, case, _("Nachbarin / Nachbar erfassen"))
    cleaned = _clean(data)
    if not (cleaned["name"] or cleaned["flurstueck"]):
        raise ValidationError({"name": _("Bitte geben Sie den Namen oder das Flurstück an.")})
    neighbour = Neighbour.objects.create(tenant=case.tenant, case=case, source=Source.MANUAL, created_by=actor,
                                         **cleaned)
    record(NeighbourEvent.NEIGHBOUR_ADDED, actor=actor, tenant=case.tenant, subject=neighbour, case=case,
           after={"source": Source.MANUAL, **cleaned})
    return neighbour


@transaction.atomic
def add_from_register(actor: User, case: Case, parcels: list[Parcel]) -> list[Neighbour]:
    """One neighbour per chosen Flurstück of the Kommune's register (owner and address are entered afterwards:
    the register holds no owners)."""
    case = _case_for_change(actor, case, _("Nachbarin / Nachbar erfassen"))
    if not parcels:
        raise ValidationError({"parcels": _("Bitte wählen Sie mindestens ein Flurstück.")})
    if any(p.tenant_id != case.tenant_id for p in parcels):
        raise ValidationError({"parcels": _("Es können nur Flurstücke der eigenen Kommune übernommen werden.")})
    known = set(Neighbour.objects.filter(case=case, parcel__isnull=False).values_list("parcel_id", flat=True))
    added = []
    for parcel in parcels:
        if parcel.pk in known:
            continue
        neighbour = Neighbour.objects.create(
            tenant=case.tenant, case=case, source=Source.REGISTER, parcel=parcel, flurstueck=str(parcel),
            created_by=actor,
        )
        record(NeighbourEvent.NEIGHBOUR_ADDED, actor=actor, tenant=case.tenant, subject=neighbour, case=case,
               after={"source": Source.REGISTER, "flurstueck": neighbour.flurstueck, "kennzeichen": parcel.kennzeichen})
        added.append(neighbour)
    return added


@transaction.atomic
def update_neighbour(actor: User, neighbour: Neighbour, data: dict[str, Any], affected: str, reason: str) -> Neighbour:
    """Name, address and the clerk's judgement whether the neighbour's public-law interests may be affected."""
    neighbour = _locked(actor, neighbour)
    require_open(neighbour.case, _("Angaben zur Nachbarin / zum Nachbarn ändern"))
    cleaned = _clean(data)
    if affected not in Affected.values:
        raise ValidationError({"affected": _("Bitte wählen Sie eine Einschätzung.")})
    reason = clean_text(reason, max_length=NOTE_MAX)
    if affected != Affected.OPEN and not reason:
        raise ValidationError({"affected_reason": _("Bitte begründen Sie Ihre Einschätzung kurz.")})
    if neighbour.notification_letter_id and affected != Affected.YES:
        raise ValidationError({"affected": _("Die Nachbarin / der Nachbar ist bereits benachrichtigt.")})
    before = {name: getattr(neighbour, name) for name in (*FIELDS, "affected", "affected_reason")}
    for name, value in cleaned.items():
        setattr(neighbour, name, value)
    neighbour.affected, neighbour.affected_reason = affected, reason
    neighbour.save()
    after = {name: getattr(neighbour, name) for name in before}
    changed = [name for name in before if before[name] != after[name]]
    if changed:
        record(NeighbourEvent.NEIGHBOUR_CHANGED, actor=actor, tenant=neighbour.tenant, subject=neighbour,
               case=neighbour.case, before={n: before[n] for n in changed}, after={n: after[n] for n in changed})
    return neighbour


@transaction.atomic
def record_consent(actor: User, neighbour: Neighbour, *, on: dt.date, kind: str, note: str = "") -> Neighbour:
    """§ 72 Abs. 2 Satz 1: the neighbour signed the Lageplan and Bauzeichnungen or consented otherwise; no
    notification is needed, nor the Zustellung of the Baugenehmigung."""
    neighbour = _locked(actor, neighbour)
    if kind not in ConsentKind.values:
        raise ValidationError({"consent_kind": _("Bitte wählen Sie, wie zugestimmt wurde.")})
    if on > timezone.localdate():
        raise ValidationError({"consent_on": _("Das Datum der Zustimmung liegt in der Zukunft.")})
    note = clean_text(note, max_length=NOTE_MAX)
    if kind == ConsentKind.OTHER and not note:
        raise ValidationError({"consent_note": _("Bitte vermerken Sie, wie zugestimmt wurde.")})
    neighbour.consent_on, neighbour.consent_kind, neighbour.consent_note = on, kind, note
    neighbour.save(update_fields=["consent_on", "consent_kind", "consent_note"])
    record(NeighbourEvent.CONSENT_RECORDED, actor=actor, tenant=neighbour.tenant, subject=neighbour,
           case=neighbour.case, after={"on": on, "kind": kind, "note": note})
    return neighbour


def governing_bauo(case: Case) -> str:
    """The key of the BauO NRW Fassung that governs the case (§ 90 Abs. 4 BauO NRW)."""
    submitted = timezone.localdate(case.submitted_at) if case.submitted_at else timezone.localdate()
    vorhaben = getattr(case, "vorhaben", None)
    return rechtslage(submitted, bool(getattr(vorhaben, "newer_law_requested", False))).bauo.key


def _letter_context(neighbour: Neighbour) -> dict[str, Any]:
    return {"neighbour_id": str(neighbour.pk), "nachbar_name": neighbour.name, "nachbar_anrede": neighbour.anrede,
            "nachbar_anschrift": neighbour.address_lines(), "nachbar_flurstueck": neighbour.flurstueck}


@transaction.atomic
def draft_notification(actor: User, neighbour: Neighbour, *, abweichungen: str = "") -> Letter:
    """The Benachrichtigung as a letter draft (§ 72 Abs. 1 Satz 1 BauO NRW), with the period and its Präklusion."""
    neighbour = _locked(actor, neighbour)
    case = _case_for_change(actor, neighbour.case, _("Nachbarin / Nachbar benachrichtigen"))
    if neighbour.consented:
        raise ValidationError(_("Die Nachbarin / der Nachbar hat zugestimmt; die Benachrichtigung entfällt "
                                "(§ 72 Abs. 2 Satz 1 BauO NRW)."))
    if neighbour.affected != Affected.YES:
        raise ValidationError(_("Benachrichtigt werden Nachbarn, deren öffentlich-rechtlich geschützte Belange "
                                "berührt sein können. Bitte halten Sie Ihre Einschätzung zuerst fest."))
    if not neighbour.addressable:
        raise ValidationError(_("Für die Zustellung fehlen Name oder Anschrift der Nachbarin / des Nachbarn."))
    if neighbour.notification_letter_id:
        raise ValidationError(_("Zu dieser Nachbarin / diesem Nachbarn gibt es bereits eine Benachrichtigung."))
    if vorhaben_announced(case):
        raise ValidationError(_("Das Vorhaben ist öffentlich bekannt gemacht; die Benachrichtigung nach § 72 Abs. 1 "
                                "und 2 BauO NRW findet dann keine Anwendung (§ 72 Abs. 3 BauO NRW)."))
    frist = law.einwendungsfrist(timezone.localdate(), governing_bauo(case))
    context = {**_letter_context(neighbour), "frist_laenge": frist.laenge, "ausschluss": frist.ausschluss,
               "abweichungen": clean_text(abweichungen, max_length=4000)}
    letter = correspondence_draft(actor, case, LetterKind.NACHBAR_BENACHRICHTIGUNG, context=context,
                                  recipient=Recipient.NEIGHBOUR)
    neighbour.notification_letter = letter
    neighbour.save(update_fields=["notification_letter"])
    record(NeighbourEvent.NOTIFICATION_DRAFTED, actor=actor, tenant=case.tenant, subject=neighbour, case=case,
           after={"letter": str(letter.pk), "period": frist.laenge, "exclusion": frist.ausschluss})
    return letter


def _require_sent(letter: Letter | None, what: str) -> Letter:
    if letter is None or letter.state != LetterState.SENT:
        raise ValidationError(_("%(what)s ist noch nicht versandt. Bitte senden Sie zuerst das Schreiben ab.")
                              % {"what": what})
    return letter


@transaction.atomic
def record_notified(actor: User, neighbour: Neighbour, *, zugang: dt.date) -> Neighbour:
    """The day the Benachrichtigung reached the neighbour (from the Zustellungsurkunde): the Einwendungsfrist is
    computed from it (§ 72 Abs. 1 Satz 3 BauO NRW, § 31 VwVfG NRW)."""
    neighbour = _locked(actor, neighbour)
    letter = _require_sent(neighbour.notification_letter, _("Die Benachrichtigung"))
    if zugang < timezone.localdate(letter.sent_at) or zugang > timezone.localdate():
        raise ValidationError({"zugang": _("Der Zugang liegt zwischen dem Versand (%(sent)s) und heute.")
                               % {"sent": timezone.localdate(letter.sent_at).strftime("%d.%m.%Y")}})
    frist = law.einwendungsfrist(zugang, governing_bauo(neighbour.case))
    before = {"notified_on": neighbour.notified_on, "deadline": neighbour.objection_deadline}
    neighbour.notified_on, neighbour.objection_deadline = zugang, frist.end
    neighbour.deadline_basis = f"{frist.legal_basis}; {frist.ende.legal_basis}"
    neighbour.deadline_note = frist.zu_pruefen
    neighbour.save(update_fields=["notified_on", "objection_deadline", "deadline_basis", "deadline_note"])
    for objection in neighbour.objections.all():
        late = law.is_late(objection.received_on, frist)
        if objection.late != late:
            objection.late = late
            objection.save(update_fields=["late"])
    record(NeighbourEvent.NOTIFICATION_DELIVERED, actor=actor, tenant=neighbour.tenant, subject=neighbour,
           case=neighbour.case, before=before,
           after={"notified_on": zugang, "deadline": frist.end, "basis": neighbour.deadline_basis,
                  "zu_pruefen": frist.zu_pruefen})
    return neighbour


def record_objection(actor: User, neighbour: Neighbour, *, received_on: dt.date, form: str, text: str,
                     upload: UploadedFile[bytes] | None = None) -> Objection:
    """An Einwendung as it came in, with the neighbour's file if there is one; late when it came after the period
    (the exclusion is the clerk's to apply). A refused file raises UploadRejected; nothing is stored then."""
    require_casework(actor, neighbour.case)
    stored = attachments.store(neighbour.tenant_id, upload) if upload is not None else None
    try:
        return _record_objection(actor, neighbour, received_on, form, text, stored)
    except BaseException:
        attachments.discard(neighbour.tenant_id, stored)
        raise


@transaction.atomic
def _record_objection(actor: User, neighbour: Neighbour, received_on: dt.date, form: str, text: str,
                      stored: attachments.Stored | None) -> Objection:
    neighbour = _locked(actor, neighbour)
    errors: dict[str, str] = {}
    if form not in ObjectionForm.values:
        errors["form"] = _("Bitte wählen Sie, in welcher Form die Einwendung einging.")
    if received_on > timezone.localdate():
        errors["received_on"] = _("Das Eingangsdatum liegt in der Zukunft.")
    try:
        text = clean_text(text, max_length=TEXT_MAX)
    except ValidationError as exc:
        errors["text"] = exc.messages[0]
    if not text and "text" not in errors:
        errors["text"] = _("Bitte geben Sie den Inhalt der Einwendung wieder.")
    if errors:
        raise ValidationError(errors)
    late = neighbour.objection_deadline is not None and received_on > neighbour.objection_deadline
    objection = Objection.objects.create(tenant=neighbour.tenant, neighbour=neighbour, received_on=received_on,
                                         form=form, text=text, late=late, recorded_by=actor)
    if stored is not None:
        objection.file_name, objection.file_storage_name, objection.file_sha256 = (
            stored.name, stored.storage_name, stored.sha256)
        objection.file_size, objection.file_content_type = stored.size, stored.content_type
        objection.save()
    record(NeighbourEvent.OBJECTION_RECORDED, actor=actor, tenant=neighbour.tenant, subject=objection,
           case=neighbour.case, after={"neighbour": str(neighbour.pk), "received_on": received_on, "form": form,
                                       "late": late, "length": len(text),
                                       "file": {"name": stored.name, "sha256": stored.sha256, "size": stored.size}
                                       if stored is not None else None})
    return objection


def baugenehmigung(case: Case) -> Letter | None:
    """The sent Baugenehmigung of an approved case."""
    if case.decision != Decision.APPROVED:
        return None
    return (Letter.objects.filter(case=case, kind=LetterKind.BAUGENEHMIGUNG, state=LetterState.SENT)
            .order_by("sent_at").first())


def vorhaben_announced(case: Case) -> bool:
    """§ 72 Abs. 3: the Vorhaben was publicly announced, so Abs. 1 and 2 do not apply."""
    return PublicNotice.objects.filter(case=case, kind=NoticeKind.VORHABEN).exists()


def to_serve(case: Case) -> list[Neighbour]:
    """§ 72 Abs. 2 Satz 2: the neighbours to be notified who did not consent get the Baugenehmigung served (not
    after a Bekanntmachung of the Vorhaben: Abs. 3 excludes Abs. 2; the Bescheid is announced, Abs. 6 Satz 2)."""
    if vorhaben_announced(case):
        return []
    return [n for n in Neighbour.objects.filter(case=case, affected=Affected.YES, consent_on__isnull=True)]


@transaction.atomic
def draft_decision_letters(actor: User, case: Case) -> list[Letter]:
    """One letter per neighbour still to be served with the Baugenehmigung (after it was sent)."""
    require_casework(actor, case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case.pk)
    bescheid = baugenehmigung(case)
    if bescheid is None:
        raise ValidationError(_("Die Baugenehmigung ist noch nicht versandt."))
    if PublicNotice.objects.filter(case=case, kind=NoticeKind.BESCHEID).exists():
        raise ValidationError(_("Die Baugenehmigung ist öffentlich bekannt gemacht (§ 72 Abs. 6 BauO NRW); eine "
                                "Zustellung an die einzelnen Nachbarn ist nicht mehr vorgesehen."))
    pending = [n for n in to_serve(case) if n.decision_letter_id is None]
    if not pending:
        raise ValidationError(_("Es gibt keine Nachbarn, denen die Baugenehmigung noch zuzustellen ist."))
    missing = [str(n) for n in pending if not n.addressable]
    if missing:
        raise ValidationError(_("Für die Zustellung fehlen Name oder Anschrift: %(names)s.")
                              % {"names": ", ".join(missing)})
    letters = []
    for neighbour in pending:
        context = {**_letter_context(neighbour), "bescheid_datum": timezone.localdate(bescheid.sent_at),
                   "bescheid_id": str(bescheid.pk)}
        letter = correspondence_draft(actor, case, LetterKind.NACHBAR_ZUSTELLUNG, context=context,
                                      recipient=Recipient.NEIGHBOUR)
        neighbour.decision_letter = letter
        neighbour.save(update_fields=["decision_letter"])
        record(NeighbourEvent.DECISION_DRAFTED, actor=actor, tenant=case.tenant, subject=neighbour, case=case,
               after={"letter": str(letter.pk), "bescheid": str(bescheid.pk)})
        letters.append(letter)
    return letters


@transaction.atomic
def record_decision_served(actor: User, neighbour: Neighbour, *, on: dt.date) -> Neighbour:
    neighbour = _locked(actor, neighbour)
    letter = _require_sent(neighbour.decision_letter, _("Die Zustellung der Baugenehmigung"))
    if on < timezone.localdate(letter.sent_at) or on > timezone.localdate():
        raise ValidationError({"on": _("Die Zustellung liegt zwischen dem Versand (%(sent)s) und heute.")
                               % {"sent": timezone.localdate(letter.sent_at).strftime("%d.%m.%Y")}})
    neighbour.decision_served_on = on
    neighbour.save(update_fields=["decision_served_on"])
    record(NeighbourEvent.DECISION_SERVED, actor=actor, tenant=neighbour.tenant, subject=neighbour,
           case=neighbour.case, after={"served_on": on, "letter": str(letter.pk)})
    return neighbour


@transaction.atomic
def record_public_notice(
    actor: User, case: Case, *, kind: str, published_on: dt.date, published_in: str, inspection_place: str,
    display_from: dt.date | None = None,
) -> PublicNotice:
    """An öffentliche Bekanntmachung with the periods § 72 sets, and its text as a letter draft.

    vorhaben (Abs. 3 Satz 1: on application of the Bauherrschaft; Satz 2: where the law requires it): the
    Auslegung for one month from ``display_from``, Einwendungen until two weeks after (Abs. 5). bescheid (Abs. 6):
    the Baugenehmigung laid out for two weeks from the day after the Bekanntmachung."""
    require_casework(actor, case)
    case = Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case.pk)
    errors: dict[str, str] = {}
    if kind not in NoticeKind.values:
        errors["kind"] = _("Bitte wählen Sie die Art der Bekanntmachung.")
    try:
        published_in = clean_text(published_in, max_length=300, single_line=True)
        inspection_place = clean_text(inspection_place, max_length=300, single_line=True)
    except ValidationError as exc:
        errors["published_in"] = exc.messages[0]
    if not published_in and "published_in" not in errors:
        errors["published_in"] = _("Bitte nennen Sie, wo bekannt gemacht wird (§ 72 Abs. 3 Satz 1 BauO NRW).")
    if not inspection_place:
        errors["inspection_place"] = _("Bitte nennen Sie, wo und wann Einsicht genommen werden kann.")
    bescheid = baugenehmigung(case)
    if kind == NoticeKind.BESCHEID and bescheid is None:
        errors["kind"] = _("Die Baugenehmigung ist noch nicht versandt; bekannt gemacht werden kann nur ein "
                           "erteilter Bescheid.")
    if kind == NoticeKind.VORHABEN:
        if case.state == CaseState.DRAFT or case.is_closed:
            errors["kind"] = _("Ein Vorhaben wird während des Verfahrens bekannt gemacht, nicht vor der Einreichung "
                               "und nicht nach der Entscheidung.")
        if display_from is None:
            errors["display_from"] = _("Bitte geben Sie den ersten Tag der Auslegung an.")
        elif display_from <= published_on:
            errors["display_from"] = _("Die Auslegung beginnt nach der Bekanntmachung (§ 72 Abs. 5 Satz 1 BauO NRW).")
    if errors:
        raise ValidationError(errors)
    if kind == NoticeKind.VORHABEN:
        assert display_from is not None
        periods = law.auslegung_vorhaben(published_on, display_from)
    else:
        periods = law.auslegung_bescheid(published_on)
    until = periods.einwendungen_bis.end if periods.einwendungen_bis else None
    context = {
        "art": kind, "bekanntmachung": published_on, "auslegung_von": periods.auslegung_von,
        "auslegung_bis": periods.auslegung_bis.end, "einwendungen_bis": until, "einsicht_ort": inspection_place,
        "veroeffentlichung": published_in,
        "bescheid_datum": timezone.localdate(bescheid.sent_at) if bescheid is not None else None,
    }
    letter = correspondence_draft(actor, case, LetterKind.BEKANNTMACHUNG, context=context, recipient=Recipient.PUBLIC)
    notice = PublicNotice.objects.create(
        tenant=case.tenant, case=case, kind=kind, published_on=published_on, published_in=published_in,
        inspection_place=inspection_place, display_from=periods.auslegung_von,
        display_until=periods.auslegung_bis.end, objections_until=until, legal_basis=periods.legal_basis,
        note=periods.zu_pruefen, letter=letter, recorded_by=actor,
    )
    record(NeighbourEvent.NOTICE_RECORDED, actor=actor, tenant=case.tenant, subject=notice, case=case,
           after={"kind": kind, "published_on": published_on, "published_in": published_in,
                  "display_from": notice.display_from, "display_until": notice.display_until,
                  "objections_until": until, "letter": str(letter.pk), "zu_pruefen": notice.note})
    return notice
