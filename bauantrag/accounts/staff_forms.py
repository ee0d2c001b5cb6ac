"""Forms of the Kommune admin's page „Mitarbeitende“ (bauantrag.accounts.staff_views)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bauantrag.accounts.models import User
from bauantrag.accounts.names import normalise_email, refuse_lookalikes
from bauantrag.accounts.staff import KOMMUNE_STAFF_ROLES

ROLE_CHOICES = [(role.value, role.label) for role in KOMMUNE_STAFF_ROLES]


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    email = forms.EmailField(label=_("Dienstliche E-Mail-Adresse"), max_length=254,
                             help_text=_("An diese Adresse geht der Link zum Festlegen des Passworts; sie ist "
                                         "zugleich der Benutzername."))
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES, widget=forms.RadioSelect)

    def clean_email(self) -> str:
        """Look-alikes are refused as at registration; an address with an account is named (admins only)."""
        raw = self.cleaned_data["email"]
        refuse_lookalikes(raw)
        email = normalise_email(raw)
        refuse_lookalikes(email)
        if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Für diese Adresse gibt es bereits ein Konto."), code="exists")
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES, widget=forms.RadioSelect)


class MfaResetForm(forms.Form):
    reason = forms.CharField(label=_("Begründung"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("z. B. „Diensthandy verloren, Anruf am 07.12. um 9:10 Uhr geprüft“. "
                                         "Eine zweite Administratorin oder ein zweiter Administrator bestätigt."))
