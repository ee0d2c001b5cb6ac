"""The Kommune's map background (an optional WMS service): form, action (with audit) and page at /kommune/karte/.

The browser loads the tiles directly from the configured https address; the server never fetches it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.audit.service import record

FIELDS = ("map_wms_url", "map_wms_layers", "map_wms_attribution")


class MapSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    map_wms_url = forms.URLField(
        label=Tenant._meta.get_field("map_wms_url").verbose_name, required=False, max_length=500,
        assume_scheme="https", error_messages={"invalid": gettext_lazy("Bitte eine https-Adresse angeben.")},
        help_text=Tenant._meta.get_field("map_wms_url").help_text,
    )  # fmt: skip

    class Meta:
        model = Tenant
        fields = FIELDS

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("map_wms_url") and not data.get("map_wms_layers"):
            self.add_error("map_wms_layers", _("Bitte geben Sie die Ebenen des WMS-Dienstes an."))
        return data


def _check_actor(actor: User, tenant: Tenant) -> None:
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id != tenant.pk:
        raise PermissionDenied(_("Nur die Administration der Kommune kann die Karte einstellen."))


def change_map_settings(actor: User, tenant: Tenant, values: dict[str, str]) -> Tenant:
    """Set the WMS background of the Kommune (validated by the model's validators), recorded in the audit log."""
    _check_actor(actor, tenant)
    with transaction.atomic():
        locked = Tenant.objects.select_for_update().get(pk=tenant.pk)
        before = {name: getattr(locked, name) for name in FIELDS}
        for name in FIELDS:
            setattr(locked, name, values.get(name, "").strip())
        locked.full_clean()
        after = {name: getattr(locked, name) for name in FIELDS}
        if after != before:
            locked.save(update_fields=list(FIELDS))
            record(AccountEvent.TENANT_SETTINGS_CHANGED, actor=actor, tenant=locked, subject=locked, before=before,
                   after=after, message=_("Kartenhintergrund (WMS) geändert"))  # fmt: skip
    return locked


@login_required
def map_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User) or user.role != Role.TENANT_ADMIN or user.tenant is None:
        raise PermissionDenied(_("Nur die Administration der Kommune kann die Karte einstellen."))
    tenant = user.tenant
    form = MapSettingsForm(instance=tenant)
    status = 200
    if request.method == "POST":
        form = MapSettingsForm(request.POST, instance=Tenant.objects.get(pk=tenant.pk))
        if form.is_valid():
            change_map_settings(user, tenant, {name: form.cleaned_data[name] for name in FIELDS})
            messages.success(request, _("Die Einstellungen der Karte wurden gespeichert."))
            return redirect("tenant_map_settings")
        status = 400
    return render(request, "accounts/map_settings.html", {"form": form, "tenant": tenant}, status=status)
