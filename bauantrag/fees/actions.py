"""Every change of the fee data goes through here: permission, write, audit event in one transaction.

Tariff entries, Rohbauwerte and settings: the Kommune's administration. The fee of a case: the Sachbearbeitung.
The fee of a case may be set after the case is closed (a refusal's or withdrawal's fee is assessed with or after
the decision), so these actions do not call ``workflow.require_open``; instead a fee whose Kassenzeichen has been
assigned is fixed and takes no further change.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Tenant, User
from bauantrag.accounts.permissions import casework_user, require_casework
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import jsonable, record
from bauantrag.cases.models import Case, CaseState, Decision
from bauantrag.fees.access import may_manage_tariff
from bauantrag.fees.assessment import calculation_for, live_assessment, outcome_of, rate_of, to_fixed
from bauantrag.fees.events import FeeEvent
from bauantrag.fees.kassenzeichen import render_kassenzeichen
from bauantrag.fees.models import CaseFee, FeeSettings, KassenzeichenSequence, RohbauwertEntry, TariffRate
from bauantrag.rules.fees.calculation import cents, euro
from bauantrag.rules.fees.tariff import PROCEDURE_PURPOSES, TariffError

RATE_FIELDS = ("purpose", "tarifstelle", "label", "kind", "value", "value_max", "valid_from", "valid_to", "source")
ROHBAUWERT_FIELDS = ("gebaeudeart", "eur_per_m3", "valid_from", "valid_to", "source")
SETTINGS_FIELDS = ("kassenzeichen_format", "number_digits", "booking_account", "payment_details", "payment_days")


def require_tenant_admin(actor: object) -> User:
    if not isinstance(actor, User) or not may_manage_tariff(actor):
        raise PermissionDenied(_("Den Gebührentarif pflegt die Administration der Kommune."))
    return actor


def kommune_of(actor: User) -> Tenant:
    tenant = actor.tenant
    if tenant is None:
        raise PermissionDenied(_("Ihr Konto gehört zu keiner Kommune."))
    return tenant


def _overlaps(a_from: dt.date, a_to: dt.date | None, b_from: dt.date, b_to: dt.date | None) -> bool:
    return (b_to is None or a_from <= b_to) and (a_to is None or b_from <= a_to)


def _snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = jsonable({name: getattr(obj, name) for name in fields})
    return data


def _apply(obj: Any, fields: tuple[str, ...], data: dict[str, Any]) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValidationError({name: _("Unbekanntes Feld.") for name in sorted(unknown)})
    for name in fields:
        if name in data:
            value = data[name]
            setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _record_change(event: FeeEvent, actor: User, tenant: Tenant, obj: Any, before: dict[str, Any] | None,
                   after: dict[str, Any], message: str) -> None:
    changed = sorted(k for k in after if before is None or after[k] != before[k])
    if changed:
        record(event, actor=actor, tenant=tenant, subject=obj,
               before=None if before is None else {k: before[k] for k in changed},
               after={k: after[k] for k in changed}, message=message)


@transaction.atomic
def save_rate(actor: User, rate: TariffRate | None, data: dict[str, Any]) -> TariffRate:
    """Create (rate None) or change an entry of the Kommune's tariff table."""
    actor = require_tenant_admin(actor)
    tenant = kommune_of(actor)
    if rate is None:
        rate, before = TariffRate(tenant=tenant), None
    else:
        rate = TariffRate.objects.select_for_update().get(pk=rate.pk, tenant=tenant)
        before = _snapshot(rate, RATE_FIELDS)
    _apply(rate, RATE_FIELDS, data)
    rate.full_clean()
    try:
        rate_of(rate).check()
    except TariffError as problem:
        raise ValidationError(str(problem)) from None
    others = TariffRate.objects.filter(tenant=tenant, purpose=rate.purpose).exclude(pk=rate.pk)
    if any(_overlaps(rate.valid_from, rate.valid_to, o.valid_from, o.valid_to) for o in others):
        raise ValidationError({"valid_from": _("Für diesen Zweck gilt in diesem Zeitraum schon ein anderer Eintrag; "
                                               "bitte dessen „Gültig bis“ setzen.")})
    rate.save()
    _record_change(FeeEvent.TARIFF_CHANGED, actor, tenant, rate, before, _snapshot(rate, RATE_FIELDS),
                   _("Gebührensatz %(place)s %(action)s") % {
                       "place": rate.tarifstelle, "action": _("angelegt") if before is None else _("geändert")})
    return rate


@transaction.atomic
def save_rohbauwert(actor: User, entry: RohbauwertEntry | None, data: dict[str, Any]) -> RohbauwertEntry:
    actor = require_tenant_admin(actor)
    tenant = kommune_of(actor)
    if entry is None:
        entry, before = RohbauwertEntry(tenant=tenant), None
    else:
        entry = RohbauwertEntry.objects.select_for_update().get(pk=entry.pk, tenant=tenant)
        before = _snapshot(entry, ROHBAUWERT_FIELDS)
    _apply(entry, ROHBAUWERT_FIELDS, data)
    entry.full_clean()
    if entry.valid_to is not None and entry.valid_to < entry.valid_from:
        raise ValidationError({"valid_to": _("„Gültig bis“ liegt vor „Gültig ab“.")})
    others = RohbauwertEntry.objects.filter(tenant=tenant, gebaeudeart=entry.gebaeudeart).exclude(pk=entry.pk)
    if any(_overlaps(entry.valid_from, entry.valid_to, o.valid_from, o.valid_to) for o in others):
        raise ValidationError({"valid_from": _("Für diese Gebäudeart gilt in diesem Zeitraum schon ein Rohbauwert; "
                                               "bitte dessen „Gültig bis“ setzen.")})
    entry.save()
    _record_change(FeeEvent.ROHBAUWERT_CHANGED, actor, tenant, entry, before,
                   _snapshot(entry, ROHBAUWERT_FIELDS), str(entry))
    return entry


def settings_of(tenant: Tenant) -> FeeSettings:
    """The Kommune's settings (unsaved defaults until the administration saves them)."""
    return FeeSettings.objects.filter(tenant=tenant).first() or FeeSettings(tenant=tenant)


@transaction.atomic
def save_settings(actor: User, data: dict[str, Any]) -> FeeSettings:
    actor = require_tenant_admin(actor)
    tenant = kommune_of(actor)
    current = FeeSettings.objects.select_for_update().filter(tenant=tenant).first()
    before = _snapshot(current, SETTINGS_FIELDS) if current else None
    obj = current or FeeSettings(tenant=tenant)
    _apply(obj, SETTINGS_FIELDS, data)
    obj.full_clean()
    obj.save()
    _record_change(FeeEvent.SETTINGS_CHANGED, actor, tenant, obj, before, _snapshot(obj, SETTINGS_FIELDS),
                   _("Gebühreneinstellungen gespeichert"))
    return obj


# ------------------------------------------------------------------------------------------------ fee of a case


def _open_fee(actor: User, case: Case) -> CaseFee:
    """The case's fee row, locked; refused for a draft or a fee already fixed."""
    require_casework(actor, case)
    if case.state == CaseState.DRAFT:
        raise ValidationError(_("Für einen Entwurf wird keine Gebühr festgesetzt."))
    fee, _created = CaseFee.objects.select_for_update().get_or_create(case=case, defaults={"tenant": case.tenant})
    if fee.kassenzeichen:
        raise ValidationError(_("Die Gebühr ist mit dem Kassenzeichen %(kz)s festgesetzt und kann nicht mehr "
                                "geändert werden.") % {"kz": fee.kassenzeichen})
    return fee


@transaction.atomic
def set_basis(actor: User, case: Case, *, gebaeudeart: str, procedure: str,
              gross_volume_m3: Decimal | None = None, outcome: str = "") -> CaseFee:
    """The clerk's choice of the Gebäudeart (Anhang 1), of the procedure whose rate applies and of the
    Brutto-Rauminhalt (blank: derived from the pre-check and the application)."""
    fee = _open_fee(actor, case)
    if procedure and procedure not in {p.value for p in PROCEDURE_PURPOSES}:
        raise ValidationError({"procedure": _("Unbekanntes Verfahren.")})
    if gross_volume_m3 is not None and gross_volume_m3 <= 0:
        raise ValidationError({"gross_volume_m3": _("Der Brutto-Rauminhalt muss größer als 0 sein.")})
    before = jsonable({"gebaeudeart": fee.gebaeudeart, "procedure": fee.procedure,
                       "gross_volume_m3": fee.gross_volume_m3, "outcome": fee.outcome})
    fee.gebaeudeart, fee.procedure, fee.gross_volume_m3 = gebaeudeart, procedure, gross_volume_m3
    fee.outcome = outcome
    fee.full_clean(exclude=["case", "tenant"])
    fee.save()
    after = jsonable({"gebaeudeart": fee.gebaeudeart, "procedure": fee.procedure,
                      "gross_volume_m3": fee.gross_volume_m3, "outcome": fee.outcome})
    if after != before:
        record(FeeEvent.BASIS_SET, actor=actor, tenant=case.tenant, subject=fee, case=case, before=before,
               after=after, message=_("Grundlagen der Gebühr festgelegt"))
    return fee


@transaction.atomic
def override_fee(actor: User, case: Case, *, total: Decimal, reason: str) -> CaseFee:
    """The clerk sets the amount (a Rahmengebühr, or a deviation from the calculation) with a reason."""
    fee = _open_fee(actor, case)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Bitte begründen Sie die abweichende Festsetzung.")})
    if total < 0:
        raise ValidationError({"total": _("Die Gebühr darf nicht negativ sein.")})
    calculation = calculation_for(case, fee)
    calculated = calculation.total
    if calculation.frame is not None and case.decision in ("", Decision.APPROVED):
        low, high = calculation.frame
        if not low <= total <= high:
            raise ValidationError({"total": _("Die Rahmengebühr liegt zwischen %(low)s und %(high)s.") % {
                "low": euro(low), "high": euro(high)}})
    before = {"override_total": fee.override_total, "override_reason": fee.override_reason}
    fee.override_total, fee.override_reason = cents(total), reason
    fee.overridden_by, fee.overridden_at = actor, timezone.now()
    fee.save()
    record(FeeEvent.OVERRIDDEN, actor=actor, tenant=case.tenant, subject=fee, case=case, before=jsonable(before),
           after=jsonable({"override_total": fee.override_total, "override_reason": reason,
                           "calculated_total": calculated}),
           message=_("Gebühr auf %(amount)s festgesetzt (berechnet: %(calc)s): %(reason)s") % {
               "amount": euro(fee.override_total), "reason": reason,
               "calc": euro(calculated) if calculated is not None else _("nicht berechenbar")})
    return fee


@transaction.atomic
def remove_override(actor: User, case: Case) -> CaseFee:
    fee = _open_fee(actor, case)
    if fee.override_total is None:
        return fee
    before = jsonable({"override_total": fee.override_total, "override_reason": fee.override_reason})
    fee.override_total, fee.override_reason, fee.overridden_by, fee.overridden_at = None, "", None, None
    fee.save()
    record(FeeEvent.OVERRIDE_REMOVED, actor=actor, tenant=case.tenant, subject=fee, case=case, before=before,
           after={"override_total": None}, message=_("Es gilt wieder die berechnete Gebühr."))
    return fee


def _next_kassenzeichen(case: Case, settings: FeeSettings, year: int) -> str:
    """The next free number: counted per year where the format shows the year, else in one running sequence."""
    counter = year if "{JAHR}" in settings.kassenzeichen_format else 0
    sequence, _created = KassenzeichenSequence.objects.select_for_update().get_or_create(tenant=case.tenant,
                                                                                           year=counter)
    taken = CaseFee.objects.filter(tenant=case.tenant).exclude(kassenzeichen="")
    while True:  # skip numbers already used (e.g. after the format was changed back)
        sequence.last_number += 1
        candidate = render_kassenzeichen(settings.kassenzeichen_format, year, sequence.last_number,
                                         settings.number_digits)
        if not taken.filter(kassenzeichen=candidate).exists():
            sequence.save(update_fields=["last_number"])
            return candidate


@transaction.atomic
def assign_kassenzeichen(actor: User, case: Case) -> CaseFee:
    """Fix the fee as it stands and give it the Kommune's next Kassenzeichen."""
    fee = _open_fee(actor, case)
    calculation = calculation_for(case, fee)
    assessment = live_assessment(case, fee, calculation)
    if assessment is None:
        raise ValidationError(_("Die Gebühr ist noch nicht vollständig berechnet: %(missing)s Tragen Sie die "
                                "fehlenden Werte ein oder setzen Sie die Gebühr begründet fest.")
                              % {"missing": " ".join(calculation.missing)})
    settings = settings_of(case.tenant)
    now = timezone.now()
    today = timezone.localdate(now)
    fee.kassenzeichen = _next_kassenzeichen(case, settings, today.year)
    fee.assigned_at, fee.due_date = now, today + dt.timedelta(days=settings.payment_days)
    fee.fixed = {**to_fixed(assessment), "outcome": outcome_of(case, fee).value}
    fee.save()
    record(FeeEvent.KASSENZEICHEN_ASSIGNED, actor=actor, tenant=case.tenant, subject=fee, case=case,
           after={"kassenzeichen": fee.kassenzeichen, "total": str(assessment.total),
                  "due_date": fee.due_date.isoformat(), "legal_basis": assessment.legal_basis},
           message=_("Gebühr %(amount)s festgesetzt, Kassenzeichen %(kz)s") % {
               "amount": euro(assessment.total), "kz": fee.kassenzeichen})
    return fee


@transaction.atomic
def record_export(actor: User, *, rows: int, filename: str, first: dt.date | None, last: dt.date | None
                  ) -> AuditEvent:
    tenant = kommune_of(require_casework_export(actor))
    return record(FeeEvent.EXPORTED, actor=actor, tenant=tenant, subject=tenant,
                  after={"rows": rows, "filename": filename, "from": first.isoformat() if first else None,
                         "to": last.isoformat() if last else None},
                  message=_("Gebühren für das Kassenverfahren exportiert: %(file)s") % {"file": filename})


def require_casework_export(actor: object) -> User:
    """The cash export: the Bauaufsicht's own staff (Sachbearbeitung, Administration) of the Kommune."""
    clerk = casework_user(actor)
    if clerk is None:
        raise PermissionDenied(_("Die Ausgabe für das Kassenverfahren ist der Bauaufsicht der Kommune vorbehalten."))
    return clerk
