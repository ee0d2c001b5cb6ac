"""Forms of the clerk's workspace: review of a finding and the Nachforderung."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.deadlines import one_month_later
from bauantrag.cases.models import ReviewDecision
from bauantrag.cases.models.checks import FindingStatus


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Ihre Bewertung"), widget=forms.RadioSelect,
        choices=[(ReviewDecision.CONFIRMED, _("Befund bestätigen")),
                 (ReviewDecision.OVERRIDDEN, _("Abweichend bewerten"))],
    )
    status = forms.ChoiceField(
        label=_("Abweichende Bewertung"), required=False,
        choices=[("", _("– nur bei abweichender Bewertung –")), *FindingStatus.choices],
    )
    reason = forms.CharField(
        label=_("Begründung"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pflicht bei abweichender Bewertung"),
    )


class NachforderungForm(forms.Form):
    suggested = forms.MultipleChoiceField(
        label=_("Aus der Vorprüfung vorgeschlagene Unterlagen"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Ergänzender Hinweis im Schreiben (freiwillig)"), required=False, max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anrede, Einleitung, Frist, Hinweis auf die Rücknahmefiktion (§ 71 Abs. 1 Satz 3 BauO NRW) und "
                    "Gruß setzt das Schreiben selbst (Vorlage der Kommune). Hier nur, was darüber hinaus zu sagen "
                    "ist."),
    )
    deadline = forms.DateField(
        label=_("Frist"), widget=forms.DateInput(attrs={"type": "date", "class": "input-short"}, format="%Y-%m-%d"),
        help_text=_("Angemessene Frist zur Behebung der Mängel"),
    )

    def __init__(self, *args: Any, suggestions: list[dict[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = {s["key"]: s for s in suggestions}
        choices = [(s["key"], f"{s['title']} – {s['reason']}") for s in suggestions]
        self.fields["suggested"].choices = choices  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial.setdefault("suggested", list(self.suggestions))
            self.initial.setdefault("deadline", one_month_later(timezone.localdate()))

    def selected_items(self) -> list[dict[str, str]]:
        return [
            {k: self.suggestions[key][k] for k in ("document_type", "title", "reason", "finding")}
            for key in self.cleaned_data.get("suggested", [])
        ]


class ItemForm(forms.Form):
    document_type = forms.ChoiceField(label=_("Art der Bauvorlage"), required=False)
    title = forms.CharField(label=_("Bezeichnung"), required=False, max_length=300)
    reason = forms.CharField(label=_("Grund"), required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from bauantrag.formats.xbau_codelist import document_types

        choices = [("", "–"), *((c, f"{n} ({c})") for c, n in document_types())]
        self.fields["document_type"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("title") or data.get("document_type")) and not data.get("reason"):
            self.add_error("reason", _("Bitte geben Sie den Grund an (§ 71 Abs. 1 Satz 2 BauO NRW)."))
        if data.get("reason") and not (data.get("title") or data.get("document_type")):
            self.add_error("title", _("Bitte nennen Sie die Unterlage."))
        return data

    def item(self) -> dict[str, str] | None:
        data = self.cleaned_data
        if not (data.get("title") or data.get("reason") or data.get("document_type")):
            return None
        code = data.get("document_type", "")
        title = data.get("title") or ""
        if not title and code:
            from bauantrag.cases.display import document_type_name

            title = document_type_name(code)
        return {"document_type": code, "title": title, "reason": data.get("reason", ""), "finding": ""}


ItemFormSet = forms.formset_factory(ItemForm, extra=3, max_num=20, absolute_max=20)
