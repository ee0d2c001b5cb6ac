"""The examples with a site (Blankenese 29, WA) as Vorhaben data and site object, and the plan import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bauantrag.accounts.models import Role, Tenant
from bauantrag.cases.vorhaben_fields import FORM_FIELDS
from bauantrag.plans.actions import import_plan
from bauantrag.plans.models import Bebauungsplan as PlanRecord
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PASSING = ROOT / "examples" / "bplan_wa_einfamilienhaus.json"
VIOLATING = ROOT / "examples" / "bplan_wa_verstoss_grz_baugrenze.json"
BLANKENESE = ROOT / "tests" / "data" / "xplan" / "hamburg_blankenese29_xplan60" / "xplan.gml"
DOCUMENTS = ("1803", "1901", "2001", "2002", "2003", "2712", "0401")


def example(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text("utf-8")))


def site_of(path: Path) -> dict[str, Any]:
    site = dict(example(path)["site"])
    site.pop("plan")
    return site


def vorhaben_of(path: Path) -> dict[str, Any]:
    """The project data of an example file as the Vorhaben's fields (without the site)."""
    data = example(path)
    values = {k: v for k, v in data.items() if k in FORM_FIELDS}
    values.update(data["address"])
    values.update(data["parcel"])
    values["bauherr_name"] = data["applicant"]["name"]
    return {k: str(v) if isinstance(v, float) else v for k, v in values.items() if v is not None}


def import_blankenese(tenant: Tenant) -> PlanRecord:
    admin = UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)
    return import_plan(admin, tenant, "blankenese29.gml", BLANKENESE.read_bytes())
