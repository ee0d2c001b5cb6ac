"""Forms of the applicant portal: the Vorhaben and the upload of a Bauvorlage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.models import Vorhaben
from bauantrag.cases.vorhaben_fields import FORM_FIELDS

YES_NO_UNKNOWN = (("True", _("Ja")), ("False", _("Nein")), ("", _("Unbekannt")))


if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[Vorhaben]
else:
    _ModelForm = forms.ModelForm


class VorhabenForm(_ModelForm):
    """The project data; blank fields are allowed in a draft, the submission checks completeness."""

    class Meta:
        model = Vorhaben
        fields = FORM_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            if isinstance(form_field, forms.NullBooleanField):
                form_field.widget = forms.RadioSelect(choices=YES_NO_UNKNOWN, attrs={"class": "radios-inline"})
            elif isinstance(form_field, forms.DecimalField):
                form_field.localize = True
                form_field.widget = forms.TextInput(attrs={"inputmode": "decimal", "class": "input-short"})
                form_field.widget.is_localized = True
            elif isinstance(form_field, forms.IntegerField):
                form_field.widget.attrs.update({"class": "input-short", "min": "0"})
            elif isinstance(form_field, forms.ChoiceField):
                model_choices = getattr(Vorhaben._meta.get_field(name), "choices", None) or []
                form_field.choices = [("", _("– bitte wählen –")), *model_choices]
            if name == "postal_code":
                form_field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "postal-code"})

    def apply_errors(self, error: ValidationError) -> None:
        """Show a ValidationError from the action layer on the fields it names."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern of Django's documentation, "Uploading multiple files")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data] if data else [single(None, initial)]
        return [single(data, initial)]


class UploadForm(forms.Form):
    file = MultipleFileField(
        label=_("Dateien"),
        help_text=_("PDF, PNG, JPEG, TIFF oder IFC-Modell; mehrere Dateien auf einmal möglich"),
    )
    document_type = forms.ChoiceField(label=_("Art der Bauvorlage"))

    def __init__(self, *args: Any, required: list[str] | None = None, **kwargs: Any) -> None:
        """required: the codes the Verfahrensart demands (cases.required_kinds), offered first (issue 16)."""
        super().__init__(*args, **kwargs)
        from bauantrag.formats.xbau_codelist import document_types

        every = [(code, f"{name} ({code})") for code, name in document_types()]
        choices: list[Any] = [("", str(_("– bitte wählen –")))]
        names = dict(every)
        short = [(code, names[code]) for code in (required or []) if code in names]
        if short:
            chosen = {code for code, _label in short}
            choices += [
                (str(_("Für Ihr Verfahren verlangt")), short),
                (str(_("Alle weiteren Arten (XBau-Codeliste)")), [c for c in every if c[0] not in chosen]),
            ]
        else:
            choices += every
        self.fields["document_type"].choices = choices  # type: ignore[attr-defined]
        self.fields["file"].widget.attrs["accept"] = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,.ifc"
