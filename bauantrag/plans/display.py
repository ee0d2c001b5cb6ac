"""The register entry's summary, formatted for the pages (German numbers, labels, ranges)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from bauantrag.formats.xplan import codes
from bauantrag.formats.xplan.summary import has_values, height_summary
from bauantrag.plans.mapview import use_kind
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from bauantrag.rules.planning.plan import Bebauungsplan

BLANK = "–"


def number(value: Any, digits: int = 2) -> str:
    if value is None:
        return BLANK
    if isinstance(value, float):
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(value)


def area_m2(value: Any) -> str:
    if value is None:
        return BLANK
    return f"{round(value):,}".replace(",", ".")


_ABSOLUTE = {"grz": ("gr", "GR"), "gfz": ("gf", "GF")}


def measure(area: dict[str, Any], name: str) -> str:
    """GRZ, GFZ or Z as the plan states it: exact, a range, a maximum or a minimum; GR/GF beside GRZ/GFZ; a value the
    plan gives as 0 is shown as not set."""
    low, high, value = area.get(f"{name}_min"), area.get(f"{name}_max"), area.get(name)
    parts = []
    absolute = _ABSOLUTE.get(name)
    if absolute and area.get(absolute[0]) is not None:
        parts.append(f"{absolute[1]} {area_m2(area[absolute[0]])} m²")
    prefix = {"grz": "gr", "gfz": "gf"}.get(name, name)
    zeros = [z for z in area.get("zero_values", []) if z.lower().startswith(prefix)]
    if zeros:
        parts.append(_("%(names)s 0 (nicht festgesetzt)") % {"names": ", ".join(zeros)})
    if value is not None:
        parts.append(number(value))
    if low is not None and high is not None:
        parts.append(f"{number(low)}–{number(high)}")
    elif high is not None:
        parts.append(_("höchstens %(v)s") % {"v": number(high)})
    elif low is not None:
        parts.append(_("mindestens %(v)s") % {"v": number(low)})
    if name == "z" and area.get("z_exact") is not None:
        parts.append(_("zwingend %(v)s") % {"v": number(area["z_exact"])})
    return "; ".join(parts) or BLANK


def height(limit: dict[str, Any]) -> str:
    if limit.get("h_min") is not None and limit.get("h_max") is not None:
        amount = f"{number(limit['h_min'])}–{number(limit['h_max'])} m"
    else:
        amount = BLANK
        for key, prefix in (("h", ""), ("h_exact", _("genau ")), ("h_max", _("höchstens ")),
                            ("h_min", _("mindestens "))):  # fmt: skip
            if limit.get(key) is not None:
                amount = f"{prefix}{number(limit[key])} m"
                break
    if amount == BLANK and limit.get("zero_values"):
        amount = _("0 m (nicht festgesetzt)")
    what = limit.get("reference_point_label") or _("Höhe")
    reference = limit.get("height_reference_label")
    return f"{what} {amount}" + (f" ({reference})" if reference else "")


def area_rows(record: PlanRecord) -> list[dict[str, Any]]:
    rows = []
    for index, area in enumerate(record.summary.get("areas", []), start=1):
        kind = use_kind(area.get("special_use"), area.get("general_use"), area.get("kind"))
        use = area.get("special_use_label") or area.get("general_use_label") or kind.label
        detail = area.get("special_use_detail") or area.get("purpose")
        if detail and not str(detail).isdigit():
            use = f"{use} ({detail})"
        rows.append({
            "number": index, "id": area.get("id"), "abbreviation": kind.abbreviation, "use": use,
            "area_m2": area_m2(area.get("area_m2")), "grz": measure(area, "grz"), "gfz": measure(area, "gfz"),
            "z": measure(area, "z"), "bauweise": area.get("bauweise_label") or BLANK,
            "heights": [height(limit) for limit in area.get("heights", [])],
        })  # fmt: skip
    return rows


def buildable_rows(plan: Bebauungsplan) -> list[dict[str, Any]]:
    """The überbaubare Grundstücksflächen that carry values of their own, with the area (Nr.) they lie in."""
    rows = []
    for buildable in plan.buildable_areas:
        if not has_values(buildable):
            continue
        values = {
            "z": buildable.z, "z_max": buildable.z_max, "z_min": buildable.z_min, "z_exact": buildable.z_exact,
            "grz": buildable.grz, "gfz": buildable.gfz, "gr": buildable.gr, "gf": buildable.gf,
            "zero_values": list(buildable.zero_values),
        }  # fmt: skip
        inside = [(buildable.geometry.intersection(a.geometry).area, n) for n, a in enumerate(plan.areas, start=1)]
        best = max(inside, default=(0.0, None))
        rows.append({
            "id": buildable.id, "area_number": best[1] if best[0] > 0 else None,
            "area_m2": area_m2(buildable.geometry.area), "grz": measure(values, "grz"),
            "gfz": measure(values, "gfz"), "z": measure(values, "z"),
            "heights": [height(height_summary(limit)) for limit in buildable.heights],
        })  # fmt: skip
    rows.sort(key=lambda row: row["area_number"] or len(plan.areas) + 1)
    return rows


def area_title(row: dict[str, Any]) -> str:
    return _("Fläche %(n)s: %(use)s, GRZ %(grz)s, GFZ %(gfz)s, Z %(z)s") % {
        "n": row["number"], "use": row["use"], "grz": row["grz"], "gfz": row["gfz"], "z": row["z"],
    }  # fmt: skip


def _date(iso: str | None) -> str:
    if not iso:
        return BLANK
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def facts(record: PlanRecord) -> list[tuple[str, str]]:
    summary = record.summary
    counts = summary.get("counts", {})
    gemeinde = record.gemeinde or BLANK
    if record.ags:
        gemeinde += f" (AGS {record.ags})"
    return [
        (_("Name"), record.name),
        (_("Nummer"), record.number or BLANK),
        (_("Gemeinde"), gemeinde),
        (_("Planart"), ", ".join(codes.label(codes.PLAN_KIND, k) or k for k in record.plan_kind) or BLANK),
        (_("Rechtsstand"), codes.label(codes.LEGAL_STATUS, record.legal_status or None) or BLANK),
        (_("In Kraft seit"), record.in_force_date.strftime("%d.%m.%Y") if record.in_force_date else BLANK),
        (_("Datum der Rechtsverordnung"), _date(summary.get("ordinance_date"))),
        (_("BauNVO-Fassung"), record.baunvo_version or BLANK),
        (_("XPlanGML-Version"), record.xplan_version),
        (_("Koordinatensystem der Datei"), f"{record.source_crs} → EPSG:25832"),
        (_("Geltungsbereich"), f"{area_m2(summary.get('geltungsbereich_m2'))} m²"
         if summary.get("geltungsbereich_m2") is not None else BLANK),
        (_("Inhalte"), _("%(a)s Baugebietsteilflächen, %(o)s weitere Flächen für Gebäude, %(b)s überbaubare "
                         "Grundstücksflächen, %(g)s Baugrenzen, %(l)s Baulinien")
         % {"a": counts.get("baugebiete", counts.get("areas", 0)), "o": counts.get("other_areas", 0),
            "b": counts.get("buildable_areas", 0), "g": counts.get("baugrenzen", 0), "l": counts.get("baulinien", 0)}),
        *_links_and_warnings(summary),
    ]  # fmt: skip


def _links_and_warnings(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """Änderungen named in the file (with whether the register holds them) and what the reader read differently."""
    rows = []
    for link in summary.get("links", []):
        name = f"„{link.get('name') or _('ohne Namen')}“" + (f" Nr. {link['number']}" if link.get("number") else "")
        label = _("Ändert") if link.get("relation") == "aendert" else _("Geändert durch")
        rows.append((label, f"{name} ({link.get('kind_label', '')})"))
    if summary.get("warnings"):
        rows.append((_("Hinweise beim Lesen"), " ".join(summary["warnings"])))
    return rows
