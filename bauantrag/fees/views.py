"""Pages of the fees. Thin: fetch through ``access``/``cases.access``, change through ``actions`` only.

* /gebuehren/vorgaenge/<case_id>/ — the fee of a case line by line (Sachbearbeitung): basis, override with
  reason, Kassenzeichen;
* /gebuehren/ — the fixed fees of the Kommune and the CSV export for the cash system (Bauaufsicht of the Kommune);
* /gebuehren/tarif/… — the Kommune's tariff entries, Rohbauwerte and settings (Administration changes,
  Sachbearbeitung reads).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import casework_required, casework_user
from bauantrag.cases.access import access_case
from bauantrag.fees import actions, export
from bauantrag.fees.access import (
    access_rate,
    access_rohbauwert,
    may_manage_tariff,
    may_view_tariff,
    rates_visible_to,
    rohbauwerte_visible_to,
)
from bauantrag.fees.assessment import (
    OUTCOME_LABELS,
    assessment_from,
    calculation_for,
    case_fee,
    fixed_for_other_decision,
    gebaeudeart_of,
    outcome_of,
    procedure_of,
)
from bauantrag.fees.forms import BasisForm, ExportForm, OverrideForm, RateForm, RohbauwertForm, SettingsForm
from bauantrag.fees.models import RohbauwertEntry, TariffRate
from bauantrag.rules.fees.tariff import ANHANG_1_SOURCE


def _clerk(request: HttpRequest) -> User:
    user = casework_user(request.user)
    assert user is not None  # casework_required
    return user


def _errors_to_form(form: BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# ------------------------------------------------------------------------------------------------ fee of a case


def case_context(case: Any, user: User, basis: BasisForm | None = None,
                 override: OverrideForm | None = None) -> dict[str, Any]:
    fee = case_fee(case)
    calculation = calculation_for(case, fee)
    procedure = procedure_of(case, fee)
    return {
        "case": case, "fee": fee, "calculation": calculation, "assessment": assessment_from(case, fee, calculation),
        "fixed": bool(fee and fee.kassenzeichen), "procedure": procedure,
        "outcome": OUTCOME_LABELS[outcome_of(case, fee)],
        "fixed_for_other": fixed_for_other_decision(case, fee),
        "basis_form": basis or BasisForm(initial={"gebaeudeart": gebaeudeart_of(case, fee) or "",
                                                  "procedure": fee.procedure if fee else "",
                                                  "gross_volume_m3": fee.gross_volume_m3 if fee else None,
                                                  "outcome": fee.outcome if fee else ""}),
        "override_form": override or OverrideForm(initial={
            "total": fee.override_total if fee and fee.override_total is not None else calculation.total,
            "reason": fee.override_reason if fee else ""}),
        "may_change": case.state != "draft",
    }


@casework_required
def case_fee_page(request: HttpRequest, case_id: Any) -> HttpResponse:
    user = _clerk(request)
    case = access_case(user, case_id)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if request.method != "POST":
        return render(request, "fees/case.html", case_context(case, user))
    step = request.POST.get("schritt", "")
    basis, override = None, None
    try:
        if step == "grundlagen":
            basis = BasisForm(request.POST)
            if basis.is_valid():
                actions.set_basis(user, case, **basis.cleaned_data)
                messages.success(request, _("Die Grundlagen der Gebühr wurden gespeichert."))
                return redirect("fees:case", case_id=case.pk)
        elif step == "festsetzen":
            override = OverrideForm(request.POST)
            if override.is_valid():
                actions.override_fee(user, case, **override.cleaned_data)
                messages.success(request, _("Die Gebühr wurde abweichend festgesetzt."))
                return redirect("fees:case", case_id=case.pk)
        elif step == "berechnet":
            actions.remove_override(user, case)
            messages.success(request, _("Es gilt wieder die berechnete Gebühr."))
            return redirect("fees:case", case_id=case.pk)
        elif step == "kassenzeichen":
            fee = actions.assign_kassenzeichen(user, case)
            messages.success(request, _("Die Gebühr ist festgesetzt, Kassenzeichen %(kz)s.")
                             % {"kz": fee.kassenzeichen})
            return redirect("fees:case", case_id=case.pk)
        else:
            messages.error(request, _("Unbekannter Schritt."))
    except ValidationError as error:
        target = basis or override
        if target is not None and hasattr(error, "error_dict"):
            _errors_to_form(target, error)
        else:
            messages.error(request, " ".join(error.messages))
    return render(request, "fees/case.html", case_context(case, user, basis, override), status=400)


# ------------------------------------------------------------------------------------------------ cash export


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    user = actions.require_casework_export(request.user)
    form = ExportForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    first, last = (form.cleaned_data.get("von"), form.cleaned_data.get("bis")) if request.GET and valid else \
        (None, None)
    rows = export.fees_in(actions.kommune_of(user), first, last) if valid else []
    return render(request, "fees/overview.html", {"form": form, "fees": rows}, status=200 if valid else 400)


@login_required
@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    user = actions.require_casework_export(request.user)
    form = ExportForm(request.GET)
    if not form.is_valid():
        return render(request, "fees/overview.html", {"form": form, "fees": []}, status=400)
    first, last = form.cleaned_data.get("von"), form.cleaned_data.get("bis")
    tenant = actions.kommune_of(user)
    content, count = export.render(export.rows_of(export.fees_in(tenant, first, last),
                                                  actions.settings_of(tenant)))
    filename = f"gebuehren-{tenant.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    actions.record_export(user, rows=count, filename=filename, first=first, last=last)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


# ------------------------------------------------------------------------------------------------ tariff


@login_required
@require_GET
def tariff(request: HttpRequest) -> HttpResponse:
    if not may_view_tariff(request.user):
        raise PermissionDenied(_("Der Gebührentarif ist für die Bauaufsicht der Kommune bestimmt."))
    user = _clerk(request)
    tenant = actions.kommune_of(user)
    return render(request, "fees/tariff.html", {
        "rates": rates_visible_to(user), "rohbauwerte": rohbauwerte_visible_to(user),
        "settings": actions.settings_of(tenant), "can_manage": may_manage_tariff(user),
        "anhang_source": ANHANG_1_SOURCE,
    })


def _edit(request: HttpRequest, form_class: Any, obj: Any, save: Any, title: str) -> HttpResponse:
    """GET shows the form (read-only for the Sachbearbeitung), POST saves through the action."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    can_manage = may_manage_tariff(request.user)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied(_("Den Gebührentarif pflegt die Administration der Kommune."))
        form = form_class(request.POST, instance=obj)
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form._meta.fields}
            try:
                save(_clerk(request), obj if obj is not None and obj.pk and not obj._state.adding else None, data)
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Gespeichert."))
                return redirect("fees:tariff")
        return render(request, "fees/entry_form.html", {"form": form, "title": title, "can_manage": True},
                      status=400)
    form = form_class(instance=obj)
    return render(request, "fees/entry_form.html", {"form": form, "title": title, "can_manage": can_manage,
                                                    "rows": [] if can_manage else _readonly_rows(form, obj)})


def _readonly_rows(form: BaseForm, obj: Any) -> list[tuple[str, Any]]:
    """Label and shown value of each field, choices by their label (for the Sachbearbeitung, who only reads)."""
    rows = []
    for name, field in form.fields.items():
        shown = getattr(obj, f"get_{name}_display", None)
        rows.append((str(field.label), shown() if callable(shown) else getattr(obj, name)))
    return rows


def _require_view(request: HttpRequest) -> None:
    if not may_view_tariff(request.user):
        raise PermissionDenied(_("Der Gebührentarif ist für die Bauaufsicht der Kommune bestimmt."))


@login_required
def rate_create(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    if not may_manage_tariff(request.user):
        raise PermissionDenied(_("Den Gebührentarif pflegt die Administration der Kommune."))
    return _edit(request, RateForm, TariffRate(), actions.save_rate, _("Neuer Gebührensatz"))


@login_required
def rate_detail(request: HttpRequest, rate_id: Any) -> HttpResponse:
    rate = access_rate(request.user, rate_id)
    return _edit(request, RateForm, rate, actions.save_rate, _("Gebührensatz %(t)s") % {"t": rate.tarifstelle})


@login_required
def rohbauwert_create(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    if not may_manage_tariff(request.user):
        raise PermissionDenied(_("Den Gebührentarif pflegt die Administration der Kommune."))
    return _edit(request, RohbauwertForm, RohbauwertEntry(), actions.save_rohbauwert, _("Neuer Rohbauwert"))


@login_required
def rohbauwert_detail(request: HttpRequest, rohbauwert_id: Any) -> HttpResponse:
    entry = access_rohbauwert(request.user, rohbauwert_id)
    return _edit(request, RohbauwertForm, entry, actions.save_rohbauwert, _("Rohbauwert"))


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    if not may_manage_tariff(request.user):
        raise PermissionDenied(_("Die Gebühreneinstellungen pflegt die Administration der Kommune."))
    user = _clerk(request)
    tenant = actions.kommune_of(user)

    def save(actor: User, _obj: Any, data: dict[str, Any]) -> Any:
        return actions.save_settings(actor, data)

    return _edit(request, SettingsForm, actions.settings_of(tenant), save, _("Gebühreneinstellungen"))
