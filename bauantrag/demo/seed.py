"""The demo: Stadt Musterstadt (Kreis Unna) with its people and applications in different states.

Everything is created through the real action layer, so the demo's history and findings are what
real use would leave behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.accounts.totp import base32_secret
from bauantrag.cases import actions, precheck
from bauantrag.cases.assignment import assign
from bauantrag.cases.models import Case, CheckRun, CheckRunStatus
from bauantrag.documents.actions import upload_document

DEMO_PASSWORD = "Demo-Bauantrag-2026"  # noqa: S105 - printed demo login, documented in the README

PEOPLE: tuple[tuple[str, str, str, str, str], ...] = (
    # username, first name, last name, role, tenant slug
    ("bauherr@musterstadt.example", "Erika", "Mustermann", Role.APPLICANT, "musterstadt"),
    ("architektin@musterstadt.example", "Anna", "Baumeister", Role.DESIGNER, "musterstadt"),
    ("sachbearbeitung@musterstadt.example", "Max", "Schreiber", Role.CLERK, "musterstadt"),
    ("brandschutz@musterstadt.example", "Jana", "Feuer", Role.AGENCY, "musterstadt"),
    ("admin@musterstadt.example", "Paul", "Verwalter", Role.TENANT_ADMIN, "musterstadt"),
    ("sachbearbeitung@beispielstadt.example", "Lena", "Andersort", Role.CLERK, "beispielstadt"),
    ("betrieb@kommunal-it.example", "Kai", "Betreiber", Role.PLATFORM_ADMIN, ""),
)

HOUSE: dict[str, Any] = {
    "bauherr_name": "Erika Mustermann", "bauherr_anrede": "frau", "bauherr_street": "Birkenallee 5",
    "bauherr_postal_code": "59425", "bauherr_city": "Unna",
    "designer_name": "Anna Baumeister, Architektin", "designer_street": "Hansastraße 20",
    "designer_postal_code": "59423", "designer_city": "Unna",
    "street": "Lindenweg", "house_number": "12", "postal_code": "59423",
    "city": "Musterstadt", "gemarkung": "Unna", "flur": "7", "flurstueck": "123/4", "parcel_area_m2": "612",
    "description": "Neubau eines freistehenden Einfamilienhauses mit Carport", "project_kind": "neubau",
    "use": "wohngebaeude", "procedure_requested": "vereinfachtes_verfahren", "planning_area": "innenbereich_34",
    "plan_conforming": True, "access_secured": True, "detached": True, "underground": False,
    "has_aufenthaltsraum": True, "units": 1, "dwellings": 1, "storeys_full": 2, "storeys_above_ground": 2,
    "height_m": "3.10", "structure_height_m": "8.90", "wall_height_mean_m": "6.20", "gross_floor_area_m2": "186",
    "largest_unit_floor_area_m2": "98", "largest_storey_area_m2": "98", "floor_area_m2": "186",
    "gross_volume_m3": "720",
}
FLATS: dict[str, Any] = {
    **HOUSE, "bauherr_name": "Wohnbau Musterstadt eG", "bauherr_anrede": "", "bauherr_street": "Bahnhofstraße 11",
    "bauherr_postal_code": "59423", "bauherr_city": "Musterstadt", "street": "Am Markt", "house_number": "3",
    "gemarkung": "Königsborn", "flur": "2", "flurstueck": "45", "parcel_area_m2": "1450",
    "description": "Neubau eines Mehrfamilienhauses mit 8 Wohnungen und Tiefgarage",
    "planning_area": "bebauungsplan_qualifiziert", "detached": True, "units": 8, "dwellings": 8,
    "storeys_full": 3, "storeys_above_ground": 4, "height_m": "8.60", "structure_height_m": "13.40",
    "wall_height_mean_m": "10.20", "gross_floor_area_m2": "820", "largest_unit_floor_area_m2": "96",
    "largest_storey_area_m2": "290", "floor_area_m2": "870", "gross_volume_m3": "3400",
}
OFFICE: dict[str, Any] = {
    **HOUSE, "bauherr_name": "Logistik Unna GmbH", "bauherr_anrede": "", "bauherr_street": "Industriestraße 2",
    "bauherr_postal_code": "59425", "bauherr_city": "Unna", "street": "Gewerbering", "house_number": "40",
    "gemarkung": "Massen", "flur": "12", "flurstueck": "301/7", "parcel_area_m2": "5200",
    "description": "Neubau eines Büro- und Verwaltungsgebäudes mit 5 Geschossen", "use": "buero_verwaltung",
    "procedure_requested": "baugenehmigungsverfahren", "planning_area": "bebauungsplan_qualifiziert",
    "units": 5, "dwellings": 0, "storeys_full": 5, "storeys_above_ground": 5, "height_m": "13.80",
    "structure_height_m": "19.50", "wall_height_mean_m": "18.90", "gross_floor_area_m2": "3600",
    "largest_unit_floor_area_m2": "720", "largest_storey_area_m2": "760", "floor_area_m2": "3650",
    "gross_volume_m3": "13500",
}
HOUSE_DOCUMENTS = ("1803", "2001", "2002", "2003", "1502", "2201", "0401")
DEMO_DATA = Path(__file__).resolve().parent.parent / "data" / "demo"
DEMO_PLAN_FILE = "hamburg_blankenese29_xplan60.gml"
DEMO_PLAN_NOTE = (
    "Planregister Musterstadt: Bebauungsplan „Blankenese 29“ – ein Hamburger Testplan (XPlanGML 6.0), weil kein "
    "NRW-XPlanGML-Beispiel verfügbar ist. Der Antrag „Süllbergsweg 7“ liegt in dessen allgemeinem Wohngebiet."
)
PLANNED_HOUSE: dict[str, Any] = {
    **HOUSE, "street": "Süllbergsweg", "house_number": "7", "gemarkung": "Blankenese",
    "flur": "1", "flurstueck": "4711", "parcel_area_m2": "709.42", "planning_area": "bebauungsplan_qualifiziert",
    "procedure_requested": "genehmigungsfreistellung", "height_m": "3.10", "structure_height_m": "9.60",
    "gross_floor_area_m2": "176", "largest_unit_floor_area_m2": "88", "largest_storey_area_m2": "88",
    "floor_area_m2": "176", "gross_volume_m3": "581",
    "description": "Neubau eines Einfamilienhauses im allgemeinen Wohngebiet des Bebauungsplans Blankenese 29 "
    "(Demo: Hamburger Testplan, da kein NRW-XPlanGML-Beispiel verfügbar ist; Flurstück fiktiv)",
}  # fmt: skip


def _totp_key(username: str) -> str:
    # A fixed, printed secret per demo account, so that the demo can be tried with any authenticator app.
    return hashlib.sha1(f"bauantrag-demo:{username}".encode()).hexdigest()  # noqa: S324 - not security


def _people() -> dict[str, User]:
    tenants = {
        "musterstadt": Tenant.objects.create(
            slug="musterstadt", name="Stadt Musterstadt", kreis="Kreis Unna", ags="05978099",
            authority_name="Untere Bauaufsichtsbehörde der Stadt Musterstadt", file_number_prefix="63",
            mail_sender="Bauaufsicht Musterstadt <bauaufsicht@musterstadt.example>",
        ),
        "beispielstadt": Tenant.objects.create(
            slug="beispielstadt", name="Gemeinde Beispielstadt", kreis="Kreis Unna",
            authority_name="Untere Bauaufsichtsbehörde der Gemeinde Beispielstadt", file_number_prefix="BA",
            mail_sender="Bauaufsicht Beispielstadt <bauaufsicht@beispielstadt.example>",
        ),
    }
    people: dict[str, User] = {}
    for username, first, last, role, slug in PEOPLE:
        user = User(username=username, email=username, first_name=first, last_name=last, role=role,
                    tenant=tenants.get(slug), is_staff=role == Role.PLATFORM_ADMIN,
                    is_superuser=role == Role.PLATFORM_ADMIN, email_verified_at=timezone.now())
        if role == Role.DESIGNER:
            user.chamber_number = "AKNW 081542"
        user.set_password(DEMO_PASSWORD)
        user.save()
        if user.requires_mfa:
            TOTPDevice.objects.create(user=user, name="Demo", key=_totp_key(username), confirmed=True)
        people[username] = user
    return people


def _upload(user: User, case: Case, codes: tuple[str, ...], overrides: dict[str, dict[str, Any]] | None = None) -> None:
    """Bauvorlagen that read like real ones, written from the case's form data (assist.demo_documents).

    overrides: per XBau code, values that contradict the form on purpose (the plausibility check shows them).
    """
    from bauantrag.assist.demo_documents import bauvorlage_pdf
    from bauantrag.cases.precheck import rules_input
    from bauantrag.rules.nrw.bauo_nrw.building_class import classify

    building_class = classify(rules_input(case.vorhaben, [])).building_class
    for index, code in enumerate(codes):
        seed = int(hashlib.sha256(f"{case.vorhaben.street}{code}".encode()).hexdigest()[:8], 16) + index
        data = bauvorlage_pdf(case, code, seed=seed, building_class=building_class,
                              overrides=(overrides or {}).get(code))
        upload_document(user, case, SimpleUploadedFile(f"bauvorlage-{code}.pdf", data), code)


def _run_pending_checks() -> None:
    for run in CheckRun.objects.filter(status=CheckRunStatus.PENDING):
        precheck.execute(str(run.pk))


def _cases(people: dict[str, User]) -> None:
    bauherr = people["bauherr@musterstadt.example"]
    architektin = people["architektin@musterstadt.example"]
    clerk = people["sachbearbeitung@musterstadt.example"]

    actions.create_application(bauherr, {**HOUSE, "street": "Birkenallee", "house_number": "5", "height_m": None})

    house = actions.create_application(bauherr, HOUSE)
    # The Baubeschreibung says three Vollgeschosse, the form two: the plausibility check asks the clerk.
    _upload(bauherr, house, HOUSE_DOCUMENTS, overrides={"1502": {"vollgeschosse": 3}})
    actions.submit(bauherr, house)

    flats = actions.create_application(architektin, FLATS)
    _upload(architektin, flats, ("1803", "2001", "2002", "2003", "2201"))
    actions.submit(architektin, flats)

    office = actions.create_application(architektin, OFFICE)
    _upload(architektin, office, (*HOUSE_DOCUMENTS, "1901"))
    actions.submit(architektin, office)

    asked = actions.create_application(bauherr, {**HOUSE, "street": "Ahornstraße", "house_number": "9"})
    _upload(bauherr, asked, ("1803", "2001", "2002", "2003"))
    actions.submit(bauherr, asked)
    _run_pending_checks()
    # the clerk takes over what the pre-check found missing, with its reasons in letter language
    from bauantrag.cases.display import latest_run
    from bauantrag.workspace.casefile import suggested_items

    run = latest_run(asked)
    findings = [f for f in run.findings.all() if f.status == "fail"] if run is not None else []
    actions.send_nachforderung(
        clerk, asked, items=suggested_items(findings), message="",
        deadline=timezone.localdate() + dt.timedelta(days=28),
    )
    assign(clerk, asked, clerk)  # the queue's "Mir zugewiesen" has a case, the others stay "Nicht zugewiesen"

    _planned_house(people)

    done = actions.create_application(bauherr, {**HOUSE, "street": "Eichenring", "house_number": "21"})
    _upload(bauherr, done, HOUSE_DOCUMENTS)
    actions.submit(bauherr, done)
    _run_pending_checks()
    actions.confirm_completeness(clerk, done)
    assign(clerk, done, clerk)


def _planned_house(people: dict[str, User]) -> None:
    """The planning-law slice: one real plan in the register, one application with a site placed in its WA."""
    from bauantrag.plans.actions import import_plan

    admin = people["admin@musterstadt.example"]
    assert admin.tenant is not None
    import_plan(admin, admin.tenant, DEMO_PLAN_FILE, (DEMO_DATA / DEMO_PLAN_FILE).read_bytes())
    architektin = people["architektin@musterstadt.example"]
    site = json.loads((DEMO_DATA / "site_einfamilienhaus.json").read_text("utf-8"))
    case = actions.create_application(architektin, {**PLANNED_HOUSE, "site": site})
    _upload(architektin, case, (*HOUSE_DOCUMENTS, "1901"))
    actions.submit(architektin, case)
    _run_pending_checks()


def _load_parts(people: dict[str, User]) -> None:
    """The cases of the core demo, then what the apps add to them (each loader is idempotent)."""
    from bauantrag.beteiligung import demo as beteiligung_demo
    from bauantrag.correspondence import demo as correspondence_demo
    from bauantrag.demo import decisions as cases_demo
    from bauantrag.documents import demo as documents_demo
    from bauantrag.neighbours import demo as neighbours_demo

    admin = people["admin@musterstadt.example"]
    tenant = admin.tenant
    assert tenant is not None
    correspondence_demo.load(tenant, people)  # the letterhead first: the receipts are letters with it
    _cases(people)
    _run_pending_checks()
    documents_demo.load(tenant, people)
    correspondence_demo.load(tenant, people)  # now with a submitted case: a conversation in the mailbox
    beteiligung_demo.load(tenant, people)
    neighbours_demo.load(tenant, people)
    cases_demo.load(tenant, people)
    _run_pending_checks()


def load() -> dict[str, User] | None:
    """Create the demo once; returns None when it is already there."""
    if Tenant.objects.filter(slug="musterstadt").exists():
        return None
    from bauantrag.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True  # the demo's pre-checks run now, not when the worker starts
    try:
        with transaction.atomic():
            people = _people()
        _load_parts(people)
    finally:
        app.conf.task_always_eager = eager
    return people


def login_table() -> list[tuple[str, str, str]]:
    rows = []
    for username, _first, _last, role, _slug in PEOPLE:
        user = User.objects.get(username=username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        rows.append((str(Role(role).label), username, base32_secret(device) if device else "–"))
    return rows
