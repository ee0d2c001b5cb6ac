"""Forms of the Kommune's template pages: a letter template (with the case to preview it on) and a Textbaustein."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.models import Case
from bauantrag.correspondence.models import Textbaustein
from bauantrag.correspondence.templating import TEMPLATE_MAX

if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[Textbaustein]
else:
    _ModelForm = forms.ModelForm


class CaseChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.file_number} – {getattr(obj, 'vorhaben', '')}"


class TemplateForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=1000)
    body = forms.CharField(
        label=_("Text des Schreibens"), max_length=TEMPLATE_MAX, widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Absätze durch eine Leerzeile trennen. Platzhalter in doppelten geschweiften Klammern, "
                    "z. B. {{ aktenzeichen }}; Bedingungen mit {% if … %} … {% endif %}, Listen mit "
                    "{% for … %} … {% endfor %}."),
    )
    note = forms.CharField(label=_("Änderungsvermerk"), max_length=300, required=False,
                           help_text=_("Was und warum geändert wurde (steht in der Liste der Fassungen)"))
    case = CaseChoiceField(
        label=_("Vorschau mit dem Vorgang"), queryset=Case.objects.none(), required=False,
        help_text=_("Ein eingereichter Vorgang Ihrer Kommune; die Vorschau speichert nichts."),
    )

    def __init__(self, *args: Any, cases: list[Case], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["case"]
        assert isinstance(field, CaseChoiceField)
        field.queryset = Case.objects.filter(pk__in=[c.pk for c in cases]).order_by("-submitted_at")
        if cases and not self.is_bound:
            self.initial.setdefault("case", cases[0].pk)


class TextbausteinForm(_ModelForm):
    class Meta:
        model = Textbaustein
        fields = ("kind", "title", "text", "legal_basis", "reason", "active")
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "reason": forms.Textarea(attrs={"rows": 3})}
