"""Importing Flurstücke into a Kommune's register: read the whole file (in a limited child process), then
replace-or-add by Kennzeichen."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import shapely
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from shapely.geometry import mapping

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.audit.service import record
from bauantrag.files import UploadRejected, import_limits, sanitise_display_name
from bauantrag.formats.cadastre import MAX_CADASTRE_BYTES, CadastreFormatError
from bauantrag.formats.cadastre import Parcel as ParcelData
from bauantrag.formats.cadastre.isolated import read_parcels_isolated
from bauantrag.parcels.events import ParcelEvent
from bauantrag.parcels.models import Parcel

__all__ = ["MAX_CADASTRE_BYTES", "ImportResult", "UploadRejected", "import_parcels"]


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int

    @property
    def total(self) -> int:
        return self.added + self.replaced


def _check_actor(actor: User | None, tenant: Tenant) -> None:
    """Tenant administrators of this Kommune; ``None`` is the operator running the management command."""
    if actor is None:
        return
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id != tenant.pk:
        raise PermissionDenied(_("Nur die Administration der Kommune kann Flurstücke übernehmen."))


def _parse(data: bytes, max_bytes: int) -> list[ParcelData]:
    if not data:
        raise UploadRejected(_("Die Datei ist leer."))
    if data.startswith(b"PK\x03\x04"):
        raise UploadRejected(_("Die Datei ist ein ZIP-Archiv. Bitte entpacken Sie es und laden Sie die GeoJSON- "
                               "oder NAS-Datei hoch."))  # fmt: skip
    try:
        return read_parcels_isolated(data, max_bytes=max_bytes, limits=import_limits())
    except CadastreFormatError as exc:
        raise UploadRejected(_("Die Datei ist keine lesbare Flurstücksdatei. %(error)s") % {"error": exc}) from exc


def _fields(item: ParcelData) -> dict[str, object]:
    geometry = shapely.set_precision(item.geometry, 0.01, mode="pointwise")
    min_x, min_y, max_x, max_y = geometry.bounds
    return {
        "gemarkung_number": item.gemarkung_number, "gemarkung_name": item.gemarkung_name, "flur": item.flur,
        "zaehler": item.zaehler, "nenner": item.nenner,
        "area_m2": item.area_m2 if item.area_m2 is not None else round(float(item.geometry.area), 2),
        "official_area": item.area_m2 is not None, "geometry": dict(mapping(geometry)),
        "min_x": min_x, "min_y": min_y, "max_x": max_x, "max_y": max_y,
    }  # fmt: skip


def import_parcels(
    actor: User | None, tenant: Tenant, filename: str, data: bytes, *, max_bytes: int = MAX_CADASTRE_BYTES
) -> ImportResult:
    """Take the Flurstücke of one GeoJSON or NAS file into the tenant's register; an entry with the same
    Flurstückskennzeichen is replaced. Raises PermissionDenied or UploadRejected (German message naming line and
    Flurstück); nothing is stored then."""
    _check_actor(actor, tenant)
    display_name = sanitise_display_name(filename)[:200]
    items = _parse(data, max_bytes)
    now = timezone.now()
    added = replaced = 0
    with transaction.atomic():
        existing = {
            parcel.kennzeichen: parcel
            for parcel in Parcel.objects.select_for_update().filter(
                tenant=tenant, kennzeichen__in=[item.kennzeichen for item in items]
            )
        }
        for item in items:
            fields = {**_fields(item), "source_name": display_name, "imported_at": now, "imported_by": actor}
            current = existing.get(item.kennzeichen)
            if current is None:
                Parcel.objects.create(tenant=tenant, kennzeichen=item.kennzeichen, **fields)
                added += 1
            else:
                for name, value in fields.items():
                    setattr(current, name, value)
                current.save()
                replaced += 1
        record(
            ParcelEvent.PARCELS_IMPORTED, actor=actor, tenant=tenant, subject=tenant,
            after={"file": display_name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                   "added": added, "replaced": replaced},
        )  # fmt: skip
    return ImportResult(added=added, replaced=replaced)
