"""Realistic Bauvorlagen for the demo cases, written from the case's own data with the training corpus's templates.

The demo's applications get documents that read like real ones (Baubeschreibung, Berechnung, Lageplan, ...),
so that text reading, classification, extraction and the plausibility check have something to show. Values come
from the form (Gemarkung, Flur, Flurstück, Bauherrschaft, Vollgeschosse, Höhe, Brutto-Rauminhalt, Wohnungen);
``overrides`` lets a demo case carry a deliberate contradiction (e.g. three Vollgeschosse in the Baubeschreibung).
"""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from bauantrag.assist.corpus import BY_NAME, class_of_code, render_pdf
from bauantrag.assist.corpus.builder import Doc
from bauantrag.assist.corpus.model import Block, Sample, page_text
from bauantrag.assist.corpus.project import random_project
from bauantrag.documents.samples import minimal_pdf

if TYPE_CHECKING:
    from bauantrag.cases.models import Case


def _float(value: Decimal | None, default: float) -> float:
    return float(value) if value is not None else default


def project_for(case: Case, *, seed: int, overrides: dict[str, Any] | None = None) -> Any:
    """The corpus's project description, filled with the case's form data."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    base = random_project(rng)
    v = case.vorhaben
    designer = case.designer
    values: dict[str, Any] = {
        "gemarkung": v.gemarkung or base.gemarkung, "flur": v.flur or base.flur,
        "flurstueck": v.flurstueck or base.flurstueck, "street": v.street or base.street,
        "house_no": v.house_number or base.house_no, "plz": v.postal_code or base.plz, "town": v.city or base.town,
        "bauherr": v.bauherr_name or base.bauherr, "bauherr_person": None,
        "vorhaben": v.description or base.vorhaben,
        "vollgeschosse": v.storeys_full if v.storeys_full is not None else base.vollgeschosse,
        "wohneinheiten": v.dwellings if v.dwellings is not None else base.wohneinheiten,
        "fussboden_og_m": _float(v.height_m, base.fussboden_og_m),
        "gebaeudehoehe_m": _float(v.structure_height_m, base.gebaeudehoehe_m),
        "firsthoehe_m": _float(v.structure_height_m, base.firsthoehe_m),
        "traufhoehe_m": _float(v.wall_height_mean_m, base.traufhoehe_m),
        "bri_m3": _float(v.gross_volume_m3, base.bri_m3),
        "geschossflaeche_m2": _float(v.floor_area_m2, base.geschossflaeche_m2),
    }
    if designer is not None and designer.chamber_number:
        values["kammer_nummer"] = designer.chamber_number
        values["kammer"], values["kammer_short"] = "Architektenkammer Nordrhein-Westfalen", "AKNW"
    values.update(overrides or {})
    fields = {f.name for f in dataclasses.fields(base)}
    return dataclasses.replace(base, **{k: val for k, val in values.items() if k in fields})


def _written(doc_class: Any, code: str, project: Any, seed: int) -> tuple[str, Doc]:
    """The first layout of the class that writes a document of exactly this code (e.g. the Erklärung zum
    Brandschutz for 2712, not a Brandschutzkonzept), else the class's first layout."""
    first: tuple[str, Doc] | None = None
    for variant in sorted(set(doc_class.variants) - doc_class.heldout):
        doc = Doc(random.Random(seed), project, "train")  # noqa: S311 - demo data, not security
        doc_class.variants[variant](doc)
        if doc.code == code:
            return variant, doc
        first = first or (variant, doc)
    assert first is not None
    return first


def bauvorlage_pdf(case: Case, code: str, *, seed: int, building_class: int | None = None,
                   overrides: dict[str, Any] | None = None) -> bytes:
    """A text PDF of the Bauvorlage type ``code`` for the case; a one-line PDF for types the corpus lacks."""
    class_name = class_of_code(code)
    doc_class = BY_NAME.get(class_name) if class_name else None
    if doc_class is None or class_name == "sonstige":
        return minimal_pdf(f"Bauvorlage {code}")
    extra = dict(overrides or {})
    if building_class is not None:
        extra.setdefault("gk", building_class)
    project = project_for(case, seed=seed, overrides=extra)
    variant, doc = _written(doc_class, code, project, seed)
    layout = [blocks for blocks in doc.pages if blocks]
    sample = Sample(
        doc_class=doc_class.name, code=code, title=doc.title or doc_class.label,
        pages=[page_text(blocks) for blocks in layout], fields=dict(doc.fields), variant=f"demo.{variant}",
        scanned=False, layout=layout, style=seed % 3, seed=seed, heldout=False,
    )
    return render_pdf(sample)


__all__ = ["Block", "bauvorlage_pdf", "project_for"]
