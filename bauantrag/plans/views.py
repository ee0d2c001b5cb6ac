"""Pages of the plan register. Thin: fetch through ``access``, change through ``actions`` only."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bauantrag.accounts.models import User
from bauantrag.files import content_disposition
from bauantrag.formats.xplan import PlanFormatError
from bauantrag.plans import actions, display, mapview, register, storage
from bauantrag.plans.access import access_plan, may_import_plans, may_view_plans, plans_visible_to
from bauantrag.plans.forms import PlanUploadForm
from bauantrag.plans.models import Bebauungsplan as PlanRecord

logger = logging.getLogger(__name__)
PAGE_SIZE = 50


def _list_page(request: HttpRequest, form: PlanUploadForm | None, status: int = 200) -> HttpResponse:
    if not may_view_plans(request.user):
        raise PermissionDenied(_("Das Planregister ist für die Bauaufsicht der Kommune bestimmt."))
    can_import = may_import_plans(request.user)
    plans = plans_visible_to(request.user).select_related("imported_by").order_by("name", "imported_at", "pk")
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("seite"))  # a Kreis has hundreds of plans
    context = {
        "plans": page, "page": page,
        "form": (form or PlanUploadForm()) if can_import else None,
        "max_mb": actions.MAX_PLAN_BYTES >> 20,
    }
    return render(request, "plans/list.html", context, status=status)


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, None)


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    if not may_import_plans(request.user):
        raise PermissionDenied(_("Nur die Administration der Kommune kann Bebauungspläne übernehmen."))
    user = request.user
    assert isinstance(user, User) and user.tenant is not None
    form = PlanUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if (upload.size or 0) > actions.MAX_PLAN_BYTES:
                raise actions.UploadRejected(
                    _("Die Datei ist zu groß (höchstens %(max)s MB).") % {"max": actions.MAX_PLAN_BYTES >> 20}
                )
            plans = actions.import_plans(user, user.tenant, upload.name or "", upload.read())
        except actions.UploadRejected as exc:
            form.add_error("file", str(exc))
        else:
            if len(plans) > 1:
                names = ", ".join(f"„{plan.name}“" for plan in plans)
                messages.success(
                    request,
                    _("Die Datei enthält %(count)s Bebauungspläne; alle wurden in das Planregister übernommen: "
                      "%(names)s.") % {"count": len(plans), "names": names},
                )  # fmt: skip
                return redirect("plans:list")
            messages.success(
                request,
                _("Der Bebauungsplan „%(name)s“ wurde in das Planregister übernommen.") % {"name": plans[0].name},
            )
            return redirect("plans:detail", plan_id=plans[0].pk)
    return _list_page(request, form, status=400)


@login_required
@require_GET
def detail(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    rows = display.area_rows(plan)
    svg = mapview.render(plan, [display.area_title(row) for row in rows])
    context = {
        "plan": plan,
        "facts": display.facts(plan),
        "rows": rows,
        "buildable_rows": _buildable_rows(request, plan),
        # Built by bauantrag.formats.svgmap, which escapes every text and attribute it writes.
        "map_svg": mark_safe(svg),  # noqa: S308
        "legend": mapview.legend(plan),
        "size_kb": max(1, round(plan.size / 1024)),
    }
    return render(request, "plans/detail.html", context)


def _buildable_rows(request: HttpRequest, plan: PlanRecord) -> list[dict[str, Any]]:
    try:
        parsed = register.parsed_plan(plan)
    except (OSError, RuntimeError, PlanFormatError) as exc:
        logger.error("plan %s: stored file unreadable: %s", plan.pk, exc)
        messages.warning(request, _("Die gespeicherte Originaldatei des Plans ist nicht lesbar; bitte wenden Sie "
                                    "sich an den Betrieb. Angezeigt wird die beim Import gespeicherte Fassung."))
        return []
    return display.buildable_rows(parsed)


@login_required
@require_GET
def download(request: HttpRequest, plan_id: Any) -> FileResponse:
    plan = access_plan(request.user, plan_id)
    handle = storage.path(plan.tenant_id, plan.storage_name).open("rb")
    response = FileResponse(handle, content_type="application/gml+xml")
    response["Content-Disposition"] = content_disposition("attachment", plan.display_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
