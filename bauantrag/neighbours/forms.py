"""Forms of the neighbours page; they only read input, the actions check and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bauantrag.neighbours.models import Affected, Anrede, ConsentKind, NoticeKind, ObjectionForm

DATE = forms.DateInput(attrs={"type": "date"})


class NeighbourForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    anrede = forms.ChoiceField(label=_("Anrede"), choices=Anrede.choices, required=False)
    street = forms.CharField(label=_("Straße und Hausnummer"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postleitzahl"), max_length=5, required=False)
    city = forms.CharField(label=_("Ort"), max_length=100, required=False)
    flurstueck = forms.CharField(label=_("Flurstück"), max_length=200, required=False,
                                 help_text=_("z. B. „Gemarkung Unna, Flur 7, Flurstück 124“"))


class AssessmentForm(NeighbourForm):
    affected = forms.ChoiceField(label=_("Öffentlich-rechtlich geschützte Belange berührt?"),
                                 choices=Affected.choices)
    affected_reason = forms.CharField(label=_("Begründung"), max_length=1000, required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))


class ConsentForm(forms.Form):
    consent_on = forms.DateField(label=_("Zugestimmt am"), widget=DATE)
    consent_kind = forms.ChoiceField(label=_("Art der Zustimmung"), choices=ConsentKind.choices)
    consent_note = forms.CharField(label=_("Vermerk"), max_length=1000, required=False)


class NotifyForm(forms.Form):
    abweichungen = forms.CharField(
        label=_("Beantragte Abweichungen und Befreiungen"), max_length=4000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Steht so in der Benachrichtigung, z. B. „Abweichung von der Tiefe der Abstandsfläche an der "
                    "Nordseite (§ 6 Abs. 5 BauO NRW)“"),
    )


class DeliveredForm(forms.Form):
    zugang = forms.DateField(label=_("Zugegangen am (laut Zustellungsurkunde)"), widget=DATE)


class ObjectionEntryForm(forms.Form):
    received_on = forms.DateField(label=_("Eingegangen am"), widget=DATE)
    form = forms.ChoiceField(label=_("Form"), choices=ObjectionForm.choices)
    text = forms.CharField(label=_("Inhalt der Einwendung"), max_length=20_000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label=_("Datei (Schreiben der Nachbarin / des Nachbarn, optional)"), required=False)


class ServedForm(forms.Form):
    on = forms.DateField(label=_("Zugestellt am (laut Zustellungsurkunde)"), widget=DATE)


class NoticeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art der Bekanntmachung"), choices=NoticeKind.choices)
    published_on = forms.DateField(label=_("Bekannt gemacht am"), widget=DATE)
    published_in = forms.CharField(label=_("Veröffentlicht in"), max_length=300,
                                   help_text=_("Amtsblatt und Internetseite oder örtliche Tageszeitung"))
    inspection_place = forms.CharField(label=_("Ort und Zeit der Einsicht"), max_length=300,
                                       help_text=_("z. B. „im Rathaus, Zimmer 204, montags bis freitags 8–12 Uhr“"))
    display_from = forms.DateField(label=_("Auslegung ab (nur Bekanntmachung des Vorhabens)"), required=False,
                                   widget=DATE)
