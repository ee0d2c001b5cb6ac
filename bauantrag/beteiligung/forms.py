"""Forms of the Beteiligung: the clerk's request, the Fachstelle's Stellungnahme and the directory of Fachstellen."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bauantrag.accounts.models import Role, User
from bauantrag.beteiligung.deadlines import deadline_for
from bauantrag.beteiligung.models import MAX_MONTHS, Fachstelle, FachstelleKind, verdicts_for
from bauantrag.cases.models import Case
from bauantrag.documents.models import Document

DEFAULT_MESSAGE = _(
    "Sehr geehrte Damen und Herren,\n\nwir bitten Sie um Ihre Stellungnahme zu dem genannten Bauvorhaben. Die "
    "für Ihre Prüfung freigegebenen Bauvorlagen finden Sie in der Beteiligung. Bitte geben Sie Ihre "
    "Stellungnahme bis zur angegebenen Frist ab; Nebenbestimmungen, die in die Baugenehmigung aufgenommen werden "
    "sollen, nennen Sie bitte einzeln mit ihrer Rechtsgrundlage.\n\nMit freundlichen Grüßen"
)


class FachstelleChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, Fachstelle)
        due = deadline_for(obj, timezone.localdate()).strftime("%d.%m.%Y")
        return str(_("%(name)s – Frist bis %(date)s")) % {"name": obj.name, "date": due}


class DocumentChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        from bauantrag.cases.display import document_type_name

        assert isinstance(obj, Document)
        return f"{obj.display_name} – {document_type_name(obj.document_type)}"


class RequestForm(forms.Form):
    fachstelle = FachstelleChoiceField(
        label=_("Fachstelle"), queryset=Fachstelle.objects.none(), empty_label=_("– bitte wählen –"),
        help_text=_("Aus dem Verzeichnis der Fachstellen der Kommune; in Klammern die Frist nach der Regel der "
                    "Stelle bei Versand heute."),
    )
    documents = DocumentChoiceField(
        label=_("Bauvorlagen, die die Fachstelle sehen darf"), queryset=Document.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Bitte wählen Sie mindestens eine Bauvorlage.")},
    )
    deadline = forms.DateField(
        label=_("Abweichende Frist"), required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "input-short"}, format="%Y-%m-%d"),
        help_text=_("Leer lassen für die Frist der Fachstelle. Höchstens zwei Monate (§ 71 Abs. 4 Satz 1 BauO "
                    "NRW), ausnahmsweise einen Monat mehr mit Begründung (§ 71 Abs. 6 Satz 3 BauO NRW). Für die "
                    "Gemeinde gilt immer die gesetzliche Frist: zwei Monate (§ 36 Abs. 2 Satz 2 BauGB), bei "
                    "Vorhaben nach § 36a BauGB drei Monate."),
    )
    extension_reason = forms.CharField(
        label=_("Begründung einer Frist über zwei Monate"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Nur für die Ausnahme nach § 71 Abs. 6 Satz 3 BauO NRW; wird in der Akte vermerkt."),
    )
    message = forms.CharField(label=_("Anschreiben"), max_length=8000, widget=forms.Textarea(attrs={"rows": 7}))

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "bt")
        super().__init__(*args, **kwargs)
        fachstelle_field = self.fields["fachstelle"]
        assert isinstance(fachstelle_field, forms.ModelChoiceField)
        fachstelle_field.queryset = Fachstelle.objects.filter(tenant_id=case.tenant_id, active=True)
        documents_field = self.fields["documents"]
        assert isinstance(documents_field, forms.ModelMultipleChoiceField)
        documents_field.queryset = Document.objects.bauvorlagen().filter(case=case).order_by("round", "uploaded_at")
        if not self.is_bound:
            self.initial.setdefault("message", DEFAULT_MESSAGE)


class StellungnahmeForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Ergebnis"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Stellungnahme"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Pflicht bei Ablehnung oder Versagung des Einvernehmens (Begründung)."),
    )

    def __init__(self, *args: Any, fachstelle: Fachstelle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        verdict = self.fields["verdict"]
        assert isinstance(verdict, forms.ChoiceField)
        verdict.choices = [(v.value, v.label) for v in verdicts_for(fachstelle)]


class ConditionForm(forms.Form):
    text = forms.CharField(
        label=_("Nebenbestimmung"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Auflage, Bedingung oder Hinweis, wie er in die Baugenehmigung übernommen werden soll"),
    )
    legal_basis = forms.CharField(
        label=_("Rechtsgrundlage"), required=False, max_length=300,
        help_text=_("z. B. „§ 14 BauO NRW“ oder „§ 44 BNatSchG“"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("legal_basis") and not data.get("text"):
            self.add_error("text", _("Bitte geben Sie den Text der Nebenbestimmung an."))
        return data


CONDITION_ROWS = 3
ConditionFormSet = forms.formset_factory(ConditionForm, extra=CONDITION_ROWS, max_num=50, absolute_max=50)


def agency_accounts(tenant_id: Any) -> QuerySet[User]:
    return User.objects.filter(tenant_id=tenant_id, role=Role.AGENCY, is_active=True).order_by("last_name", "username")


class MemberChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, User)
        return f"{obj.display_name()} ({obj.username})"


class FachstelleForm(forms.Form):
    name = forms.CharField(label=_("Bezeichnung"), max_length=200)
    kind = forms.ChoiceField(label=_("Art der Stelle"), choices=FachstelleKind.choices)
    email = forms.EmailField(
        label=_("E-Mail-Adresse der Stelle"), required=False,
        help_text=_("Funktionspostfach für die Benachrichtigung über neue Beteiligungen (optional)"),
    )
    deadline_months = forms.IntegerField(
        label=_("Frist für die Stellungnahme (Monate)"), min_value=1, max_value=MAX_MONTHS, initial=1,
        widget=forms.NumberInput(attrs={"class": "input-short"}),
        help_text=_("Vorgabe für neue Beteiligungen, höchstens zwei Monate (§ 71 Abs. 4 Satz 1 BauO NRW). Für die "
                    "Gemeinde gilt die gesetzliche Frist von zwei Monaten (§ 36 Abs. 2 Satz 2 BauGB)."),
        error_messages={"max_value": _("Höchstens zwei Monate (§ 71 Abs. 4 Satz 1 BauO NRW).")},
    )
    active = forms.BooleanField(label=_("aktiv (kann beteiligt werden)"), required=False, initial=True)
    members = MemberChoiceField(
        label=_("Mitglieder"), required=False, queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple,
        help_text=_("Konten mit der Rolle „Fachstelle“ Ihrer Kommune. Sie sehen die Beteiligungen dieser Stelle."),
    )

    def __init__(self, *args: Any, tenant_id: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = agency_accounts(tenant_id)

    @classmethod
    def initial_for(cls, fachstelle: Fachstelle) -> dict[str, Any]:
        return {
            "name": fachstelle.name, "kind": fachstelle.kind, "email": fachstelle.email,
            "deadline_months": fachstelle.deadline_months, "active": fachstelle.active,
            "members": list(fachstelle.members.all()),
        }
