"""Every change to Beteiligungen and the directory of Fachstellen goes through here: permission, write, audit entry
in one transaction, notifications queued for after the commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.accounts.permissions import require_casework
from bauantrag.audit.service import record
from bauantrag.beteiligung.deadlines import agency_deadline_errors, deadline_for, longest_regular
from bauantrag.beteiligung.events import BeteiligungEvent
from bauantrag.beteiligung.models import (
    EINVERNEHMEN_MONTHS,
    MAX_MONTHS,
    Beteiligung,
    BeteiligungStatus,
    Fachstelle,
    FachstelleKind,
    Stellungnahme,
    Verdict,
    verdicts_for,
)
from bauantrag.cases import entscheidungsfrist
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import CLOSED_STATES, Case, CaseState, Procedure
from bauantrag.cases.signals import case_event
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.documents.models import Document
from bauantrag.notifications.models import NotificationEvent

MAX_CONDITIONS = 50
MAX_REASON = 2000
CONDITION_TEXT_MAX = 4000
LEGAL_BASIS_MAX = 300

# Before the completeness is confirmed the application may still change: no Beteiligung yet.
_NOT_YET = frozenset({CaseState.DRAFT, CaseState.SUBMITTED, CaseState.NACHFORDERUNG})


def may_request_in(state: str) -> bool:
    """A Fachstelle can be asked once the application is complete (§ 71 Abs. 1 BauO NRW) and until it is closed."""
    return state not in _NOT_YET and state not in CLOSED_STATES


def _locked_case(case_id: Any) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=case_id)


def _simplified(case: Case) -> bool:
    return entscheidungsfrist.case_procedure(case) == Procedure.VEREINFACHT


def _einvernehmen_required(case: Case) -> bool:
    """The Gemeinde is asked for its Einvernehmen in this case (a request that was not taken back)."""
    return Beteiligung.objects.filter(case=case, fachstelle__kind=FachstelleKind.GEMEINDE).exclude(
        status=BeteiligungStatus.WITHDRAWN).exists()


def _gemeinde_period_error(case: Case, rule: dt.date) -> str:
    if case.verfahren_36a:
        return _(
            "Die Frist für die Zustimmung der Gemeinde ist gesetzlich: drei Monate nach Eingang des Ersuchens "
            "(§ 36a Abs. 1 Satz 4 BauGB), hier der %(date)s."
        ) % {"date": rule.strftime("%d.%m.%Y")}
    return _(
        "Die Frist für das gemeindliche Einvernehmen ist gesetzlich: zwei Monate nach Eingang des Ersuchens "
        "(§ 36 Abs. 2 Satz 2 BauGB), hier der %(date)s."
    ) % {"date": rule.strftime("%d.%m.%Y")}


def link_path(beteiligung: Beteiligung) -> str:
    return reverse("beteiligung:detail", kwargs={"beteiligung_id": beteiligung.pk})


def _recipients(fachstelle: Fachstelle) -> list[str]:
    addresses = [
        user.email for user in fachstelle.members.filter(is_active=True, role=Role.AGENCY).order_by("username")
        if user.email
    ]
    if fachstelle.email:
        addresses.append(fachstelle.email)
    return addresses


@transaction.atomic
def request_beteiligung(
    actor: User,
    case: Case,
    fachstelle: Fachstelle,
    *,
    documents: Iterable[Document],
    message: str,
    deadline: dt.date | None = None,
    extension_reason: str = "",
) -> Beteiligung:
    """Ask ``fachstelle`` for its Stellungnahme on ``case``, sharing ``documents`` with it.

    deadline: None for the Fachstelle's rule (see deadlines.py). For the Gemeinde the period is statutory
    (§ 36 Abs. 2 Satz 2 BauGB; three months for a § 36a case) and no other date is accepted. Another Fachstelle
    gets at most two months (§ 71 Abs. 4 Satz 1 BauO NRW), one more only with ``extension_reason``.
    """
    require_casework(actor, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not may_request_in(case.state):
        raise TransitionNotAllowed(
            _("Fachstellen können erst beteiligt werden, wenn die Vollständigkeit des Antrags bestätigt ist, und "
              "nicht mehr nach Abschluss des Verfahrens (Status „%(state)s“).") % {"state": case.get_state_display()}
        )
    errors: dict[str, str] = {}
    if fachstelle.tenant_id != case.tenant_id or not fachstelle.active:
        errors["fachstelle"] = _("Bitte wählen Sie eine aktive Fachstelle aus dem Verzeichnis der Kommune.")
    chosen = list(dict.fromkeys(documents))
    if not chosen:
        errors["documents"] = _("Bitte wählen Sie mindestens eine Bauvorlage, die die Fachstelle sehen darf.")
    elif any(d.case_id != case.pk or d.tenant_id != case.tenant_id for d in chosen):
        errors["documents"] = _("Es können nur Bauvorlagen dieses Vorgangs freigegeben werden.")
    elif Document.objects.filter(pk__in=[d.pk for d in chosen], message_attachment__isnull=False).exists():
        errors["documents"] = _("Anhänge von Nachrichten im Postfach sind keine Bauvorlagen und können nicht "
                                "freigegeben werden.")
    message = message.strip()
    if not message:
        errors["message"] = _("Bitte schreiben Sie ein Anschreiben an die Fachstelle.")
    now = timezone.now()
    today = timezone.localdate(now)
    rule = deadline_for(fachstelle, today, verfahren_36a=case.verfahren_36a)
    extension_reason = (extension_reason or "").strip()
    if deadline is None:
        deadline = rule
    elif fachstelle.is_gemeinde and deadline != rule:
        errors["deadline"] = _gemeinde_period_error(case, rule)
    elif not fachstelle.is_gemeinde:
        errors.update(agency_deadline_errors(
            today, deadline, extension_reason, simplified=_simplified(case),
            einvernehmen_required=_einvernehmen_required(case),
        ))
    if len(extension_reason) > MAX_REASON:
        errors["extension_reason"] = _("Die Begründung ist zu lang (höchstens %(n)d Zeichen).") % {"n": MAX_REASON}
    if fachstelle.is_gemeinde or deadline <= longest_regular(today):
        extension_reason = ""  # a reason is recorded only for the exception it justifies
    if "fachstelle" not in errors and Beteiligung.objects.filter(
        case=case, fachstelle=fachstelle, status=BeteiligungStatus.REQUESTED
    ).exists():
        errors["fachstelle"] = _("Diese Fachstelle ist zu diesem Vorgang bereits angefragt.")
    if errors:
        raise ValidationError(errors)
    beteiligung = Beteiligung.objects.create(
        tenant=case.tenant, case=case, fachstelle=fachstelle, message=message, deadline=deadline,
        extension_reason=extension_reason, requested_by=actor, requested_at=now,
    )
    beteiligung.documents.set(chosen)
    record(
        BeteiligungEvent.BETEILIGUNG_SENT, actor=actor, tenant=case.tenant, subject=beteiligung, case=case,
        after={
            "fachstelle": fachstelle.name, "fachstelle_id": fachstelle.pk, "kind": fachstelle.kind,
            "deadline": deadline, "extension_reason": extension_reason, "message": message,
            "documents": [{"id": d.pk, "name": d.display_name, "type": d.document_type} for d in chosen],
        },
    )
    from bauantrag.notifications.service import notify_case_event

    notify_case_event(
        case, NotificationEvent.BETEILIGUNG, recipients=_recipients(fachstelle), link_path=link_path(beteiligung)
    )
    from bauantrag.beteiligung.letters import draft_letter

    draft_letter(actor, beteiligung)  # the Beteiligungsschreiben, a draft in the case's Post
    entscheidungsfrist.refresh(case, actor)
    case_event.send(sender=Case, case=case, event=BeteiligungEvent.BETEILIGUNG_SENT, actor=actor, obj=beteiligung)
    return beteiligung


@transaction.atomic
def withdraw_beteiligung(actor: User, beteiligung: Beteiligung, *, reason: str = "") -> Beteiligung:
    """Take back an open request: the Fachstelle no longer sees the Bauvorlagen and cannot answer."""
    require_casework(actor, beteiligung.case)
    beteiligung = (
        Beteiligung.objects.select_for_update(of=("self",)).select_related("case", "fachstelle")
        .get(pk=beteiligung.pk)
    )
    if beteiligung.status != BeteiligungStatus.REQUESTED:
        raise TransitionNotAllowed(
            _("Die Beteiligung ist „%(status)s“ und kann nicht mehr zurückgenommen werden.")
            % {"status": beteiligung.get_status_display()}
        )
    beteiligung.status = BeteiligungStatus.WITHDRAWN
    beteiligung.withdrawn_at = timezone.now()
    beteiligung.withdrawn_by = actor
    beteiligung.withdraw_reason = reason.strip()[:2000]
    beteiligung.save(update_fields=["status", "withdrawn_at", "withdrawn_by", "withdraw_reason"])
    entscheidungsfrist.refresh(_locked_case(beteiligung.case_id), actor)
    record(
        BeteiligungEvent.BETEILIGUNG_WITHDRAWN, actor=actor, tenant=beteiligung.tenant, subject=beteiligung,
        case=beteiligung.case, before={"status": BeteiligungStatus.REQUESTED},
        after={"status": beteiligung.status, "fachstelle": beteiligung.fachstelle.name,
               "reason": beteiligung.withdraw_reason},
    )
    case_event.send(
        sender=Case, case=beteiligung.case, event=BeteiligungEvent.BETEILIGUNG_WITHDRAWN, actor=actor, obj=beteiligung
    )
    return beteiligung


def clean_conditions(conditions: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """Nebenbestimmungen as [{"text", "legal_basis"}], stripped, empty rows dropped. Raises for a legal basis
    without text and for too many or too long rows."""
    rows = []
    for row in conditions:
        text = str(row.get("text", "") or "").strip()
        basis = str(row.get("legal_basis", "") or "").strip()
        if not text and not basis:
            continue
        if not text:
            raise ValidationError({"conditions": _("Bitte geben Sie zu jeder Rechtsgrundlage den Text der "
                                                   "Nebenbestimmung an.")})
        if len(text) > CONDITION_TEXT_MAX or len(basis) > LEGAL_BASIS_MAX:
            raise ValidationError({"conditions": _("Eine Nebenbestimmung ist zu lang.")})
        rows.append({"text": text, "legal_basis": basis})
    if len(rows) > MAX_CONDITIONS:
        raise ValidationError({"conditions": _("Höchstens %(n)d Nebenbestimmungen.") % {"n": MAX_CONDITIONS}})
    return rows


@transaction.atomic
def submit_stellungnahme(
    actor: User,
    beteiligung: Beteiligung,
    *,
    verdict: str,
    text: str,
    conditions: Iterable[dict[str, Any]] = (),
) -> Stellungnahme:
    """The Stellungnahme of the asked Fachstelle. Only its members, only while the request is open; an answer after
    the deadline is accepted and marked as late."""
    beteiligung = (
        Beteiligung.objects.select_for_update(of=("self",)).select_related("case", "fachstelle", "tenant")
        .get(pk=beteiligung.pk)
    )
    fachstelle = beteiligung.fachstelle
    if (
        actor.role != Role.AGENCY
        or actor.tenant_id != beteiligung.tenant_id
        or not fachstelle.members.filter(pk=actor.pk).exists()
    ):
        raise PermissionDenied(_("Nur Mitglieder der angefragten Fachstelle können die Stellungnahme abgeben."))
    if beteiligung.status != BeteiligungStatus.REQUESTED or beteiligung.case.state in CLOSED_STATES:
        raise TransitionNotAllowed(
            _("Die Beteiligung ist „%(status)s“; eine Stellungnahme ist nicht mehr möglich.")
            % {"status": beteiligung.get_status_display()}
        )
    errors: dict[str, str] = {}
    if verdict not in verdicts_for(fachstelle):
        errors["verdict"] = _("Bitte wählen Sie das Ergebnis Ihrer Stellungnahme.")
    text = text.strip()
    try:
        rows = clean_conditions(conditions)
    except ValidationError as exc:
        errors.update({k: " ".join(v) for k, v in exc.message_dict.items()})
        rows = []
    if verdict == Verdict.ZUSTIMMUNG_NEBENBESTIMMUNGEN and not rows and "conditions" not in errors:
        errors["conditions"] = _("Bitte nennen Sie mindestens eine Nebenbestimmung.")
    if rows and verdict != Verdict.ZUSTIMMUNG_NEBENBESTIMMUNGEN and "verdict" not in errors:
        errors["conditions"] = _("Nebenbestimmungen sind nur bei „Zustimmung mit Nebenbestimmungen“ möglich.")
    if verdict in (Verdict.ABLEHNUNG, Verdict.EINVERNEHMEN_VERSAGT) and not text:
        errors["text"] = _("Bitte begründen Sie Ihre Entscheidung.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    late = timezone.localdate(now) > beteiligung.deadline
    stellungnahme = Stellungnahme.objects.create(
        tenant=beteiligung.tenant, beteiligung=beteiligung, verdict=verdict, text=text, conditions=rows,
        author=actor, submitted_at=now, late=late,
    )
    beteiligung.status = BeteiligungStatus.ANSWERED
    beteiligung.answered_at = now
    beteiligung.save(update_fields=["status", "answered_at"])
    entscheidungsfrist.refresh(_locked_case(beteiligung.case_id), actor)
    record(
        BeteiligungEvent.STELLUNGNAHME_SUBMITTED, actor=actor, tenant=beteiligung.tenant, subject=stellungnahme,
        case=beteiligung.case, before={"status": BeteiligungStatus.REQUESTED},
        after={"beteiligung_id": beteiligung.pk, "fachstelle": fachstelle.name, "verdict": verdict,
               "text": text, "conditions": rows, "late": late, "deadline": beteiligung.deadline},
    )
    case_event.send(
        sender=Case, case=beteiligung.case, event=BeteiligungEvent.STELLUNGNAHME_SUBMITTED, actor=actor,
        obj=stellungnahme,
    )
    return stellungnahme


FACHSTELLE_FIELDS = ("name", "kind", "email", "deadline_months", "active")


def _snapshot(fachstelle: Fachstelle, members: Iterable[User]) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(fachstelle, name) for name in FACHSTELLE_FIELDS}
    data["members"] = sorted(user.username for user in members)
    return data


@transaction.atomic
def save_fachstelle(actor: User, fachstelle: Fachstelle | None, data: dict[str, Any]) -> Fachstelle:
    """Create (fachstelle None) or change an entry of the Kommune's directory of Fachstellen.

    data: name, kind, email, deadline_months, active, members (accounts with role agency of the same Kommune)."""
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id is None:
        raise PermissionDenied(_("Nur die Administration der Kommune kann das Verzeichnis der Fachstellen ändern."))
    tenant = Tenant.objects.get(pk=actor.tenant_id)
    if fachstelle is None:
        fachstelle = Fachstelle(tenant=tenant)
        before: dict[str, Any] | None = None
    else:
        fachstelle = Fachstelle.objects.select_for_update().get(pk=fachstelle.pk)
        if fachstelle.tenant_id != tenant.pk:
            raise PermissionDenied(_("Die Fachstelle gehört nicht zu Ihrer Kommune."))
        before = _snapshot(fachstelle, fachstelle.members.all())
    unknown = set(data) - {*FACHSTELLE_FIELDS, "members"}
    if unknown:
        raise ValidationError({name: _("Unbekanntes Feld.") for name in sorted(unknown)})
    for name in FACHSTELLE_FIELDS:
        if name in data:
            value = data[name]
            setattr(fachstelle, name, value.strip() if isinstance(value, str) else value)
    if fachstelle.kind == FachstelleKind.GEMEINDE:
        fachstelle.deadline_months = EINVERNEHMEN_MONTHS  # statutory (§ 36 Abs. 2 Satz 2 BauGB), shown as it applies
    members = list(data["members"]) if "members" in data else list(fachstelle.members.all())
    wrong = [u for u in members if u.role != Role.AGENCY or u.tenant_id != tenant.pk]
    if wrong:
        raise ValidationError({"members": _("Mitglieder müssen Konten mit der Rolle „Fachstelle“ Ihrer Kommune sein.")})
    if not 1 <= int(fachstelle.deadline_months or 0) <= MAX_MONTHS:
        raise ValidationError({"deadline_months": _(
            "Die Frist muss zwischen 1 und %(n)d Monaten liegen: Die Bauaufsichtsbehörde setzt eine angemessene "
            "Frist; sie darf höchstens zwei Monate betragen (§ 71 Abs. 4 Satz 1 BauO NRW). Einen weiteren Monat "
            "gibt es nur ausnahmsweise und mit Begründung bei der einzelnen Beteiligung."
        ) % {"n": MAX_MONTHS}})
    fachstelle.full_clean()
    fachstelle.save()
    fachstelle.members.set(members)
    after = _snapshot(fachstelle, members)
    if after != before:
        changed = sorted(k for k in after if before is None or after[k] != before[k])
        record(
            BeteiligungEvent.FACHSTELLE_CHANGED, actor=actor, tenant=tenant, subject=fachstelle,
            before=None if before is None else {k: before[k] for k in changed},
            after={k: after[k] for k in changed},
            message=_("angelegt") if before is None else _("geändert"),
        )
    return fachstelle


@transaction.atomic
def set_verfahren_36a(actor: User, case: Case, *, applies: bool, reason: str) -> Case:
    """The clerk's legal judgement whether the Vorhaben is one under § 31 Abs. 3 or § 34 Abs. 3b BauGB, so that the
    Gemeinde decides on its Zustimmung within three months (§ 36a Abs. 1 Satz 4 BauGB). Needs a reason; only while
    the Gemeinde has no open request (its period was set with the request)."""
    require_casework(actor, case)
    case = _locked_case(case.pk)
    if case.state in CLOSED_STATES:
        raise TransitionNotAllowed(_("Der Vorgang ist abgeschlossen."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Bitte begründen Sie die Einordnung (§ 31 Abs. 3 oder § 34 Abs. 3b "
                                           "BauGB).")})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": _("Die Begründung ist zu lang (höchstens %(n)d Zeichen).") % {
            "n": MAX_REASON}})
    if Beteiligung.objects.filter(
        case=case, fachstelle__kind=FachstelleKind.GEMEINDE, status=BeteiligungStatus.REQUESTED
    ).exists():
        raise TransitionNotAllowed(_(
            "Die Gemeinde ist bereits mit einer Frist angefragt. Bitte nehmen Sie diese Beteiligung zurück und "
            "fragen Sie die Gemeinde nach der Änderung neu an."
        ))
    before = {"verfahren_36a": case.verfahren_36a, "reason": case.verfahren_36a_reason}
    case.verfahren_36a = bool(applies)
    case.verfahren_36a_reason = reason
    case.save(update_fields=["verfahren_36a", "verfahren_36a_reason", "updated_at"])
    record(
        CaseEvent.VERFAHREN_36A_SET, actor=actor, tenant=case.tenant, subject=case, case=case,
        before=before, after={"verfahren_36a": case.verfahren_36a, "reason": reason},
    )
    entscheidungsfrist.refresh(case, actor)
    return case


@transaction.atomic
def extend_beteiligung(actor: User, beteiligung: Beteiligung, *, deadline: dt.date, reason: str) -> Beteiligung:
    """Extend the period of an open request to a Fachstelle „ausnahmsweise bis zu einem Monat“ (§ 71 Abs. 6 Satz 3
    BauO NRW): at most three months from the request in all, with a reason; in the vereinfachte Verfahren only when
    the Einvernehmen of the Gemeinde is required. The Gemeinde's period is statutory and cannot be extended."""
    require_casework(actor, beteiligung.case)
    case = _locked_case(beteiligung.case_id)
    beteiligung = Beteiligung.objects.select_for_update(of=("self",)).select_related("fachstelle").get(
        pk=beteiligung.pk)
    if beteiligung.status != BeteiligungStatus.REQUESTED or case.state in CLOSED_STATES:
        raise TransitionNotAllowed(_("Nur die Frist einer offenen Beteiligung kann verlängert werden."))
    if beteiligung.fachstelle.is_gemeinde:
        raise ValidationError({"deadline": _gemeinde_period_error(case, beteiligung.deadline)})
    reason = (reason or "").strip()
    requested_on = timezone.localdate(beteiligung.requested_at)
    errors: dict[str, str] = {}
    if deadline <= beteiligung.deadline:
        errors["deadline"] = _("Die neue Frist muss nach der bisherigen Frist (%(old)s) liegen.") % {
            "old": beteiligung.deadline.strftime("%d.%m.%Y")}
    else:
        errors.update(agency_deadline_errors(
            requested_on, deadline, reason, simplified=_simplified(case),
            einvernehmen_required=_einvernehmen_required(case),
        ))
        if not reason and "deadline" not in errors:
            errors["extension_reason"] = _("Bitte begründen Sie die Verlängerung (§ 71 Abs. 6 Satz 3 BauO NRW).")
    if len(reason) > MAX_REASON:
        errors["extension_reason"] = _("Die Begründung ist zu lang (höchstens %(n)d Zeichen).") % {"n": MAX_REASON}
    if errors:
        raise ValidationError(errors)
    before = {"deadline": beteiligung.deadline, "extension_reason": beteiligung.extension_reason}
    beteiligung.deadline, beteiligung.extension_reason = deadline, reason
    beteiligung.save(update_fields=["deadline", "extension_reason"])
    record(
        BeteiligungEvent.BETEILIGUNG_EXTENDED, actor=actor, tenant=case.tenant, subject=beteiligung, case=case,
        before=before, after={"deadline": deadline, "extension_reason": reason,
                              "fachstelle": beteiligung.fachstelle.name},
    )
    entscheidungsfrist.refresh(case, actor)
    return beteiligung
