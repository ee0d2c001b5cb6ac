"""Factories for tenants, accounts and cases in each lifecycle state.

Cases are moved through their states by the real action layer, so a factory-made
"submitted" case is exactly what a real submission leaves behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import factory
from django.test import TestCase
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.cases import actions
from bauantrag.cases.models import Case
from bauantrag.documents.actions import upload_document
from tests.files import pdf_upload

PASSWORD = "Richtig-Langes-Passwort-2026"


class TenantFactory(factory.django.DjangoModelFactory[Tenant]):
    class Meta:
        model = Tenant
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kommune-{n}")
    name = factory.LazyAttribute(lambda o: f"Stadt {o.slug.title()}")
    authority_name = factory.LazyAttribute(lambda o: f"Untere Bauaufsichtsbehörde {o.name}")
    kreis = "Kreis Unna"
    file_number_prefix = "63"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}@example.org")
    email = factory.LazyAttribute(lambda o: o.username)
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Mustermann{n}")
    tenant = factory.SubFactory(TenantFactory)
    role = Role.APPLICANT
    email_verified_at = factory.LazyFunction(timezone.now)  # an account as it submits; unverified: pass None
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def totp(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.save()
            if self.requires_mfa:
                TOTPDevice.objects.create(user=self, name="Authenticator", confirmed=True)


VALID_VORHABEN: dict[str, Any] = {
    "bauherr_name": "Erika Mustermann",
    "street": "Lindenweg", "house_number": "12", "postal_code": "59423", "city": "Unna",
    "gemarkung": "Unna", "flur": "7", "flurstueck": "123/4", "parcel_area_m2": "612.00",
    "description": "Neubau eines freistehenden Einfamilienhauses mit Carport",
    "project_kind": "neubau", "use": "wohngebaeude", "procedure_requested": "vereinfachtes_verfahren",
    "planning_area": "innenbereich_34", "plan_conforming": True, "access_secured": True,
    "detached": True, "underground": False, "has_aufenthaltsraum": True,
    "units": 1, "dwellings": 1, "storeys_full": 2, "storeys_above_ground": 2,
    "height_m": "3.10", "structure_height_m": "8.90", "wall_height_mean_m": "6.20",
    "gross_floor_area_m2": "186.00", "largest_unit_floor_area_m2": "98.00", "largest_storey_area_m2": "98.00",
    "floor_area_m2": "186.00", "gross_volume_m3": "720.00",
}

# Bauvorlagen of a vereinfachtes Verfahren for a house under § 34 BauGB (XBau vorlagenantragstellung codes).
COMPLETE_DOCUMENTS = ("1803", "2001", "2002", "2003", "1502", "2201", "0401")


# The after-commit step that renders and sends the letter of a case event (Eingangsbestätigung,
# Nachforderung, Vollständigkeitsbestätigung …): WeasyPrint, ~1 s a letter.
LETTER_SCHEDULER = "bauantrag.correspondence.actions"


@contextmanager
def run_actions_now(letters: bool = True) -> Iterator[list[Callable[[], Any]]]:
    """Run the after-commit side effects (pre-check, notifications, letters) inside the test.

    letters=False: the letters of case events stay drafts, as they do while the broker is down (the periodic
    requeue sends them later) - for fixtures whose tests never look at a letter, so they skip the PDF rendering.
    """
    if letters:
        with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
            yield callbacks
        return
    with TestCase.captureOnCommitCallbacks() as callbacks:
        yield callbacks
    _run_all_but_letters(callbacks)


def _run_all_but_letters(callbacks: list[Callable[[], Any]]) -> None:
    for callback in callbacks:
        if callback.__module__ == LETTER_SCHEDULER:
            continue
        with TestCase.captureOnCommitCallbacks() as scheduled_by_it:
            callback()
        _run_all_but_letters(scheduled_by_it)


def draft_case(applicant: User | None = None, letters: bool = True, **overrides: Any) -> Case:
    applicant = applicant or UserFactory()
    with run_actions_now(letters):
        return actions.create_application(applicant, {**VALID_VORHABEN, **overrides})


def add_documents(case: Case, codes: tuple[str, ...] = COMPLETE_DOCUMENTS) -> None:
    for code in codes:
        upload_document(case.applicant, case, pdf_upload(f"vorlage-{code}.pdf"), code)


def submitted_case(applicant: User | None = None, documents: tuple[str, ...] = COMPLETE_DOCUMENTS,
                   letters: bool = True, **overrides: Any) -> Case:
    """letters=False: the Eingangsbestätigung stays an unrendered draft (see run_actions_now)."""
    case = draft_case(applicant, letters, **overrides)
    add_documents(case, documents)
    with run_actions_now(letters):
        actions.submit(case.applicant, case)
    case.refresh_from_db()
    return case


def clerk_for(tenant: Tenant) -> User:
    return UserFactory(tenant=tenant, role=Role.CLERK)


def nachforderung_case(applicant: User | None = None, letters: bool = True) -> Case:
    case = submitted_case(applicant, documents=COMPLETE_DOCUMENTS[:3], letters=letters)
    with run_actions_now(letters):
        actions.send_nachforderung(
            clerk_for(case.tenant), case,
            items=[{"document_type": "1502", "title": "Baubeschreibung", "reason": "fehlt"}],
            message="Bitte reichen Sie die Baubeschreibung nach.",
            deadline=timezone.localdate() + dt.timedelta(days=30),
        )
    case.refresh_from_db()
    return case


def complete_case(applicant: User | None = None, letters: bool = True) -> Case:
    case = submitted_case(applicant, letters=letters)
    with run_actions_now(letters):
        actions.confirm_completeness(clerk_for(case.tenant), case)
    case.refresh_from_db()
    return case
