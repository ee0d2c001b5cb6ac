"""The audit events of Kommunen und Konten (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class AccountEvent(models.TextChoices):
    ACCOUNT_REGISTERED = "account.registered", _("Konto angelegt")
    TENANT_SETTINGS_CHANGED = "tenant.settings_changed", _("Einstellungen der Kommune geändert")
    MFA_ENROLLED = "account.mfa_enrolled", _("Zweiter Faktor (TOTP) eingerichtet")
    LOGIN_FAILED = "account.login_failed", _("Anmeldung fehlgeschlagen")
    LOGIN_LOCKED = "account.login_locked", _("Anmeldung nach Fehlversuchen vorübergehend gesperrt")
    ADDRESS_BLOCKED = "account.address_blocked", _("Anmeldungen von einer Adresse nach Fehlversuchen gesperrt")
    PASSWORD_CHANGED = "account.password_changed", _("Passwort geändert")
    PASSWORD_RESET = "account.password_reset", _("Passwort über den Link aus der E-Mail neu gesetzt")
    EMAIL_VERIFIED = "account.email_verified", _("E-Mail-Adresse bestätigt")
    REGISTRATION_REPEATED = "account.registration_repeated", _(
        "Registrierung mit der Adresse eines bestehenden Kontos (Inhaber/in per E-Mail informiert)")
    LOGGED_IN = "account.logged_in", _("Angemeldet")
    LOGGED_OUT = "account.logged_out", _("Abgemeldet")
    MFA_FAILED = "account.mfa_failed", _("Falscher Code für den zweiten Faktor (TOTP)")
    ADMIN_CHANGE = "admin.change", _("Änderung in der Administration")
    ACCESS_DENIED = "access.denied", _("Zugriff verweigert")


register_events("accounts", AccountEvent)
