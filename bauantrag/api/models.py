"""API tokens of other municipal systems (Fachverfahren): stored hashed, scoped, expiring, revocable."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TokenScope(models.TextChoices):
    READ = "read", _("Lesen (Anträge, Befunde, Bauvorlagen, Verlauf)")
    CASEWORK = "casework", _("Lesen und Sachbearbeitung (Vollständigkeit, Nachforderung, Befunde bewerten, Prüfung)")


class ApiToken(models.Model):
    """One token of one system of one Kommune. Only the SHA-256 of the token is kept; the prefix identifies it.

    The token acts as its own technical account (`user`): no password, no second factor, never a person."""

    prefix = models.CharField(_("Kennung"), max_length=16, unique=True)
    digest = models.CharField(max_length=64, editable=False)  # hex SHA-256 of the whole token
    name = models.CharField(_("Bezeichnung"), max_length=100)
    tenant = models.ForeignKey(
        "accounts.Tenant", on_delete=models.PROTECT, related_name="api_tokens", verbose_name=_("Kommune")
    )
    scope = models.CharField(_("Berechtigung"), max_length=20, choices=TokenScope.choices)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_token", editable=False
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("angelegt von"),
    )  # None: created by the operator's management command
    expires_at = models.DateTimeField(_("gültig bis"))
    last_used_at = models.DateTimeField(_("zuletzt benutzt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-Zugang")
        verbose_name_plural = _("API-Zugänge")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    def is_valid(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    def state_label(self) -> str:
        if self.revoked_at is not None:
            return str(_("widerrufen"))
        if self.expires_at <= timezone.now():
            return str(_("abgelaufen"))
        return str(_("gültig"))
