"""Forms of the fees: the Kommune's tariff entries, Rohbauwerte and settings; the clerk's basis and override."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bauantrag.fees.models import GEBAEUDEART_CHOICES, FeeSettings, RohbauwertEntry, TariffRate
from bauantrag.rules.fees.tariff import PROCEDURE_PURPOSES, PURPOSE_LABELS

DATE_WIDGET = forms.DateInput(attrs={"type": "date", "class": "input-short"}, format="%Y-%m-%d")
PROCEDURE_CHOICES = [("", _("wie in Vorprüfung bzw. Antrag"))] + [
    (purpose.value, label) for purpose, label in PURPOSE_LABELS.items() if purpose in PROCEDURE_PURPOSES
]


def _localize(form: forms.BaseForm) -> None:
    """Decimal fields accept and show the German decimal comma (877,20)."""
    for field in form.fields.values():
        if isinstance(field, forms.DecimalField):
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal", "class": "input-short"})
            field.widget.is_localized = True


class RateForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = TariffRate
        fields = ("purpose", "tarifstelle", "label", "kind", "value", "value_max", "valid_from", "valid_to", "source")
        widgets = {"valid_from": DATE_WIDGET, "valid_to": DATE_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _localize(self)


class RohbauwertForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = RohbauwertEntry
        fields = ("gebaeudeart", "eur_per_m3", "valid_from", "valid_to", "source")
        widgets = {"valid_from": DATE_WIDGET, "valid_to": DATE_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _localize(self)


class SettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = FeeSettings
        fields = ("kassenzeichen_format", "number_digits", "booking_account", "payment_details", "payment_days")


class BasisForm(forms.Form):
    gebaeudeart = forms.ChoiceField(
        label=_("Gebäudeart nach Anhang 1 zu Tarifstelle 3.1.1.2"), required=False,
        choices=[("", _("– bitte wählen –")), *GEBAEUDEART_CHOICES],
    )
    procedure = forms.ChoiceField(label=_("Verfahren, nach dessen Satz die Gebühr berechnet wird"), required=False,
                                  choices=PROCEDURE_CHOICES)
    outcome = forms.ChoiceField(
        label=_("Entscheidung, für die die Gebühr berechnet wird"), required=False,
        choices=[("", _("Genehmigung (solange nicht anders entschieden)")), ("ablehnung", _("Ablehnung")),
                 ("ruecknahme", _("Rücknahme"))],
        help_text=_("Nur solange der Vorgang offen ist; danach gilt die getroffene Entscheidung."),
    )
    gross_volume_m3 = forms.DecimalField(
        label=_("Brutto-Rauminhalt für die Gebühr (m³)"), required=False, min_value=0, max_digits=12,
        decimal_places=2, localize=True,
        help_text=_("Leer: der Wert aus dem Antrag. Sonst z. B. aus der Berechnung des Brutto-Rauminhalts nach "
                    "DIN 277 in den Bauvorlagen."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "input-short"}),
    )


class OverrideForm(forms.Form):
    total = forms.DecimalField(label=_("Gebühr (Euro)"), min_value=0, max_digits=12, decimal_places=2,
                               localize=True, widget=forms.TextInput(attrs={"inputmode": "decimal",
                                                                            "class": "input-short"}))
    reason = forms.CharField(label=_("Begründung"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Wird im Protokoll festgehalten, z. B. die Bemessung einer Rahmengebühr."))


class ExportForm(forms.Form):
    von = forms.DateField(label=_("Festgesetzt ab"), required=False, widget=DATE_WIDGET)
    bis = forms.DateField(label=_("Festgesetzt bis"), required=False, widget=DATE_WIDGET)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("von") and data.get("bis") and data["bis"] < data["von"]:
            raise forms.ValidationError(_("„Festgesetzt bis“ liegt vor „Festgesetzt ab“."))
        return data
