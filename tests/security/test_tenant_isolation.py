"""Tenant isolation (ASVS 8.2.2, 8.4.1; BSI CON.10.A2): the matrix of every id-bearing route × foreign users.

Every route with a case_id, document_id, finding_id, plan_id or parcel_id parameter (pages and API, also those
added later) is requested with ids of cases, Bauvorlagen, findings, Bebauungspläne and Flurstücke that belong to
someone else. The answer must be 404 (or 405 for a method the route does not take) — never the object,
a redirect or a 403 that admits it exists. A companion test fails for any route whose parameters the matrix does
not know how to probe.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Role, User
from bauantrag.cases.models import Case, Finding
from bauantrag.documents.models import Document
from bauantrag.parcels.actions import import_parcels
from bauantrag.parcels.models import Parcel
from bauantrag.plans.actions import import_plan
from bauantrag.plans.models import Bebauungsplan
from tests.conftest import login
from tests.factories import UserFactory, add_documents, draft_case, nachforderung_case, submitted_case
from tests.security.routes import (
    EXEMPT_NAMESPACES,
    ID_PARAMS,
    NON_ID_PARAMS,
    Route,
    all_routes,
    matrix_routes,
)

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")
PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "xplan" / "hamburg_bplan004_xplan60" / "xplan.gml"
PARCEL_FILE = Path(__file__).resolve().parents[1] / "data" / "cadastre" / "unna_flurstuecke_25832.geojson"
ATTACKERS = ("applicant_same_kommune", "clerk_other_kommune", "agency_same_kommune", "admin_other_kommune")


@dataclass
class Target:
    label: str
    case: Case
    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    plans: list[Bebauungsplan] = field(default_factory=list)
    parcels: list[Parcel] = field(default_factory=list)
    letters: list[Any] = field(default_factory=list)  # correspondence.Letter
    messages: list[Any] = field(default_factory=list)  # correspondence.Message
    beteiligungen: list[Any] = field(default_factory=list)  # beteiligung.Beteiligung
    fachstellen: list[Any] = field(default_factory=list)  # beteiligung.Fachstelle
    tariff_rates: list[Any] = field(default_factory=list)  # fees.TariffRate
    rohbauwerte: list[Any] = field(default_factory=list)  # fees.RohbauwertEntry
    objections: list[Any] = field(default_factory=list)  # neighbours.Objection (with a file)

    @classmethod
    def of(cls, label: str, case: Case) -> Target:
        return cls(
            label,
            case,
            list(case.documents.all()),
            list(Finding.objects.filter(check_run__case=case).order_by("check_run__round", "position")),
            letters=list(case.letters.order_by("created_at")),
            messages=list(case.messages.order_by("created_at")),
        )

    def values(self, route: Route) -> dict[str, Any] | None:
        """Ids for the route's parameters, taken from this target; None when it has no such object."""
        pools = {
            "case_id": [self.case.pk],
            "document_id": [d.pk for d in self.documents],
            "finding_id": [f.pk for f in self.findings],
            "plan_id": [p.pk for p in self.plans],
            "parcel_id": [p.pk for p in self.parcels],
            "letter_id": [letter.pk for letter in self.letters],
            "message_id": [message.pk for message in self.messages],
            "beteiligung_id": [b.pk for b in self.beteiligungen],
            "fachstelle_id": [f.pk for f in self.fachstellen],
            "rate_id": [r.pk for r in self.tariff_rates],
            "rohbauwert_id": [r.pk for r in self.rohbauwerte],
            "objection_id": [o.pk for o in self.objections],
        }
        values: dict[str, Any] = {}
        for name in route.params:
            if name in ID_PARAMS:
                if not pools[name]:
                    return None
                values[name] = pools[name][0]
            else:
                values[name] = NON_ID_PARAMS[name]
        return values


@dataclass
class World:
    owner: User
    clerk: User
    targets: list[Target]
    attackers: dict[str, User]


@pytest.fixture
def world(tenant: Any, other_tenant: Any) -> World:
    owner = UserFactory(tenant=tenant, role=Role.APPLICANT)
    draft = draft_case(owner)
    add_documents(draft, ("1803",))
    targets = [
        Target.of("Entwurf", draft),
        Target.of("eingereicht", submitted_case(owner)),
        Target.of("Nachforderung", nachforderung_case(owner)),
    ]
    # A Bebauungsplan of the Kommune: foreign to the other Kommune's staff, and not for applicants or Fachstellen.
    targets[0].plans.append(import_plan(None, tenant, "xplan.gml", PLAN_FILE.read_bytes()))
    # Flurstücke of the Kommune's register: the same rule as for plans.
    import_parcels(None, tenant, "flurstuecke.geojson", PARCEL_FILE.read_bytes())
    targets[0].parcels.extend(Parcel.objects.filter(tenant=tenant))
    _fee_targets(tenant, targets[0])
    agency = UserFactory(tenant=tenant, role=Role.AGENCY)
    _beteiligung_targets(tenant, targets, agency)
    _objection_targets(tenant, targets[1])
    neighbour = UserFactory(tenant=tenant, role=Role.APPLICANT)
    submitted_case(neighbour)  # the attacker has cases of their own
    submitted_case(UserFactory(tenant=other_tenant))  # and the other Kommune has its own work
    return World(
        owner=owner,
        clerk=UserFactory(tenant=tenant, role=Role.CLERK),
        targets=targets,
        attackers={
            "applicant_same_kommune": neighbour,
            "clerk_other_kommune": UserFactory(tenant=other_tenant, role=Role.CLERK),
            "agency_same_kommune": agency,
            "admin_other_kommune": UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN),
        },
    )


def _fee_targets(tenant: Any, target: Target) -> None:
    """The Kommune's tariff entries: read by its Bauaufsicht, foreign to everyone else (made directly)."""
    import datetime as dt
    from decimal import Decimal

    from bauantrag.fees.models import RohbauwertEntry, TariffRate

    target.tariff_rates.append(TariffRate.objects.create(
        tenant=tenant, purpose="vereinfachtes_verfahren", tarifstelle="3.1.4.2", label="Satz", kind="promille",
        value=Decimal("6"), valid_from=dt.date(2026, 1, 1), source="Test"))
    target.rohbauwerte.append(RohbauwertEntry.objects.create(
        tenant=tenant, gebaeudeart="1", eur_per_m3=Decimal("172"), valid_from=dt.date(2026, 1, 1), source="Test"))


def _beteiligung_targets(tenant: Any, targets: list[Target], agency: User) -> None:
    """A Fachstelle asked about the submitted and the Nachforderung case with all their Bauvorlagen shared (made
    directly: the matrix needs the objects, not the workflow). The attacking agency account is a member of another
    Fachstelle of the same Kommune, which was not asked."""
    import datetime as dt

    from django.utils import timezone

    from bauantrag.beteiligung.models import Beteiligung, Fachstelle

    asked = Fachstelle.objects.create(tenant=tenant, name="Brandschutzdienststelle", kind="brandschutz")
    Fachstelle.objects.create(tenant=tenant, name="Untere Naturschutzbehörde", kind="naturschutz").members.add(agency)
    requester = UserFactory(tenant=tenant, role=Role.CLERK)
    for target in targets[1:]:
        beteiligung = Beteiligung.objects.create(
            tenant=tenant, case=target.case, fachstelle=asked, message="Bitte prüfen.", requested_by=requester,
            deadline=timezone.localdate() + dt.timedelta(days=30),
        )
        beteiligung.documents.set(target.documents)
        target.beteiligungen.append(beteiligung)
        target.fachstellen.append(asked)


def _objection_targets(tenant: Any, target: Target) -> None:
    """A neighbour's Einwendung with its file on the submitted case (§ 72 BauO NRW): for the Bauaufsicht only."""
    from bauantrag.documents import storage
    from bauantrag.neighbours.models import Neighbour, Objection

    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    neighbour = Neighbour.objects.create(tenant=tenant, case=target.case, name="Petra Nachbar", created_by=clerk)
    data = b"%PDF-1.4 Einwendung"
    name, size, sha256 = storage.write(tenant.pk, iter([data]), ".pdf")
    target.objections.append(Objection.objects.create(
        tenant=tenant, neighbour=neighbour, received_on=target.case.submitted_at.date(), text="Einwendung",
        recorded_by=clerk, file_name="einwendung.pdf", file_storage_name=name, file_sha256=sha256, file_size=size,
        file_content_type="application/pdf"))


def request(client: Client, method: str, url: str) -> Any:
    return getattr(client, method)(url)


def body_of(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


@pytest.mark.parametrize("attacker", ATTACKERS)
def test_foreign_ids_give_404_on_every_route(world: World, attacker: str) -> None:
    routes = matrix_routes()
    assert len(routes) >= 15, [r.route for r in routes]
    client = login(Client(), world.attackers[attacker])
    leaks: list[str] = []
    probes = 0
    for route in routes:
        unknown_url = route.url({n: uuid.uuid4() if n in ID_PARAMS else NON_ID_PARAMS[n] for n in route.params})
        unknown = {method: request(client, method, unknown_url).status_code for method in METHODS}
        for method, status in unknown.items():
            if status not in (404, 405):
                leaks.append(f"{method.upper()} {unknown_url} ({route.name}, unbekannte Id) -> {status}")
        for target in world.targets:
            values = target.values(route)
            if values is None:
                continue
            url = route.url(values)
            for method in METHODS:
                response = request(client, method, url)
                probes += 1
                if response.status_code not in (404, 405):
                    how = (
                        "wie bei unbekannter Id: Rollensperre statt 404"
                        if response.status_code == unknown[method]
                        else "ANDERS als bei unbekannter Id"
                    )
                    leaks.append(
                        f"{method.upper()} {url} ({route.name}, {target.label}) -> {response.status_code} ({how})"
                    )
                elif target.case.file_number and target.case.file_number.encode() in body_of(response):
                    leaks.append(f"{method.upper()} {url} ({route.name}): Aktenzeichen im Fehlertext")
    assert not leaks, (
        f"{attacker}: {len(leaks)} von {probes} Anfragen mit fremden Ids antworten nicht mit 404/405:\n"
        + "\n".join(leaks)
    )
    assert probes >= len(routes) * len(METHODS)


def test_legitimate_users_do_reach_every_route(world: World) -> None:
    """The 404s above are not vacuous: the owner or the Kommune's clerk gets through on each route."""
    owner, clerk = login(Client(), world.owner), login(Client(), world.clerk)
    unreachable: list[str] = []
    for route in matrix_routes():
        results: list[tuple[str, int]] = []
        for target in world.targets:
            values = target.values(route)
            if values is None:
                continue
            url = route.url(values)
            results += [
                (f"GET {url} als {who}", request(client, "get", url).status_code)
                for who, client in (("owner", owner), ("clerk", clerk))
            ]
        if any(status == 200 for _label, status in results):
            continue
        # No GET page or resource: a POST-only route. A legitimate POST must get past the access check.
        for target in world.targets:
            values = target.values(route)
            if values is None:
                continue
            url = route.url(values)
            results += [
                (f"POST {url} als {who}", request(client, "post", url).status_code)
                for who, client in (("owner", owner), ("clerk", clerk))
            ]
        if any(status not in (403, 404, 405) for _label, status in results):
            continue
        unreachable.append(f"{route.name or route.route}: {results}")
    assert not unreachable, "Keine berechtigte Person erreicht diese Routen:\n" + "\n".join(unreachable)


def test_every_route_with_parameters_is_probed_by_the_matrix() -> None:
    probed = {r.route for r in matrix_routes()}
    problems: list[str] = []
    for route in all_routes():
        if not route.params or route.namespace in EXEMPT_NAMESPACES:
            continue
        unknown = [p for p in route.params if p not in ID_PARAMS and p not in NON_ID_PARAMS]
        if unknown:
            problems.append(
                f"{route.route} ({route.name}): Parameter {unknown} sind der Isolationsmatrix unbekannt. Trägt er "
                f"eine Objekt-Id, benennen Sie ihn case_id, document_id, finding_id, plan_id oder parcel_id "
                f"(uuid-Konverter); "
                f"sonst tragen Sie ihn in NON_ID_PARAMS (tests/security/routes.py) ein."
            )
        not_uuid = [p for p in route.id_params if p not in route.uuid_params]
        if not_uuid:
            problems.append(f"{route.route}: {not_uuid} ohne uuid-Konverter")
        if route.id_params and route.route not in probed:
            problems.append(f"{route.route}: hat Id-Parameter, wird aber nicht geprüft")
        if route.id_params and route.regex and not route.name:
            problems.append(f"{route.route}: regulärer Ausdruck ohne Namen, URL nicht konstruierbar")
    assert not problems, "\n".join(problems)
    names = {r.name for r in matrix_routes()}
    assert {"api:application-detail", "api:document-content", "api:finding-review", "plans:detail"} <= names


def admin_value(route: Route, name: str, case_id: Any) -> Any:
    if name == "app_label":
        return "auth"
    return 1 if name in route.int_params else case_id


def test_admin_routes_turn_away_everyone_without_is_staff(world: World) -> None:
    target = world.targets[1]
    admin_routes = [r for r in all_routes() if r.namespace == "admin" and r.params and r.name]
    assert admin_routes
    for user in (world.owner, world.clerk, world.attackers["clerk_other_kommune"]):
        client = login(Client(), user)
        for route in admin_routes:
            url = route.url({n: admin_value(route, n, target.case.pk) for n in route.params})
            response = client.get(url)
            assert response.status_code in (302, 404), (user.role, url, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith("/verwaltung/login/"), (url, response["Location"])
