"""The data of the drawing map on the site step: this case's site, the applicable plan and a suggested
Flurstück, as GeoJSON in EPSG:4326 (converted on the server with pyproj)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from bauantrag.cases.access import access_case
from bauantrag.portal.mapdata import map_data
from bauantrag.portal.views import applicant_required


@applicant_required
@require_GET
def site_map_data(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    response = JsonResponse(map_data(case), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response
