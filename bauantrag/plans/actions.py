"""Importing Bebauungspläne into a Kommune's register: check, parse, store, audit.

One file may hold several plans (a plan with its Änderungen, a WFS download): all of them are taken over, one
register entry each, sharing the stored file; how they relate (``aendert`` / ``wurdeGeaendertVon``) is in each
entry's summary and is used when the check looks for the plan in force at a site.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.audit.service import record
from bauantrag.files import UploadRejected, import_limits, sanitise_display_name
from bauantrag.formats.xplan import MAX_PLAN_BYTES, PlanFormatError
from bauantrag.formats.xplan.isolated import read_plans_isolated
from bauantrag.formats.xplan.summary import plan_summary
from bauantrag.plans import geo, register, storage
from bauantrag.plans.events import PlanEvent
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.rules.planning.plan import Bebauungsplan

__all__ = ["MAX_PLAN_BYTES", "UploadRejected", "import_plan", "import_plans"]


def _clip(value: str | None, field: str) -> str:
    limit = getattr(PlanRecord._meta.get_field(field), "max_length", None) or 0
    return (value or "")[:limit]


def _check_actor(actor: User | None, tenant: Tenant) -> None:
    """Tenant administrators of this Kommune; ``None`` is the operator running the management command."""
    if actor is None:
        return
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id != tenant.pk:
        raise PermissionDenied(_("Nur die Administration der Kommune kann Bebauungspläne übernehmen."))


def _check_file(data: bytes, max_bytes: int) -> None:
    if not data:
        raise UploadRejected(_("Die Datei ist leer."))
    if len(data) > max_bytes:
        raise UploadRejected(
            _("Die Datei ist zu groß (%(size)s MB, höchstens %(max)s MB).")
            % {"size": round(len(data) / 1_048_576, 1), "max": round(max_bytes / 1_048_576)}
        )
    if data.startswith(b"PK\x03\x04"):
        raise UploadRejected(
            _("Die Datei ist ein ZIP-Archiv. Bitte entpacken Sie es und laden Sie die XPlanGML-Datei "
              "(meist xplan.gml) hoch.")
        )


def _refuse_duplicate(tenant: Tenant, sha256: str) -> None:
    existing = PlanRecord.objects.filter(tenant=tenant, sha256=sha256).first()
    if existing is not None:
        raise UploadRejected(
            _("Dieser Plan ist bereits im Planregister: „%(name)s“, übernommen am %(date)s. Dieselbe Datei wird "
              "nicht ein zweites Mal übernommen.")
            % {"name": existing.name, "date": date_format(existing.imported_at, "SHORT_DATE_FORMAT")}
        )


def _parse(data: bytes, max_bytes: int) -> tuple[Bebauungsplan, ...]:
    """Read in a limited child process: a file that needs too much memory or time is refused, not this process."""
    try:
        return read_plans_isolated(data, max_bytes=max_bytes, limits=import_limits())
    except PlanFormatError as exc:
        raise UploadRejected(_("Die Datei ist kein lesbarer XPlanGML-Plan. %(error)s") % {"error": exc}) from exc


def _fields(plan: Bebauungsplan, plans: tuple[Bebauungsplan, ...]) -> dict[str, Any]:
    coverage = geo.coverage(plan)
    bounds = coverage.bounds if coverage is not None and not coverage.is_empty else (None, None, None, None)
    return {
        "name": _clip(plan.name, "name"),
        "number": _clip(plan.number, "number"),
        "gemeinde": _clip(plan.gemeinde, "gemeinde"),
        "ags": _clip(plan.ags, "ags"),
        "xplan_version": _clip(plan.xplan_version, "xplan_version"),
        "source_crs": _clip(plan.source_crs, "source_crs"),
        "legal_status": _clip(plan.legal_status, "legal_status"),
        "in_force_date": plan.in_force_date,
        "baunvo_version": _clip(plan.baunvo_version, "baunvo_version"),
        "plan_kind": list(plan.plan_kind),
        "summary": plan_summary(plan, plans),
        "geltungsbereich": geo.to_geojson(plan.geltungsbereich) if plan.geltungsbereich is not None else None,
        "features": geo.feature_collection(plan),
        "min_x": bounds[0], "min_y": bounds[1], "max_x": bounds[2], "max_y": bounds[3],
    }  # fmt: skip


def import_plans(
    actor: User | None, tenant: Tenant, filename: str, data: bytes, *, max_bytes: int = MAX_PLAN_BYTES
) -> list[PlanRecord]:
    """Take every plan of one XPlanGML file into the tenant's register, in file order. Raises PermissionDenied
    or UploadRejected (German message; for a broken file naming line and element); nothing is stored then."""
    _check_actor(actor, tenant)
    display_name = sanitise_display_name(filename)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        _check_file(data, max_bytes)
        _refuse_duplicate(tenant, sha256)
        plans = _parse(data, max_bytes)
    except UploadRejected as exc:
        _record_rejection(actor, tenant, display_name, sha256, str(exc))
        raise
    rows = [_fields(plan, plans) for plan in plans]
    storage_name = storage.write(tenant.pk, data)
    entries = []
    try:
        with transaction.atomic():
            for position, (plan, fields) in enumerate(zip(plans, rows, strict=True)):
                entry = PlanRecord.objects.create(
                    tenant=tenant, display_name=display_name, storage_name=storage_name, size=len(data),
                    sha256=sha256, position=position, imported_by=actor, **fields,
                )
                record(
                    PlanEvent.PLAN_IMPORTED, actor=actor, tenant=tenant, subject=entry,
                    after={"name": entry.name, "number": entry.number, "file": display_name, "size": len(data),
                           "sha256": sha256, "xplan_version": entry.xplan_version, "areas": len(plan.areas),
                           "plan_in_file": f"{position + 1} von {len(plans)}"},
                )  # fmt: skip
                entries.append(entry)
    except IntegrityError:
        storage.delete(tenant.pk, storage_name)
        raise UploadRejected(_("Dieser Plan ist bereits im Planregister.")) from None
    except BaseException:
        storage.delete(tenant.pk, storage_name)
        raise
    register.remember(sha256, plans)
    return entries


def import_plan(
    actor: User | None, tenant: Tenant, filename: str, data: bytes, *, max_bytes: int = MAX_PLAN_BYTES
) -> PlanRecord:
    """``import_plans`` for callers that show one entry: all plans of the file are taken over, the first is
    returned."""
    return import_plans(actor, tenant, filename, data, max_bytes=max_bytes)[0]


def _record_rejection(actor: User | None, tenant: Tenant, display_name: str, sha256: str, reason: str) -> None:
    with transaction.atomic():
        record(
            PlanEvent.PLAN_REJECTED, actor=actor, tenant=tenant, subject=tenant,
            after={"file": display_name, "sha256": sha256, "reason": reason},
        )
