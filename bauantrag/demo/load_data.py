"""A year of a Kreis as load data: Kommunen with clerks and applicants, and cases in realistic states with their
Vorhaben, pre-check runs and findings, Bauvorlagen rows, Nachforderungen, Beteiligungen, status history and audit
events (``manage.py generate_load_data``; ``make bench-load`` fills its database with it).

Rows are model instances written with PostgreSQL's COPY (``bulk_create`` elsewhere), a chunk of cases per
transaction; COPY sends no signals, so the cases' stored running deadline is written after each chunk. Audit events
go through ``audit.service.record`` (the submission of every ``audit_every``-th case; each call locks and appends
to the chain one by one, ≈ 2–5 ms), so every chain stays valid whatever the service does about locking and
hashing. Documents are rows only: their files are not written (``storage_name`` points nowhere), their text is
marked as read without pages.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.audit.service import record
from bauantrag.beteiligung.models import Beteiligung, BeteiligungStatus, Fachstelle, FachstelleKind
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import (
    Case,
    CaseState,
    CheckRun,
    CheckRunStatus,
    Decision,
    Finding,
    Nachforderung,
    Procedure,
    StatusChange,
    Use,
    Vorhaben,
)
from bauantrag.cases.models.checks import FindingStatus
from bauantrag.cases.running_due import store as store_running_due
from bauantrag.documents.models import Document, ScanStatus, TextStatus
from bauantrag.rules.calendar import completeness_deadline

CHUNK = 2000
PASSWORD = "Lastprobe-2026!"  # noqa: S105 - the password of every generated account (bench-load logs in with it)
STREETS = ("Hauptstraße", "Kirchweg", "Am Markt", "Lindenallee", "Gartenstraße", "Bahnhofstraße", "Feldweg",
           "Schulstraße", "Mühlenweg", "Birkenstraße")  # fmt: skip
#: (XBau code, file name) of the Bauvorlagen most applications carry.
DOCUMENTS = (("1803", "Lageplan.pdf"), ("1806", "Bauzeichnungen.pdf"), ("1807", "Baubeschreibung.pdf"),
             ("1812", "Standsicherheitsnachweis.pdf"), ("1818", "Berechnung_BRI.pdf"))  # fmt: skip
#: (rule, legal basis) of the findings one pre-check writes.
RULES = (("bauo_nrw.2.3.gebaeudeklasse", "§ 2 Abs. 3 BauO NRW"),
         ("bauo_nrw.50.2.grosser_sonderbau", "§ 50 Abs. 2 BauO NRW"),
         ("bauo_nrw.62-65.verfahrensart", "§§ 62–65 BauO NRW"),
         ("bauo_nrw.procedure_wish", "§ 64 BauO NRW"),
         ("baupruefvo.vollstaendigkeit.lageplan", "§ 3 BauPrüfVO NRW"),
         ("baupruefvo.vollstaendigkeit.bauzeichnungen", "§ 4 BauPrüfVO NRW"),
         ("bauo_nrw.6.abstandsflaechen", "§ 6 BauO NRW"))  # fmt: skip
USES = (Use.WOHNGEBAEUDE,) * 6 + (Use.GARAGE, Use.GEWERBE, Use.BUERO, Use.NEBENGEBAEUDE)


@dataclass
class Kommune:
    tenant: Tenant
    clerks: list[User]
    applicants: list[User]
    fachstellen: list[Fachstelle]
    number: int = 0


@dataclass
class Chunk:
    cases: list[Case] = field(default_factory=list)
    vorhaben: list[Vorhaben] = field(default_factory=list)
    runs: list[CheckRun] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    changes: list[StatusChange] = field(default_factory=list)
    nachforderungen: list[Nachforderung] = field(default_factory=list)
    beteiligungen: list[Beteiligung] = field(default_factory=list)


@dataclass
class Totals:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, number: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + number


def create_kommunen(tenants: int, cases: int, prefix: str = "last") -> list[Kommune]:
    """The Kommunen with three clerks, a tenant admin, a Fachstelle account and one applicant per 20 cases each."""
    password = make_password(PASSWORD)
    kommunen = []
    for index in range(1, tenants + 1):
        slug = f"{prefix}-{index}"
        tenant = Tenant.objects.create(slug=slug, name=f"Kommune Last {index}", authority_name="Bauaufsicht",
                                       kreis="Kreis Last", file_number_prefix=f"63-{index}")  # fmt: skip
        staff = [User(username=f"{role}{n}@{slug}.example", tenant=tenant, role=role, password=password,
                      first_name="Sach", last_name=f"Bearbeitung {n}")
                 for role, n in ((Role.CLERK, 1), (Role.CLERK, 2), (Role.CLERK, 3), (Role.TENANT_ADMIN, 1),
                                 (Role.AGENCY, 1))]  # fmt: skip
        applicants = [User(username=f"bauherr{n}@{slug}.example", tenant=tenant, role=Role.APPLICANT,
                           password=password, first_name="Bauherr", last_name=str(n))
                      for n in range(1, max(1, cases // tenants // 20) + 1)]  # fmt: skip
        User.objects.bulk_create(staff + applicants, batch_size=1000)
        fachstellen = [Fachstelle.objects.create(tenant=tenant, name=f"{kind.label} ({slug})", kind=kind)
                       for kind in (FachstelleKind.GEMEINDE, FachstelleKind.BRANDSCHUTZ,
                                    FachstelleKind.NATURSCHUTZ)]  # fmt: skip
        fachstellen[1].members.add(staff[4])
        kommunen.append(Kommune(tenant, staff[:3], applicants, fachstellen))
    return kommunen


def _state(rng: random.Random, age_days: float) -> CaseState:
    """The state a case of this age is in: young cases open, old ones mostly decided."""
    draw = rng.random()
    table: tuple[tuple[float, CaseState], ...]
    if age_days < 14:
        return CaseState.SUBMITTED if draw < 0.75 else CaseState.NACHFORDERUNG
    if age_days < 60:
        table = ((0.15, CaseState.SUBMITTED), (0.40, CaseState.NACHFORDERUNG), (0.80, CaseState.COMPLETE))
    elif age_days < 120:
        table = ((0.03, CaseState.SUBMITTED), (0.13, CaseState.NACHFORDERUNG), (0.40, CaseState.COMPLETE))
    else:
        table = ((0.01, CaseState.NACHFORDERUNG), (0.06, CaseState.COMPLETE), (0.08, CaseState.WITHDRAWN),
                 (0.13, CaseState.REFUSED))  # fmt: skip
    for limit, state in table:
        if draw < limit:
            return state
    return CaseState.APPROVED


def _vorhaben(rng: random.Random, case: Case, number: int) -> Vorhaben:
    use = rng.choice(USES)
    storeys = rng.randint(1, 4) if use == Use.WOHNGEBAEUDE else rng.randint(1, 2)
    return Vorhaben(
        case=case, tenant=case.tenant, bauherr_name=f"Bauherr {number}", bauherr_street=f"{rng.choice(STREETS)} 1",
        bauherr_postal_code="59423", bauherr_city="Unna", designer_name=f"Architekturbüro {number % 400}",
        street=rng.choice(STREETS), house_number=str(rng.randint(1, 200)), postal_code="59423", city="Unna",
        gemarkung="Unna", flur=str(rng.randint(1, 40)), flurstueck=f"{rng.randint(1, 900)}/{rng.randint(1, 9)}",
        parcel_area_m2=Decimal(rng.randint(300, 2000)), description=f"Neubau eines Gebäudes ({use.label})",
        project_kind="neubau", use=use, procedure_requested=Procedure.VEREINFACHT,
        planning_area="bebauungsplan_qualifiziert" if rng.random() < 0.6 else "innenbereich_34",
        storeys_full=storeys, storeys_above_ground=storeys, units=1 if storeys < 3 else storeys,
        dwellings=storeys if use == Use.WOHNGEBAEUDE else 0, height_m=Decimal(storeys * 3 - 2),
        gross_floor_area_m2=Decimal(rng.randint(60, 400)), gross_volume_m3=Decimal(rng.randint(300, 2500)),
    )  # fmt: skip


def _checks(rng: random.Random, case: Case, chunk: Chunk, rounds: int) -> None:
    for round_ in range(1, rounds + 1):
        assert case.submitted_at is not None
        at: dt.datetime = case.submitted_at + dt.timedelta(minutes=2)
        run = CheckRun(tenant=case.tenant, case=case, round=round_, status=CheckRunStatus.DONE,
                       ruleset_version="2026.12", procedure=Procedure.VEREINFACHT, building_class=rng.randint(1, 3),
                       started_at=at, finished_at=at + dt.timedelta(seconds=1))  # fmt: skip
        chunk.runs.append(run)
        for position, (rule, basis) in enumerate(RULES, start=1):
            draw = rng.random()
            status = FindingStatus.PASS if draw < 0.7 else FindingStatus.NEEDS_REVIEW if draw < 0.9 else \
                FindingStatus.FAIL  # fmt: skip
            chunk.findings.append(Finding(tenant=case.tenant, check_run=run, position=position, rule=rule,
                                          status=status, legal_basis=basis, law_version="BauO NRW 2024",
                                          message=f"Prüfung nach {basis}: {status.label}.",
                                          evidence={"quelle": "Formular"}))  # fmt: skip


def _documents(rng: random.Random, case: Case, uploader: User, chunk: Chunk) -> None:
    for code, name in DOCUMENTS:
        chunk.documents.append(Document(
            tenant=case.tenant, case=case, document_type=code, display_name=name,
            storage_name=f"last-{uuid.uuid4().hex}", content_type="application/pdf", size=rng.randint(50_000, 900_000),
            sha256=uuid.uuid4().hex * 2, round=1, scan_status=ScanStatus.CLEAN, uploaded_by=uploader,
            text_status=TextStatus.DONE, text_pages_total=rng.randint(1, 6), text_pages_done=1,
            detected_type=code, detected_confidence=0.9, classifier_version="last",
        ))  # fmt: skip


def _history(case: Case, chunk: Chunk, steps: list[tuple[CaseState, CaseState, dt.datetime]]) -> None:
    chunk.changes.extend(StatusChange(tenant=case.tenant, case=case, from_state=a, to_state=b, at=at)
                         for a, b, at in steps)  # fmt: skip


def build_case(rng: random.Random, kommune: Kommune, now: dt.datetime, chunk: Chunk) -> Case:
    """One case with everything a case of its state has, appended to the chunk (nothing written yet)."""
    kommune.number += 1
    tenant, clerk = kommune.tenant, rng.choice(kommune.clerks)
    age = rng.uniform(0, 365)
    submitted = now - dt.timedelta(days=age)
    state = _state(rng, age)
    applicant = rng.choice(kommune.applicants)
    case = Case(id=uuid.uuid4(), tenant=tenant, applicant=applicant, state=state, round=1,
                file_number=f"{tenant.file_number_prefix}-{kommune.number:06d}",
                created_at=submitted - dt.timedelta(days=rng.uniform(0, 10)), submitted_at=submitted,
                last_submitted_at=submitted,
                completeness_due=completeness_deadline(timezone.localtime(submitted).date()))  # fmt: skip
    steps = [(CaseState.DRAFT, CaseState.SUBMITTED, submitted)]
    had_nachforderung = state == CaseState.NACHFORDERUNG or (state != CaseState.SUBMITTED and rng.random() < 0.3)
    checked = submitted + dt.timedelta(days=min(age, rng.uniform(2, 12)))
    if had_nachforderung:
        deadline = timezone.localtime(checked).date() + dt.timedelta(days=30)
        answered = None if state == CaseState.NACHFORDERUNG else checked + dt.timedelta(days=rng.uniform(3, 25))
        chunk.nachforderungen.append(Nachforderung(
            tenant=tenant, case=case, round=1, created_by=clerk, deadline=deadline, answered_at=answered,
            items=[{"document_type": "1812", "title": "Standsicherheitsnachweis", "reason": "fehlt", "finding": ""}],
        ))  # fmt: skip
        steps.append((CaseState.SUBMITTED, CaseState.NACHFORDERUNG, checked))
        if answered is not None:
            case.round, case.last_submitted_at = 2, answered
            steps.append((CaseState.NACHFORDERUNG, CaseState.SUBMITTED, answered))
            checked = answered + dt.timedelta(days=rng.uniform(1, 8))
    if state in (CaseState.COMPLETE, CaseState.APPROVED, CaseState.REFUSED):
        case.completed_at = min(checked, now)
        case.decision_due = (case.completed_at + dt.timedelta(days=42)).date()
        steps.append((CaseState.SUBMITTED, CaseState.COMPLETE, case.completed_at))
        for fachstelle in rng.sample(kommune.fachstellen, rng.randint(1, 2)):
            asked = case.completed_at + dt.timedelta(days=1)
            done = state != CaseState.COMPLETE or rng.random() < 0.5
            chunk.beteiligungen.append(Beteiligung(
                tenant=tenant, case=case, fachstelle=fachstelle, message="Bitte um Stellungnahme.",
                deadline=(asked + dt.timedelta(days=30 * fachstelle.months)).date(), requested_by=clerk,
                requested_at=asked, status=BeteiligungStatus.ANSWERED if done else BeteiligungStatus.REQUESTED,
                answered_at=asked + dt.timedelta(days=rng.uniform(5, 40)) if done else None,
            ))  # fmt: skip
    if state in (CaseState.APPROVED, CaseState.REFUSED, CaseState.WITHDRAWN):
        base = case.completed_at or checked
        case.decided_at = case.closed_at = min(base + dt.timedelta(days=rng.uniform(10, 80)), now)
        case.decision = {CaseState.APPROVED: Decision.APPROVED, CaseState.REFUSED: Decision.REFUSED,
                         CaseState.WITHDRAWN: Decision.WITHDRAWN}[state]  # fmt: skip
        steps.append((steps[-1][1], state, case.decided_at))
    chunk.cases.append(case)
    chunk.vorhaben.append(_vorhaben(rng, case, kommune.number))
    _checks(rng, case, chunk, case.round)
    _documents(rng, case, applicant, chunk)
    _history(case, chunk, steps)
    return case


def _copy(model: type[Any], rows: list[Any]) -> None:
    """Write model instances with PostgreSQL's COPY (values prepared by the model's own fields, auto dates set
    by their ``pre_save``); other databases get ``bulk_create``."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(rows, batch_size=1000)
        return
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and getattr(rows[0], f.attname) is None)]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields])


def _write(chunk: Chunk, totals: Totals, audit_every: int) -> None:
    created_at = Case._meta.get_field("created_at")
    created_at.auto_now_add = False  # keep the generated dates
    try:
        with transaction.atomic():
            for model, rows in ((Case, chunk.cases), (Vorhaben, chunk.vorhaben), (CheckRun, chunk.runs),
                                (Finding, chunk.findings), (Document, chunk.documents), (StatusChange, chunk.changes),
                                (Nachforderung, chunk.nachforderungen), (Beteiligung, chunk.beteiligungen)):
                _copy(model, rows)
                totals.add(model.__name__, len(rows))
            store_running_due([case.pk for case in chunk.cases])  # COPY sends no signals
            if audit_every:
                audited = chunk.cases[::audit_every]
                for case in audited:
                    record(CaseEvent.CASE_SUBMITTED, actor=case.applicant, tenant=case.tenant, subject=case,
                           case=case, after={"file_number": case.file_number, "state": "submitted"},
                           message="Lastdaten")  # fmt: skip
                totals.add("AuditEvent", len(audited))
    finally:
        created_at.auto_now_add = True


def generate(cases: int, tenants: int, *, seed: int = 14, audit_every: int = 10, prefix: str = "last",
             progress: Callable[[str], Any] | None = None) -> dict[str, int]:  # fmt: skip
    """Write ``cases`` cases spread over ``tenants`` Kommunen (the first gets half, the rest share the other
    half: a Kreis with one large town). Returns the number of rows written per model."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, no secret)
    kommunen = create_kommunen(tenants, cases, prefix)
    weights = [1.0] if tenants == 1 else [float(tenants - 1)] + [1.0] * (tenants - 1)
    now, totals = timezone.now(), Totals()
    written = 0
    while written < cases:
        chunk = Chunk()
        for _ in range(min(CHUNK, cases - written)):
            build_case(rng, rng.choices(kommunen, weights)[0], now, chunk)
        _write(chunk, totals, audit_every)
        written += len(chunk.cases)
        if progress:
            progress(f"{written} / {cases}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum would do after a bulk load
    return totals.counts
