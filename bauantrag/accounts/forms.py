from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.accounts.names import normalise_email, refuse_lookalikes


class TotpForm(forms.Form):
    token = forms.CharField(
        label=_("Einmalcode aus der Authenticator-App"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class RegistrationForm(UserCreationForm):  # type: ignore[type-arg]
    """Self-registration of applicants and designers (never staff) with a Kommune of this installation."""

    tenant = forms.ModelChoiceField(
        queryset=Tenant.objects.order_by("name"), label=_("Kommune (Bauaufsichtsbehörde)"),
        empty_label=_("Bitte wählen"),
    )
    role = forms.ChoiceField(
        label=_("Sie stellen den Antrag als"), widget=forms.RadioSelect,
        choices=[(Role.APPLICANT.value, Role.APPLICANT.label), (Role.DESIGNER.value, Role.DESIGNER.label)],
    )

    class Meta:
        model = User
        fields = ("tenant", "first_name", "last_name", "email", "role", "chamber_number")
        labels = {"email": _("E-Mail-Adresse (zugleich Ihr Benutzername)")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["tenant"].label_from_instance = lambda t: f"{t.name} – {t.authority_name}"  # type: ignore[attr-defined]

    def clean_email(self) -> str:
        """Refuses look-alikes; an address that has an account is *not* refused here (that would tell who has
        one): actions.register_account mails its owner instead."""
        raw = self.cleaned_data["email"]
        refuse_lookalikes(raw)
        email = normalise_email(raw)
        refuse_lookalikes(email)
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.DESIGNER and not (data.get("chamber_number") or "").strip():
            self.add_error(
                "chamber_number",
                _("Entwurfsverfasser/innen geben ihre Kammer-Mitgliedsnummer an (§ 67 Abs. 3 BauO NRW)."),
            )
        return data

    def save(self, commit: bool = True) -> User:
        user: User = super().save(commit=False)
        user.username = self.cleaned_data["email"]
        user.email = self.cleaned_data["email"]
        if commit:
            user.save()
        return user
