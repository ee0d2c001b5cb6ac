"""Tenants (Kommunen) and user accounts with their roles."""

from __future__ import annotations

import uuid
from email.utils import parseaddr

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
    validate_email,
)
from django.db import models
from django.utils.translation import gettext_lazy as _


def validate_mail_sender(value: str) -> None:
    """A sender like „Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>“: one address, no line breaks."""
    message = _("Bitte eine Absenderadresse wie „Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>“ angeben.")
    if any(ord(char) < 32 or ord(char) == 127 for char in value) or "," in value or ";" in value:
        raise ValidationError(message, code="mail_sender")
    name, address = parseaddr(value)
    if not address or any(char in name for char in '<>"@'):
        raise ValidationError(message, code="mail_sender")
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(message, code="mail_sender") from None


class Tenant(models.Model):
    """A Kommune whose untere Bauaufsichtsbehörde works on this installation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("Kurzname"), unique=True)
    name = models.CharField(_("Name der Kommune"), max_length=200)
    authority_name = models.CharField(
        _("Bauaufsichtsbehörde"), max_length=200, help_text=_("z. B. „Untere Bauaufsichtsbehörde der Stadt …“")
    )
    kreis = models.CharField(_("Kreis"), max_length=200, blank=True)
    ags = models.CharField(_("Amtlicher Gemeindeschlüssel"), max_length=8, blank=True)
    file_number_prefix = models.CharField(
        _("Präfix des Aktenzeichens"), max_length=20, default="BA",
        help_text=_("Aktenzeichen lauten PRÄFIX-JAHR-LAUFNUMMER, z. B. 63-2026-00017."),
    )
    map_wms_url = models.URLField(
        _("WMS-Adresse des Kartenhintergrunds"), max_length=500, blank=True,
        validators=[URLValidator(schemes=["https"], message=_("Bitte eine https-Adresse angeben."), code="https")],
        help_text=_("Optional, z. B. der ALKIS- oder DOP-Dienst des Landes. Leer: kein Hintergrund."),
    )
    map_wms_layers = models.CharField(
        _("WMS-Ebenen"), max_length=300, blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_:.,\- ]*$", _("Nur Buchstaben, Ziffern und _ : . , - sind erlaubt."))],
        help_text=_("Kommagetrennte Namen der Ebenen (Parameter LAYERS)."),
    )
    map_wms_attribution = models.CharField(
        _("Quellenangabe des Hintergrunds"), max_length=200, blank=True,
        validators=[RegexValidator(r"^[^<>]*$", _("Die Quellenangabe darf keine spitzen Klammern enthalten."))],
        help_text=_("Wird auf der Karte angezeigt, z. B. „© Geobasis NRW“."),
    )
    mail_sender = models.CharField(
        _("Absender der Benachrichtigungen"), max_length=200, blank=True, validators=[validate_mail_sender],
        help_text=_("z. B. „Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>“. Leer: Standardabsender."),
    )
    # Optional language model on the Kommune's own server (bauantrag.assist.summary): off by default, set by the
    # tenant administrator; the address is checked by assist.summary.endpoint, the key is stored encrypted.
    llm_enabled = models.BooleanField(_("Sprachmodell verwenden"), default=False)
    llm_base_url = models.CharField(_("Adresse des Sprachmodell-Servers"), max_length=300, blank=True)
    llm_model = models.CharField(_("Modell"), max_length=120, blank=True)
    llm_api_key_encrypted = models.TextField(blank=True, editable=False)
    llm_timeout_seconds = models.PositiveSmallIntegerField(
        _("Zeitlimit (Sekunden)"), default=20, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Antragsteller/in (Bauherrschaft)")
    DESIGNER = "designer", _("Entwurfsverfasser/in")
    CLERK = "clerk", _("Sachbearbeiter/in")
    AGENCY = "agency", _("Fachstelle")
    TENANT_ADMIN = "tenant_admin", _("Administrator/in der Kommune")
    PLATFORM_ADMIN = "platform_admin", _("Administrator/in des Betreibers")


STAFF_ROLES = frozenset({Role.CLERK, Role.AGENCY, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})
APPLICANT_ROLES = frozenset({Role.APPLICANT, Role.DESIGNER})
CASEWORK_ROLES = frozenset({Role.CLERK, Role.TENANT_ADMIN})


class User(AbstractUser):
    """An account. Every account but a platform administrator's belongs to one Kommune."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("Kommune")
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.APPLICANT)
    chamber_number = models.CharField(
        _("Kammer-Mitgliedsnummer"), max_length=40, blank=True,
        help_text=_(
            "Für Entwurfsverfasser/innen: Mitgliedsnummer der Architekten- oder Ingenieurkammer (§ 67 BauO NRW)."
        ),
    )

    email_verified_at = models.DateTimeField(
        _("E-Mail-Adresse bestätigt am"), null=True, blank=True,
        help_text=_("Erst mit bestätigter Adresse können Antragsteller/innen und Entwurfsverfasser/innen einreichen."),
    )

    class Meta:
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="platform_admin") | models.Q(tenant__isnull=False),
                name="user_tenant_required_unless_platform_admin",
            )
        ]

    @property
    def requires_mfa(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_applicant_side(self) -> bool:
        return self.role in APPLICANT_ROLES

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def does_casework(self) -> bool:
        return self.role in CASEWORK_ROLES

    def display_name(self) -> str:
        return self.get_full_name() or self.username


class MfaResetRequest(models.Model):
    """Four eyes on a lost second factor: one administrator of the Kommune asks (with a reason), a different one
    approves; only then is the person's TOTP device deleted (bauantrag.accounts.staff)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey(Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("Kommune"))
    subject = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mfa_reset_requests",
                                verbose_name=_("Konto"))
    reason = models.TextField(_("Begründung"), max_length=500)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("beantragt von"))
    requested_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True,
                                    verbose_name=_("bestätigt von"))
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Zurücksetzen des zweiten Faktors")
        verbose_name_plural = _("Zurücksetzen des zweiten Faktors")
        constraints = [
            models.UniqueConstraint(fields=["subject"], condition=models.Q(approved_at__isnull=True),
                                    name="one_open_mfa_reset_per_account"),
            models.CheckConstraint(condition=~models.Q(approved_by=models.F("requested_by")),
                                   name="mfa_reset_needs_a_second_admin"),
        ]

    def __str__(self) -> str:
        return f"{self.subject_id} ({self.requested_at:%Y-%m-%d})"
