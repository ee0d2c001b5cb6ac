"""Forms of the end of the procedure: decision (Baugenehmigung / Ablehnung), withdrawal, extension of a
Nachforderung's deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bauantrag.correspondence.models import Textbaustein
from bauantrag.decision.actions import APPROVE, REFUSE

CONDITION_KIND_CHOICES = [
    ("auflage", _("Auflage")),
    ("bedingung", _("Bedingung")),
    ("befristung", _("Befristung")),
    ("auflagenvorbehalt", _("Auflagenvorbehalt")),
    ("widerrufsvorbehalt", _("Widerrufsvorbehalt")),
    ("hinweis", _("Hinweis")),
]
EXTRA_CONDITIONS = 3


class DecisionForm(forms.Form):
    """Outcome, the Nebenbestimmungen (prefilled from the Stellungnahmen, editable, empty = dropped, plus own
    ones) and the reasons of a refusal."""

    outcome = forms.ChoiceField(
        label=_("Entscheidung"), widget=forms.RadioSelect,
        choices=[(APPROVE, _("Baugenehmigung erteilen (mit Nebenbestimmungen, soweit eingetragen)")),
                 (REFUSE, _("Bauantrag ablehnen"))],
    )
    reasons = forms.CharField(
        label=_("Gründe der Ablehnung"), required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Pflicht bei einer Ablehnung: die wesentlichen tatsächlichen und rechtlichen Gründe "
                    "(§ 39 Abs. 1 VwVfG NRW)."),
    )

    def __init__(self, *args: Any, suggestions: list[dict[str, str]], bausteine: list[Textbaustein] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        self.bausteine = {str(b.pk): b for b in bausteine or []}
        self.condition_rows: list[dict[str, Any]] = []
        total = len(suggestions) + EXTRA_CONDITIONS
        for index in range(total):
            suggestion = suggestions[index] if index < len(suggestions) else None
            text_name, kind_name = f"condition_{index}", f"condition_{index}_kind"
            basis_name, reason_name = f"condition_{index}_basis", f"condition_{index}_reason"
            source = ""
            if suggestion is not None:
                source = suggestion.get("fachstelle", "")
                if suggestion.get("legal_basis"):
                    source = f"{source} – {suggestion['legal_basis']}" if source else suggestion["legal_basis"]
            number = index + 1
            self.fields[text_name] = forms.CharField(
                label=_("Nebenbestimmung %(n)s") % {"n": number}, required=False, max_length=4000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=(_("Aus der Stellungnahme: %(source)s. Leeren Sie das Feld, um sie nicht zu übernehmen.")
                           % {"source": source or _("Fachstelle")}) if suggestion is not None else
                _("Eigene Nebenbestimmung (leer lassen, wenn keine)"),
            )
            self.fields[kind_name] = forms.ChoiceField(
                label=_("Art der Nebenbestimmung %(n)s") % {"n": number}, choices=CONDITION_KIND_CHOICES,
                required=False,
            )
            self.fields[basis_name] = forms.CharField(
                label=_("Rechtsgrundlage der Nebenbestimmung %(n)s") % {"n": number}, required=False,
                max_length=300, help_text=_("z. B. „§ 30 BauO NRW“; leer: § 74 Abs. 3 BauO NRW, § 36 VwVfG NRW"),
            )
            self.fields[reason_name] = forms.CharField(
                label=_("Begründung der Nebenbestimmung %(n)s") % {"n": number}, required=False, max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            if suggestion is not None and not self.is_bound:
                self.initial[text_name] = suggestion.get("text", "")
                self.initial[kind_name] = suggestion.get("kind", "auflage")
                self.initial[basis_name] = suggestion.get("legal_basis", "")
                self.initial[reason_name] = suggestion.get("reason", "")
            self.condition_rows.append({"text": text_name, "kind": kind_name, "basis": basis_name,
                                        "reason": reason_name, "suggested": suggestion is not None})
        condition_choices = [(key, f"{b.get_kind_display()}: {b.title} ({b.legal_basis})")
                             for key, b in self.bausteine.items() if b.kind != "begruendung"]
        reason_choices = [(key, f"{b.title} ({b.legal_basis})")
                          for key, b in self.bausteine.items() if b.kind == "begruendung"]
        self.fields["bausteine"] = forms.MultipleChoiceField(
            label=_("Textbausteine der Kommune übernehmen"), required=False, choices=condition_choices,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Jeder gewählte Baustein wird mit Rechtsgrundlage und Begründung als Nebenbestimmung "
                        "übernommen."),
        )
        self.fields["begruendung_bausteine"] = forms.MultipleChoiceField(
            label=_("Textbausteine für die Begründung der Ablehnung"), required=False, choices=reason_choices,
            widget=forms.CheckboxSelectMultiple,
        )

    def condition_fields(self) -> list[tuple[forms.BoundField, ...]]:
        return [(self[row["text"]], self[row["kind"]], self[row["basis"]], self[row["reason"]])
                for row in self.condition_rows]

    def conditions(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        result = []
        for index, row in enumerate(self.condition_rows):
            text = str(data.get(row["text"]) or "").strip()
            if not text:
                continue
            suggestion = self.suggestions[index] if index < len(self.suggestions) else {}
            # the legal basis a Fachstelle stated stays with its Nebenbestimmung unless the clerk writes another
            entry = {"kind": str(data.get(row["kind"]) or "auflage"), "text": text,
                     "legal_basis": str(data.get(row["basis"]) or "").strip() or suggestion.get("legal_basis", ""),
                     "reason": str(data.get(row["reason"]) or "").strip()}
            if suggestion.get("fachstelle"):
                entry["fachstelle"] = suggestion["fachstelle"]
            result.append(entry)
        for key in data.get("bausteine") or []:
            baustein = self.bausteine[key]
            result.append({"kind": baustein.kind, "text": baustein.text, "legal_basis": baustein.legal_basis,
                           "reason": baustein.reason})
        return result

    def reasons_text(self) -> str:
        parts = [str(self.cleaned_data.get("reasons") or "").strip()]
        for key in self.cleaned_data.get("begruendung_bausteine") or []:
            baustein = self.bausteine[key]
            parts.append(f"{baustein.text} ({baustein.legal_basis})")
        return "\n\n".join(part for part in parts if part)


class WithdrawalForm(forms.Form):
    fictitious = forms.TypedChoiceField(
        label=_("Art der Rücknahme"), widget=forms.RadioSelect, coerce=lambda v: v == "1",
        choices=[("0", _("Die Bauherrschaft hat die Rücknahme erklärt")),
                 ("1", _("Der Antrag gilt als zurückgenommen: Frist der Nachforderung abgelaufen, Mängel nicht "
                         "behoben (§ 71 Abs. 1 Satz 3 BauO NRW)"))],
    )
    reason = forms.CharField(
        label=_("Angaben zur Rücknahme"), required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bei einer erklärten Rücknahme Pflicht: wann und wie die Bauherrschaft sie erklärt hat. "
                    "Bei Fristablauf wird der Sachverhalt automatisch vermerkt; hier ist Platz für Ergänzungen."),
    )
    draft_letter = forms.BooleanField(
        label=_("Bestätigung der Rücknahme als Schreiben entwerfen (danach im Schreiben-Editor prüfen und senden)"),
        required=False, initial=True,
    )


class ExtensionForm(forms.Form):
    deadline = forms.DateField(
        label=_("Neue Frist"),
        widget=forms.DateInput(attrs={"type": "date", "class": "input-short"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(
        label=_("Grund der Verlängerung"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pflicht; steht im Protokoll des Vorgangs."),
    )

    def __init__(self, *args: Any, current: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            base = max(current or timezone.localdate(), timezone.localdate())
            self.initial.setdefault("deadline", base + dt.timedelta(days=14))
