"""The step „Lage und Gebäudegrundriss“: the applicant pastes or uploads the ``site`` object (JSON, EPSG:25832)
and sees a server-side map of it. With JavaScript, a map (``map_views``) lets the applicant draw the same object; the
drawing is posted here as ``site_drawing`` and goes through the same action and validation."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bauantrag.cases import actions
from bauantrag.cases.access import access_case
from bauantrag.cases.models import Case
from bauantrag.cases.sitemap import preview
from bauantrag.cases.workflow import EDITABLE_STATES, TransitionNotAllowed
from bauantrag.portal.mapdata import site_from_drawing
from bauantrag.portal.views import _user, applicant_required

MAX_FILE_BYTES = 512 * 1024
EXAMPLE = {
    "crs": "EPSG:25832",
    "parcel": [[[553161.69, 5935013.36], [553157.31, 5934983.36], [553152.15, 5934975.22], [553131.07, 5935000.04],
                [553138.51, 5935013.5], [553161.69, 5935013.36]]],
    "buildings": [{"id": "Wohnhaus", "footprint": [[[553143.0, 5934992.5], [553154.0, 5934992.5],
                                                    [553154.0, 5935000.5], [553143.0, 5935000.5],
                                                    [553143.0, 5934992.5]]],
                   "wall_heights_m": [6.2, 6.2, 6.2, 6.2], "storeys_full": 2, "floor_area_m2": 176.0}],
    "accessories": [{"kind": "garagen_stellplaetze", "area_m2": 36.0}],
    "public_areas": [],
}  # fmt: skip


class SiteForm(forms.Form):
    site_json = forms.CharField(
        label=gettext_lazy("Lageplan-Geometrie als JSON"), required=False, max_length=500_000,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false", "class": "code"}),
        help_text=gettext_lazy("Das Objekt „site“ (oder ein ganzer Antrag in der JSON-Form, dann wird dessen „site“ "
                               "übernommen). Koordinaten in EPSG:25832 (ETRS89 / UTM Zone 32N), in Metern."),
    )  # fmt: skip
    site_file = forms.FileField(
        label=gettext_lazy("… oder Datei hochladen"), required=False,
        help_text=gettext_lazy("JSON- oder GeoJSON-Datei (.json, .geojson), höchstens 512 KB. Eine Datei hat "
                               "Vorrang vor dem Textfeld."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.geojson,application/json,application/geo+json"}),
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("site_file")
        field, text = "site_json", data.get("site_json") or ""
        if upload is not None:
            field = "site_file"
            if not upload.name.lower().endswith((".json", ".geojson")):
                raise ValidationError({field: _("Bitte eine Datei mit der Endung .json oder .geojson wählen.")})
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError({field: _("Die Datei ist größer als 512 KB.")})
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError({field: _("Die Datei ist nicht UTF-8-kodiert.")}) from None
        if not text.strip():
            raise ValidationError({"site_json": _("Bitte fügen Sie die Geometrie ein oder wählen Sie eine Datei.")})
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError({field: _("Ungültiges JSON: Zeile %(line)s, Spalte %(col)s (%(msg)s).")
                                   % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}}) from None  # fmt: skip
        if isinstance(value, dict) and "site" in value and "parcel" not in value:
            value = value["site"]
        data["site"], data["field"] = value, field
        return data


def _context(case: Case, form: SiteForm, drawing_errors: list[str] | None = None, drawing_posted: Any = None
             ) -> dict[str, Any]:  # fmt: skip
    tenant = case.tenant
    wms = {"url": tenant.map_wms_url, "layers": tenant.map_wms_layers, "attribution": tenant.map_wms_attribution}
    return {"case": case, "form": form, "site_map": preview(case), "example": json.dumps(EXAMPLE, indent=2),
            "editable": case.state in EDITABLE_STATES, "drawing_errors": drawing_errors or [],
            "drawing_posted": drawing_posted,
            "wms": wms if tenant.map_wms_url else None}  # fmt: skip


def _page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    """The site page; its Content-Security-Policy lets the browser load the tiles of the Kommune's WMS service."""
    response = render(request, "portal/site.html", context, status=status)
    if context["wms"]:
        address = urlsplit(context["wms"]["url"])
        response._csp_update = {"img-src": [f"{address.scheme}://{address.netloc}"]}  # type: ignore[attr-defined]
    return response


def _current_form(case: Case) -> SiteForm:
    current = case.vorhaben.site
    return SiteForm(initial={"site_json": json.dumps(current, indent=2, ensure_ascii=False) if current else ""})


def _posted(text: str) -> Any:
    """The rejected drawing, shown again on the map so that the applicant can correct it."""
    try:
        value = json.loads(text) if len(text) <= MAX_FILE_BYTES else None
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _drawn(request: HttpRequest, case: Case) -> HttpResponse:
    """The map's drawing: converted to EPSG:25832, then the same action (and messages) as the JSON text."""
    text = request.POST.get("site_drawing", "")
    try:
        value = site_from_drawing(text, case.vorhaben.site)
        actions.update_application(_user(request), case, {"site": value})
    except ValidationError as exc:
        case.refresh_from_db()
        errors = exc.message_dict.get("site", exc.messages) if hasattr(exc, "error_dict") else exc.messages
        context = _context(case, _current_form(case), errors, _posted(text))
        return _page(request, context, status=400)
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
        return redirect("portal:detail", case_id=case.pk)
    messages.success(request, _("Die gezeichnete Lageplan-Geometrie wurde gespeichert."))
    return redirect("portal:site", case_id=case.pk)


@applicant_required
def site(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    form = _current_form(case)
    if request.method != "POST":
        return _page(request, _context(case, form))
    if case.state not in EDITABLE_STATES:
        messages.error(request, _("Der Antrag ist eingereicht und kann gerade nicht geändert werden."))
        return redirect("portal:detail", case_id=case.pk)
    if "site_drawing" in request.POST:
        return _drawn(request, case)
    remove = "remove" in request.POST
    form = SiteForm(request.POST, request.FILES)
    if remove or form.is_valid():
        value = None if remove else form.cleaned_data["site"]
        try:
            actions.update_application(_user(request), case, {"site": value})
        except ValidationError as exc:
            target = getattr(form, "cleaned_data", {}).get("field", "site_json")
            for error in exc.message_dict.get("site", exc.messages):
                form.add_error(target, error)
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("portal:detail", case_id=case.pk)
        else:
            messages.success(request, _("Die Lageplan-Geometrie wurde entfernt.") if remove
                             else _("Die Lageplan-Geometrie wurde gespeichert."))  # fmt: skip
            return redirect("portal:site", case_id=case.pk)
    case.refresh_from_db()
    return _page(request, _context(case, form), status=400)
