"""The operator's Django admin (/verwaltung/): Kommunen and accounts, nothing of their cases.

Registered here and nowhere else: Kommunen, accounts (people; the technical accounts of API tokens are managed by the
Kommune and `manage.py api_token`), groups, and the TOTP devices without their secrets. No app registers a model
with case data (cases, documents, letters, findings, notifications, the trail): tests/security/test_operator_reach.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Tenant, User

if TYPE_CHECKING:
    _TenantBase = admin.ModelAdmin[Tenant]
    _UserBase = admin.ModelAdmin[User]
    _DeviceBase = admin.ModelAdmin[TOTPDevice]
else:
    _TenantBase = _UserBase = _DeviceBase = admin.ModelAdmin

admin.site.site_header = _("Bauantrag – Betrieb")
admin.site.site_title = _("Bauantrag – Betrieb")
admin.site.index_title = _("Kommunen und Konten")


@admin.register(Tenant)
class TenantAdmin(_TenantBase):
    """The Kommune's identity; its own settings (map, letters, language model) stay with its administration."""

    list_display = ["name", "slug", "authority_name", "kreis", "created_at"]
    search_fields = ["name", "slug"]
    fields = ["slug", "name", "authority_name", "kreis", "ags", "file_number_prefix", "mail_sender"]

    def has_delete_permission(self, request: HttpRequest, obj: Tenant | None = None) -> bool:
        return False  # a Kommune's cases are kept (retention); it is never deleted from here


@admin.register(User)
class UserAdmin(_UserBase):
    """People's accounts: who, which Kommune, which role, active or not. No password, no rights beyond the role."""

    list_display = ["username", "first_name", "last_name", "tenant", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active", "tenant"]
    search_fields = ["username", "email", "first_name", "last_name"]
    fields = ["username", "first_name", "last_name", "email", "tenant", "role", "chamber_number", "is_active",
              "last_login", "date_joined"]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).filter(api_token__isnull=True)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        if not change:
            obj.set_unusable_password()  # the person sets their own (password reset), never the operator
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False  # accounts are deactivated, not deleted: the trail and the cases name them


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(_DeviceBase):
    """Whether and since when an account has a second factor; the secret is never shown, a device never added here.

    Deleting a device makes its owner enrol again at the next login (a lost authenticator)."""

    list_display = ["user", "name", "confirmed", "set_up_on", "used_on"]
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed", "set_up_on", "used_on"]
    readonly_fields = ["user", "name", "confirmed", "set_up_on", "used_on"]

    @admin.display(description=_("eingerichtet am"), ordering="created_at")
    def set_up_on(self, device: TOTPDevice) -> Any:
        return device.created_at

    @admin.display(description=_("zuletzt benutzt"), ordering="last_used_at")
    def used_on(self, device: TOTPDevice) -> Any:
        return device.last_used_at

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: TOTPDevice | None = None) -> bool:
        return False
