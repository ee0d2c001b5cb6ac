"""The Kommune's own letter templates: sandboxed, versioned, previewed on a real case, used by the next letter
and recorded on it; the Textbausteine with their legal basis."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from bauantrag.accounts.models import Role
from bauantrag.audit.models import AuditEvent
from bauantrag.correspondence import actions, template_actions, templating
from bauantrag.correspondence.events import LetterEvent
from bauantrag.correspondence.models import LetterKind, LetterTemplate, Textbaustein
from tests.conftest import login
from tests.factories import UserFactory, clerk_for, submitted_case

pytestmark = pytest.mark.django_db

DEFAULT = templating.default_template(LetterKind.ANHOERUNG)


@pytest.fixture
def admin(tenant: Any) -> Any:
    return UserFactory(tenant=tenant, role=Role.TENANT_ADMIN)


@pytest.mark.parametrize("body, message", [
    ("{% load static %}{% static 'x' %}", "load"),
    ("{% include 'base.html' %}", "include"),
    ("{% debug %}", "debug"),
    ("{% extends 'base.html' %}", "extends"),
    ("{{ anrede|center:'999999999' }}", "center"),
    ("{% url 'portal:home' %}", "url"),
    ("{% if anrede %}offen", "endif"),
])
def test_a_template_that_could_reach_outside_its_values_is_refused(admin: Any, body: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        template_actions.save_template(admin, LetterKind.ANHOERUNG, DEFAULT.subject, body)
    assert "body" in error.value.message_dict and message in str(error.value.message_dict["body"])
    assert not LetterTemplate.objects.exists()


def test_only_the_kommunes_administration_edits_templates(applicant: Any) -> None:
    case = submitted_case(applicant)
    with pytest.raises(PermissionDenied):
        template_actions.save_template(clerk_for(case.tenant), LetterKind.ANHOERUNG, DEFAULT.subject, DEFAULT.body)


def test_saving_adds_a_version_and_the_next_letter_uses_and_records_it(admin: Any, applicant: Any) -> None:
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    before = actions.draft_letter(clerk, case, LetterKind.ANHOERUNG)
    assert before.template is None and before.template_sha256 == templating.template_hash(DEFAULT)

    first = template_actions.save_template(admin, LetterKind.ANHOERUNG, DEFAULT.subject,
                                           DEFAULT.body.replace("gern über das Postfach", "gern schriftlich"))
    second = template_actions.save_template(
        admin, LetterKind.ANHOERUNG, "Anhörung zu {{ aktenzeichen }}",
        "{{ anrede }}\n\nwir hören Sie zu Ihrem Vorhaben „{{ vorhaben }}“ an.\n\nMit freundlichen Grüßen", "kürzer")
    assert (first.version, second.version) == (1, 2)

    letter = actions.draft_letter(clerk, case, LetterKind.ANHOERUNG)
    assert letter.template == second
    assert letter.subject == f"Anhörung zu {case.file_number}"
    assert letter.body == ("Guten Tag Erika Mustermann,\n\nwir hören Sie zu Ihrem Vorhaben „Neubau eines "
                           "freistehenden Einfamilienhauses mit Carport“ an.\n\nMit freundlichen Grüßen")
    before.refresh_from_db()
    assert before.template is None and "gern über das Postfach" in before.body  # the earlier draft is untouched
    page = login(Client(), clerk).get(reverse("correspondence:letter", kwargs={"letter_id": letter.pk}))
    assert "Fassung 2 der Kommune" in page.content.decode()
    saved = AuditEvent.objects.filter(event=LetterEvent.TEMPLATE_SAVED).order_by("seq")
    assert [e.after["version"] for e in saved] == [1, 2] and saved.last().after["note"] == "kürzer"


def test_the_template_page_previews_on_a_real_case_then_saves(admin: Any, applicant: Any) -> None:
    case = submitted_case(applicant)
    client = login(Client(), admin)
    url = reverse("correspondence:template_edit", kwargs={"kind": "nachforderung"})
    page = client.get(url)
    assert page.status_code == 200 and "Standardtext des Projekts" in page.content.decode()
    body = "{{ anrede }}\n\nBitte bis {{ frist|datum }}: {% for u in unterlagen %}{{ u.titel }}{% endfor %}"
    preview = client.post(url, {"subject": "Az. {{ aktenzeichen }}", "body": body, "case": case.pk, "preview": "1"})
    text = preview.content.decode()
    assert preview.status_code == 200 and f"Az. {case.file_number}" in text and "Bitte bis" in text
    assert "Guten Tag Erika Mustermann," in text and "Baubeschreibung" in text
    assert not LetterTemplate.objects.exists()  # a preview stores nothing

    saved = client.post(url, {"subject": "Az. {{ aktenzeichen }}", "body": body, "case": case.pk, "save": "1"})
    assert saved.status_code == 302
    assert LetterTemplate.objects.get().body == body


def test_a_foreign_case_cannot_be_previewed_and_clerks_do_not_reach_the_page(
    admin: Any, applicant: Any, other_tenant: Any,
) -> None:
    foreign = submitted_case(UserFactory(tenant=other_tenant))
    client = login(Client(), admin)
    url = reverse("correspondence:template_edit", kwargs={"kind": "anhoerung"})
    response = client.post(url, {"subject": "x", "body": "{{ bauherrschaft }}", "case": foreign.pk, "preview": "1"})
    assert response.status_code == 400 and "vorschau" not in response.content.decode()
    clerk = login(Client(), clerk_for(admin.tenant))
    assert clerk.get(url).status_code == 403
    assert client.get(reverse("correspondence:template_edit", kwargs={"kind": "gibtsnicht"})).status_code == 404


def test_textbausteine_keep_their_legal_basis(admin: Any, other_tenant: Any) -> None:
    row = template_actions.save_textbaustein(admin, {
        "kind": "auflage", "title": "Feuerwehrzufahrt", "text": "Die Zufahrt ist freizuhalten.",
        "legal_basis": "§ 5 BauO NRW", "reason": "Die Feuerwehr muss das Grundstück erreichen.", "active": True,
    })
    assert template_actions.textbausteine_for(admin.tenant_id) == [row]
    assert template_actions.textbausteine_for(other_tenant.pk) == []
    with pytest.raises(ValidationError) as error:
        template_actions.save_textbaustein(admin, {"kind": "auflage", "title": "ohne", "text": "x"})
    assert "legal_basis" in error.value.message_dict
    foreign_admin = UserFactory(tenant=other_tenant, role=Role.TENANT_ADMIN)
    with pytest.raises(PermissionDenied):
        template_actions.save_textbaustein(foreign_admin, {"kind": "auflage"}, instance=row)
    assert Textbaustein.objects.get().title == "Feuerwehrzufahrt"
