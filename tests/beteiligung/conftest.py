"""A Kommune with its directory of Fachstellen, agency accounts inside and outside the asked Fachstelle, and a
complete case whose Bauvorlagen each have their own content (so a test can tell which file it got)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bauantrag.accounts.models import Role, User
from bauantrag.beteiligung.models import Fachstelle, FachstelleKind
from bauantrag.cases import actions as case_actions
from bauantrag.cases.models import Case
from bauantrag.documents.actions import upload_document
from tests.factories import COMPLETE_DOCUMENTS, UserFactory, draft_case, run_actions_now
from tests.files import minimal_pdf
from tests.notifications.conftest import smtp_server, smtp_server_factory

__all__ = ["smtp_server", "smtp_server_factory"]


def document_content(code: str) -> bytes:
    return minimal_pdf(f"Bauvorlage {code} Inhalt")


def complete_case_with_documents(applicant: User, clerk: User, **overrides: Any) -> Case:
    """A case moved by the real actions to "complete", its Bauvorlagen named vorlage-<code>.pdf. The Beteiligung
    tests read only the Beteiligung's own letters: those of submission and completeness stay unrendered drafts."""
    case = draft_case(applicant, letters=False, **overrides)
    for code in COMPLETE_DOCUMENTS:
        upload = SimpleUploadedFile(f"vorlage-{code}.pdf", document_content(code), content_type="application/pdf")
        upload_document(applicant, case, upload, code)
    with run_actions_now(letters=False):
        case_actions.submit(applicant, case)
        case_actions.confirm_completeness(clerk, case)
    case.refresh_from_db()
    return case


@dataclass
class Kommune:
    clerk: User
    admin: User
    applicant: User
    case: Case
    gemeinde: Fachstelle
    brandschutz: Fachstelle
    naturschutz: Fachstelle
    brandschutz_member: User  # member of the Brandschutzdienststelle
    naturschutz_member: User  # an agency account of the same Kommune in another Fachstelle
    loose_agency: User  # an agency account of the same Kommune in no Fachstelle

    def documents(self, *codes: str) -> list[Any]:
        return [self.case.documents.get(document_type=code) for code in codes]


@pytest.fixture
def kommune(tenant: Any) -> Kommune:
    clerk = UserFactory(tenant=tenant, role=Role.CLERK)
    applicant = UserFactory(tenant=tenant, role=Role.APPLICANT, username="bauherr@example.org")
    brandschutz_member = UserFactory(tenant=tenant, role=Role.AGENCY, username="feuer@kreis.example")
    naturschutz_member = UserFactory(tenant=tenant, role=Role.AGENCY, username="natur@kreis.example")
    gemeinde = Fachstelle.objects.create(tenant=tenant, name="Gemeinde Musterdorf", kind=FachstelleKind.GEMEINDE,
                                         deadline_months=2, email="planung@musterdorf.example")
    brandschutz = Fachstelle.objects.create(tenant=tenant, name="Brandschutzdienststelle", email="bsd@kreis.example",
                                            kind=FachstelleKind.BRANDSCHUTZ)
    naturschutz = Fachstelle.objects.create(tenant=tenant, name="Untere Naturschutzbehörde",
                                            kind=FachstelleKind.NATURSCHUTZ)
    brandschutz.members.add(brandschutz_member)
    naturschutz.members.add(naturschutz_member)
    case = complete_case_with_documents(applicant, clerk, bauherr_name="Wilhelmine Bauherrin")
    return Kommune(
        clerk=clerk, admin=UserFactory(tenant=tenant, role=Role.TENANT_ADMIN), applicant=applicant,
        case=case, gemeinde=gemeinde, brandschutz=brandschutz, naturschutz=naturschutz,
        brandschutz_member=brandschutz_member, naturschutz_member=naturschutz_member,
        loose_agency=UserFactory(tenant=tenant, role=Role.AGENCY),
    )
