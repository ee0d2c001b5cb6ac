"""Pages of the Kommune's administrators: the letter templates (versions, preview on a real case) and the
Textbausteine for Nebenbestimmungen and reasons. Thin: every change goes through template_actions."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from bauantrag.accounts.models import Role, User
from bauantrag.correspondence import template_actions, templating
from bauantrag.correspondence.models import LetterKind, LetterTemplate, Textbaustein
from bauantrag.correspondence.template_forms import TemplateForm, TextbausteinForm
from bauantrag.correspondence.views import tenant_admin_only
from bauantrag.panels import NavLink, register_link

#: The placeholders a template may use, as the edit page explains them.
PLACEHOLDERS = (
    ("anrede", "Anrede mit Komma, mit Namen, wo Anrede und Name bekannt sind"),
    ("aktenzeichen", "Aktenzeichen des Vorgangs"),
    ("bauherrschaft", "Name der Bauherrschaft"),
    ("vorhaben / grundstueck", "Beschreibung des Vorhabens; Anschrift mit Gemarkung, Flur, Flurstück"),
    ("verfahren / im_verfahren", "Verfahrensart der letzten Vorprüfung („im vereinfachten …“)"),
    ("eingang / vollstaendig_seit / pruefung_bis / heute", "Daten; mit |datum als 07.12.2026"),
    ("frist", "Frist der Nachforderung, Anhörung oder Beteiligung"),
    ("unterlagen", "Nachforderung: Liste mit titel und grund"),
    ("hinweise", "Nachforderung: ergänzender Hinweis der Sachbearbeitung"),
    ("entscheidungsfrist", "Vollständigkeitsbestätigung: Datum der Entscheidung (§ 71 Abs. 2 BauO NRW) oder leer"),
    ("bauvorlagen", "Baugenehmigung: Liste mit nummer, art, titel, eingereicht"),
    ("nebenbestimmungen_gruppen / hinweise_liste",
     "Baugenehmigung: Gruppen (art, eintraege) mit nummer, text, rechtsgrundlage, begruendung, fachstelle"),
    ("gebuehren", "Bescheide: positionen (bezeichnung, betrag), summe, kassenzeichen, rechtsgrundlage — oder leer; "
                  "Beträge mit |euro"),
    ("begruendung / anhoerung_erfolgt", "Ablehnung: Gründe; ob angehört wurde"),
    ("fachstelle", "Beteiligung: Name der Fachstelle"),
    ("ruecknahme_fiktion", "Rücknahme: ob der Antrag als zurückgenommen gilt (§ 71 Abs. 1 Satz 3 BauO NRW)"),
    ("nachbar / nachbar_anschrift / nachbar_flurstueck",
     "Nachbarbeteiligung: Name, Anschrift (Zeilen), Flurstück der Nachbarin / des Nachbarn"),
    ("abweichungen / einwendungsfrist / ausschluss",
     "Benachrichtigung: beantragte Abweichungen oder Befreiungen, Frist („einem Monat“), ob verspätete Einwendungen "
     "ausgeschlossen sind (§ 72 Abs. 1 Satz 3, 4 BauO NRW)"),
    ("bescheid_datum", "Zustellung an Nachbarn und Bekanntmachung: Datum der Baugenehmigung"),
    ("bekanntmachung_art / bekanntmachung_tag / auslegung_von / auslegung_bis / einwendungen_bis / einsicht_ort",
     "Bekanntmachung: „vorhaben“ (§ 72 Abs. 3, 5) oder „bescheid“ (Abs. 6), Daten und Ort der Einsicht"),
)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User) and user.tenant_id is not None  # tenant_admin_only: a Kommune's administrator
    return user


def _tenant_id(user: User) -> Any:
    return user.tenant_id


def _kind(kind: str) -> LetterKind:
    if kind not in LetterKind.values:
        raise Http404
    return LetterKind(kind)


@tenant_admin_only
@require_GET
def template_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    rows = []
    for kind in LetterKind:
        current = templating.current_template(_tenant_id(user), kind.value)
        rows.append({"kind": kind, "label": current.label})
    return render(request, "correspondence/template_list.html", {"rows": rows})


@tenant_admin_only
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, kind: str) -> HttpResponse:
    user = _user(request)
    letter_kind = _kind(kind)
    cases = template_actions.preview_cases(user)
    current = templating.current_template(_tenant_id(user), letter_kind.value)
    start = templating.default_template(letter_kind.value) if request.GET.get("standard") else current
    form = TemplateForm(request.POST or None, cases=cases, initial={"subject": start.subject, "body": start.body})
    rendered: tuple[str, str] | None = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if "save" in request.POST:
                row = template_actions.save_template(user, letter_kind.value, data["subject"], data["body"],
                                                     data.get("note") or "")
                messages.success(request, _("Fassung %(n)s gespeichert; neue Schreiben verwenden sie.") % {
                    "n": row.version})
                return redirect("correspondence:template_edit", kind=letter_kind.value)
            if data.get("case") is None:
                form.add_error("case", _("Bitte wählen Sie einen Vorgang für die Vorschau."))
            else:
                rendered = template_actions.preview(user, letter_kind.value, data["subject"], data["body"],
                                                    data["case"])
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    if form.errors:
        status = 400
    versions = LetterTemplate.objects.filter(tenant_id=_tenant_id(user), kind=letter_kind.value).select_related(
        "created_by").order_by("-version")
    return render(request, "correspondence/template_edit.html", {
        "kind": letter_kind, "form": form, "current": current, "versions": versions, "rendered": rendered,
        "placeholders": PLACEHOLDERS,
    }, status=status)


@tenant_admin_only
@require_http_methods(["GET", "POST"])
def textbausteine(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    instance = None
    wanted = request.POST.get("id") or request.GET.get("bearbeiten")
    if wanted:
        instance = Textbaustein.objects.filter(tenant_id=_tenant_id(user), pk=str(wanted)).first() \
            if str(wanted).isdigit() else None
        if instance is None:
            raise Http404
    form = TextbausteinForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            template_actions.save_textbaustein(user, form.cleaned_data, instance=instance)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Der Textbaustein wurde gespeichert."))
            return redirect("correspondence:textbausteine")
    rows = Textbaustein.objects.filter(tenant_id=_tenant_id(user)).order_by("kind", "title")
    return render(request, "correspondence/textbausteine.html", {
        "form": form, "rows": rows, "instance": instance,
    }, status=400 if form.errors else 200)


def register_links() -> None:
    register_link(NavLink(
        "correspondence.templates", cast(str, gettext_lazy("Vorlagen")), "correspondence:templates",
        visible=lambda user: user.role == Role.TENANT_ADMIN, order=91,
    ))
    register_link(NavLink(
        "correspondence.textbausteine", cast(str, gettext_lazy("Textbausteine")), "correspondence:textbausteine",
        visible=lambda user: user.role == Role.TENANT_ADMIN, order=92,
    ))
