"""The Kommune's own letter templates and Textbausteine: every change goes through here (tenant administrators
only; permission, write and audit entry in one transaction). A template is never edited in place: saving adds
the next version, so a sent letter's ``template`` still points at the text it was made from."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.audit.service import record
from bauantrag.cases.models import Case, CaseState
from bauantrag.correspondence import letter_context, templating
from bauantrag.correspondence.actions import clean_text
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import LetterKind, LetterTemplate, Textbaustein, TextbausteinKind
from bauantrag.correspondence.templating import TemplateText


def _require_tenant_admin(actor: User) -> Tenant:
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id is None:
        raise PermissionDenied(_("Vorlagen und Textbausteine pflegt die Verwaltung der Kommune."))
    return Tenant.objects.get(pk=actor.tenant_id)


def _checked(kind: str, subject: str, body: str) -> TemplateText:
    if kind not in LetterKind.values:
        raise ValidationError({"kind": _("Unbekannte Art des Schreibens.")})
    subject = clean_text(subject, max_length=1000, single_line=True)
    body = clean_text(body, max_length=templating.TEMPLATE_MAX)
    errors: dict[str, list[str]] = {}
    for field, source in (("subject", subject), ("body", body)):
        if not source:
            errors[field] = [_("Bitte füllen Sie dieses Feld aus.")]
            continue
        try:
            templating.check(source, field=field)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return TemplateText(kind=kind, subject=subject, body=body)


def preview_cases(actor: User) -> list[Case]:
    """The Kommune's submitted cases a template can be tried on, newest first."""
    tenant = _require_tenant_admin(actor)
    return list(Case.objects.filter(tenant=tenant).exclude(state=CaseState.DRAFT).order_by("-submitted_at")[:50])


def preview(actor: User, kind: str, subject: str, body: str, case: Case) -> tuple[str, str]:
    """(subject, body) the template gives for a real case of the Kommune; nothing is stored."""
    tenant = _require_tenant_admin(actor)
    if case.tenant_id != tenant.pk or case.state == CaseState.DRAFT:
        raise ValidationError({"case": _("Bitte wählen Sie einen eingereichten Vorgang Ihrer Kommune.")})
    template = _checked(kind, subject, body)
    return templating.render(template, letter_context.build(case, kind, example_context(case, kind)))


def example_context(case: Case, kind: str) -> dict[str, Any]:
    """What the flows put on a letter of this kind, taken from the case where it has it (the open Nachforderung,
    the decided Nebenbestimmungen), so the preview shows the lists filled."""
    if kind == LetterKind.NACHFORDERUNG:
        latest = case.nachforderungen.order_by("-created_at").first()
        if latest is not None:
            return {"items": latest.items, "deadline": latest.deadline, "message": latest.message}
        return {"items": [{"title": "Baubeschreibung", "reason": "Beispiel: Sie liegt Ihrem Antrag nicht bei."}]}
    if kind == LetterKind.BAUGENEHMIGUNG:
        return {"nebenbestimmungen": case.decision_conditions or [
            {"kind": "auflage", "text": "Beispiel einer Auflage.", "legal_basis": "§ 74 Abs. 3 BauO NRW",
             "reason": "Beispiel einer Begründung."}]}
    if kind == LetterKind.ABLEHNUNG:
        return {"reasons": case.decision_reason or "Beispiel einer Begründung."}
    if kind == LetterKind.BETEILIGUNG:
        return {"agency_name": "Beispiel-Fachstelle"}
    if kind in (LetterKind.NACHBAR_BENACHRICHTIGUNG, LetterKind.NACHBAR_ZUSTELLUNG):
        return {"nachbar_name": "Erika Beispiel", "nachbar_anrede": "frau", "nachbar_flurstueck": "Flurstück 124",
                "nachbar_anschrift": ["Beispielweg 1", "59423 Unna"], "frist_laenge": "einem Monat",
                "abweichungen": "Beispiel: Abweichung von der Tiefe der Abstandsfläche (§ 6 BauO NRW)",
                "bescheid_datum": case.closed_at or case.submitted_at}
    if kind == LetterKind.BEKANNTMACHUNG:
        return {"art": "vorhaben", "bekanntmachung": case.submitted_at, "einsicht_ort": "Rathaus, Zimmer 1"}
    if kind == LetterKind.RUECKNAHME:
        return {"reason": "fiction" if case.decision == "withdrawn_fictitious" else "declared"}
    return {}


@transaction.atomic
def save_template(actor: User, kind: str, subject: str, body: str, note: str = "") -> LetterTemplate:
    """Save the Kommune's text of a letter kind as its next version; from now on new letters use it."""
    tenant = _require_tenant_admin(actor)
    template = _checked(kind, subject, body)
    Tenant.objects.select_for_update().filter(pk=tenant.pk).first()  # one version number per save
    last = LetterTemplate.objects.filter(tenant=tenant, kind=kind).aggregate(m=Max("version"))["m"] or 0
    row = LetterTemplate.objects.create(
        tenant=tenant, kind=kind, version=last + 1, subject=template.subject, body=template.body,
        note=clean_text(note, max_length=300, single_line=True), created_by=actor,
    )
    record(
        LetterEvent.TEMPLATE_SAVED, actor=actor, tenant=tenant, subject=row,
        after={"kind": kind, "version": row.version, "sha256": templating.template_hash(template),
               "note": row.note},
    )
    return row


TEXTBAUSTEIN_FIELDS = ("kind", "title", "text", "legal_basis", "reason", "active")


@transaction.atomic
def save_textbaustein(actor: User, data: dict[str, Any], instance: Textbaustein | None = None) -> Textbaustein:
    """Create or change one of the Kommune's Textbausteine (Nebenbestimmung or reason, with legal basis)."""
    tenant = _require_tenant_admin(actor)
    if instance is not None and instance.tenant_id != tenant.pk:
        raise PermissionDenied(_("Dieser Textbaustein gehört nicht zu Ihrer Kommune."))
    row = instance or Textbaustein(tenant=tenant)
    before = {name: getattr(row, name) for name in TEXTBAUSTEIN_FIELDS} if instance else {}
    if str(data.get("kind") or "") not in TextbausteinKind.values:
        raise ValidationError({"kind": _("Bitte wählen Sie die Art des Textbausteins.")})
    row.kind = str(data["kind"])
    row.title = clean_text(str(data.get("title") or ""), max_length=120, single_line=True)
    row.text = clean_text(str(data.get("text") or ""), max_length=4000)
    row.legal_basis = clean_text(str(data.get("legal_basis") or ""), max_length=300, single_line=True)
    row.reason = clean_text(str(data.get("reason") or ""), max_length=4000)
    row.active = bool(data.get("active", True))
    errors = {name: [_("Bitte füllen Sie dieses Feld aus.")] for name in ("title", "text", "legal_basis")
              if not getattr(row, name)}
    if errors:
        raise ValidationError(errors)
    row.save()
    record(
        LetterEvent.TEXTBAUSTEIN_SAVED, actor=actor, tenant=tenant, subject=row, before=before,
        after={name: getattr(row, name) for name in TEXTBAUSTEIN_FIELDS},
    )
    return row


def textbausteine_for(tenant_id: Any, *, kinds: tuple[str, ...] | None = None) -> list[Textbaustein]:
    """The Kommune's active Textbausteine (for the decision page)."""
    rows = Textbaustein.objects.filter(tenant_id=tenant_id, active=True)
    if kinds is not None:
        rows = rows.filter(kind__in=kinds)
    return list(rows.order_by("kind", "title"))
