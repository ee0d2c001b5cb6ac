from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bauantrag.correspondence.models import (
    LETTER_BODY_MAX,
    MESSAGE_BODY_MAX,
    MESSAGE_SUBJECT_MAX,
    Letterhead,
    LetterKind,
)

# Kinds the clerk drafts from the letters panel. The others come from their flows: the letters of case events
# are sent automatically, Beteiligungsschreiben by the Beteiligung, Bescheide and the Rücknahme confirmation by
# the decision page (decision.actions).
MANUAL_KINDS = [(kind.value, kind.label) for kind in (LetterKind.ANHOERUNG, LetterKind.SONSTIGES)]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the content checks are done by the upload action, not here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=MESSAGE_SUBJECT_MAX, required=False)
    body = forms.CharField(
        label=_("Nachricht"), max_length=MESSAGE_BODY_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachments = MultipleFileField(
        label=_("Anhänge"), required=False,
        help_text=_("PDF oder Bild, höchstens 10 Dateien; sie werden wie Bauvorlagen geprüft."),
    )

    def __init__(self, *args: Any, reply: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if reply:
            self.fields["subject"].help_text = _("Leer lassen, um den Betreff der Unterhaltung zu übernehmen.")
        self.fields["subject"].widget.attrs["autocomplete"] = "off"


class DraftLetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art des Schreibens"), choices=MANUAL_KINDS)


class LetterEditForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=300)
    body = forms.CharField(
        label=_("Text des Schreibens"), max_length=LETTER_BODY_MAX, widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Reiner Text: Absätze durch eine Leerzeile trennen. Briefkopf, Anschrift, Datum und die "
                    "Rechtsbehelfsbelehrung bzw. Hinweise fügt das System beim Erzeugen des PDF an."),
    )


class LetterheadForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Letterhead
        fields = [
            "department", "street", "postal_code", "city", "phone", "email", "website", "office_hours",
            "bank_details", "court_name", "court_address", "signatory",
        ]
