"""Pages of the Flurstück register and the JSON lookup for the portal. Thin: fetch through ``access`` and
``register``, change through ``actions`` only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bauantrag.accounts.models import User
from bauantrag.parcels import actions, register
from bauantrag.parcels.access import (
    access_parcel,
    may_import_parcels,
    may_search_parcels,
    may_view_parcels,
    parcels_visible_to,
)  # fmt: skip
from bauantrag.parcels.forms import ParcelSearchForm, ParcelUploadForm
from bauantrag.parcels.models import Parcel

PAGE_SIZE = 50


def _filtered(queryset: QuerySet[Parcel], form: ParcelSearchForm) -> QuerySet[Parcel]:
    if not form.is_valid():
        return queryset
    gemarkung, flur, flurstueck = (form.cleaned_data[key].strip() for key in ("gemarkung", "flur", "flurstueck"))
    if gemarkung:
        number = register.gemarkung_number_of(gemarkung)
        queryset = queryset.filter(Q(gemarkung_number=number) if number else Q(gemarkung_name__istartswith=gemarkung))
    if flur:
        queryset = queryset.filter(flur=register.parse_flur(flur) or -1)
    if flurstueck:
        parsed = register.parse_flurstueck(flurstueck)
        if parsed is None:
            return queryset.none()
        queryset = queryset.filter(zaehler=parsed[0])
        if parsed[1] is not None:
            queryset = queryset.filter(nenner=parsed[1])
    return queryset


def _list_page(request: HttpRequest, form: ParcelUploadForm | None, status: int = 200) -> HttpResponse:
    if not may_view_parcels(request.user):
        raise PermissionDenied(_("Das Flurstücksverzeichnis ist für die Bauaufsicht der Kommune bestimmt."))
    search = ParcelSearchForm(request.GET)
    visible = parcels_visible_to(request.user)
    page = Paginator(_filtered(visible, search), PAGE_SIZE).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    context = {
        "page": page,
        "search": search,
        "searched": any(request.GET.get(key) for key in ("gemarkung", "flur", "flurstueck")),
        "total": visible.count(),
        "query": query.urlencode(),
        "form": (form or ParcelUploadForm()) if may_import_parcels(request.user) else None,
        "max_mb": actions.MAX_CADASTRE_BYTES >> 20,
    }
    return render(request, "parcels/list.html", context, status=status)


@login_required
@require_GET
def parcel_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, None)


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    if not may_import_parcels(request.user):
        raise PermissionDenied(_("Nur die Administration der Kommune kann Flurstücke übernehmen."))
    user = request.user
    assert isinstance(user, User) and user.tenant is not None
    form = ParcelUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if (upload.size or 0) > actions.MAX_CADASTRE_BYTES:
                raise actions.UploadRejected(
                    _("Die Datei ist zu groß (höchstens %(max)s MB).") % {"max": actions.MAX_CADASTRE_BYTES >> 20}
                )
            result = actions.import_parcels(user, user.tenant, upload.name or "", upload.read())
        except actions.UploadRejected as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request,
                _("%(total)s Flurstücke übernommen: %(added)s neu, %(replaced)s ersetzt.")
                % {"total": result.total, "added": result.added, "replaced": result.replaced},
            )
            return redirect("parcels:list")
    return _list_page(request, form, status=400)


@login_required
@require_GET
def detail(request: HttpRequest, parcel_id: Any) -> HttpResponse:
    parcel = access_parcel(request.user, parcel_id)
    return render(request, "parcels/detail.html", {"parcel": parcel})


def _error(status: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse({"errors": [{"code": code, "detail": detail}]}, status=status)


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    """``?gemarkung=…&flur=…&flurstueck=…`` → the Flurstück of the user's Kommune as a GeoJSON Feature
    (EPSG:25832) with its area; 404 when the Kommune's register has no such Flurstück."""
    if not request.user.is_authenticated:
        return _error(401, "not_authenticated", _("Bitte melden Sie sich an."))
    if not may_search_parcels(request.user):
        return _error(403, "permission_denied", _("Die Flurstückssuche gilt für Konten einer Kommune."))
    gemarkung, flur, flurstueck = (request.GET.get(key, "").strip() for key in ("gemarkung", "flur", "flurstueck"))
    if not (gemarkung and flur and flurstueck):
        return _error(400, "invalid", _("Bitte geben Sie Gemarkung, Flur und Flurstück an."))
    user = request.user
    assert isinstance(user, User) and user.tenant is not None
    parcel = register.find_parcel(user.tenant, gemarkung, flur, flurstueck)
    if parcel is None:
        return _error(404, "not_found", _("Dieses Flurstück ist im Liegenschaftskataster der Kommune nicht "
                                          "verzeichnet. Bitte prüfen Sie Gemarkung, Flur und Flurstück."))  # fmt: skip
    return JsonResponse(register.as_feature(parcel))
