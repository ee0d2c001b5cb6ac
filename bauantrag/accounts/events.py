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
    STAFF_INVITED = "staff.invited", _("Mitarbeiter/in eingeladen")
    STAFF_INVITATION_ACCEPTED = "staff.invitation_accepted", _("Einladung angenommen, Passwort festgelegt")
    STAFF_ROLE_CHANGED = "staff.role_changed", _("Rolle eines Mitarbeiters/einer Mitarbeiterin geändert")
    STAFF_DEACTIVATED = "staff.deactivated", _("Konto eines Mitarbeiters/einer Mitarbeiterin deaktiviert")
    STAFF_REACTIVATED = "staff.reactivated", _("Konto eines Mitarbeiters/einer Mitarbeiterin wieder aktiviert")
    MFA_RESET_REQUESTED = "staff.mfa_reset_requested", _("Zurücksetzen des zweiten Faktors beantragt")
    MFA_RESET_APPROVED = "staff.mfa_reset_approved", _(
        "Zurücksetzen des zweiten Faktors von zweiter Person bestätigt, Faktor gelöscht")


register_events("accounts", AccountEvent)
