"""The summary by the Kommune's language model, against an OpenAI-compatible server the test starts on 127.0.0.1:
only this case's data goes out, the answer is marked as a suggestion with its sources, every failure falls back
to the template with a note, and without the Kommune's switch nothing is sent at all."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.test import Client

from bauantrag.accounts.models import Tenant
from bauantrag.assist.events import AssistEvent
from bauantrag.assist.summary.actions import create_llm_summary
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.models import Case
from tests.assist.summary.conftest import ANSWER, FakeLlm, enable_llm
from tests.conftest import login
from tests.factories import UserFactory, clerk_for, submitted_case

pytestmark = pytest.mark.django_db
BUTTON = "Zusammenfassung mit Sprachmodell erstellen"


def summary_url(case: Case) -> str:
    return f"/assistenz/vorgang/{case.pk}/zusammenfassung/"


@pytest.fixture
def cases(tenant: Tenant) -> tuple[Case, Case]:
    case = submitted_case(UserFactory(tenant=tenant), documents=("1803", "2001"))
    other = submitted_case(UserFactory(tenant=tenant), bauherr_name="Otto Anderer", street="Fremdweg",
                           house_number="99", description="Umbau einer Scheune zur Gaststätte")  # fmt: skip
    return case, other


def test_the_language_model_summarises_only_this_case(
    fake_llm: FakeLlm, llm_allowed: None, tenant: Tenant, cases: tuple[Case, Case], clerk_client: Client
) -> None:
    case, other = cases
    enable_llm(tenant, fake_llm.url, key="sk-kommune-1")
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert BUTTON in page and f'action="{summary_url(case)}"' in page

    response = clerk_client.post(summary_url(case))
    html = response.content.decode()
    assert response.status_code == 200
    assert (f"Vorschlag eines Sprachmodells (Modell llama3.1:8b, Kommune-Server 127.0.0.1:{fake_llm.port}) – "
            "bitte prüfen") in html  # fmt: skip
    assert "Neubau eines Einfamilienhauses in Unna [F3]" in html
    assert "Quellen: die Fakten, die das Modell erhalten hat" in html
    assert "[F1] Vorgang: Aktenzeichen" in html and "Befund baupruefvo.completeness.baubeschreibung" in html

    [request] = fake_llm.received
    assert request.path == "/v1/chat/completions"
    assert request.headers["Authorization"] == "Bearer sk-kommune-1"
    body = request.json
    assert body["model"] == "llama3.1:8b" and body["temperature"] == 0 and body["stream"] is False
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    prompt = request.prompt
    assert case.file_number in prompt and "Lindenweg 12, 59423 Unna" in prompt and "Flurstück 123/4" in prompt
    assert "Baubeschreibung" in prompt and "(Quelle: Vorprüfung Runde 1, Befund bauo_nrw.2.3.gebaeudeklasse)" in prompt
    # nothing of the other case of the same Kommune, and no names of people (not even this case's)
    assert other.file_number != case.file_number
    for foreign in (other.file_number, "Otto Anderer", "Fremdweg", "Scheune", str(other.pk)):
        assert foreign not in prompt
    for personal in ("Erika Mustermann", case.applicant.email, case.applicant.last_name):
        assert personal not in prompt
    assert "sk-kommune-1" not in prompt

    event = AuditEvent.objects.get(tenant=tenant, event=AssistEvent.SUMMARY_CREATED)
    assert event.case_id == case.pk and event.after["method"] == "llm" and event.after["model"] == "llama3.1:8b"
    assert event.after["server"] == f"127.0.0.1:{fake_llm.port}" and "fallback" not in event.after
    assert ANSWER not in json.dumps([event.before, event.after, event.message])


def test_a_server_slower_than_the_time_limit_gives_the_template_with_a_note(
    fake_llm: FakeLlm, llm_allowed: None, tenant: Tenant, cases: tuple[Case, Case], clerk_client: Client
) -> None:
    case, _other = cases
    enable_llm(tenant, fake_llm.url, timeout=1)
    fake_llm.mode, fake_llm.sleep = "sleep", 3.0
    started = time.monotonic()
    response = clerk_client.post(summary_url(case))
    elapsed = time.monotonic() - started
    html = response.content.decode()
    assert response.status_code == 200 and len(fake_llm.received) == 1
    assert elapsed < 2.5, elapsed
    assert "Das Sprachmodell hat keine Zusammenfassung geliefert: Das Zeitlimit von 1 Sekunde wurde überschritten." in (
        html
    )
    assert "Vorschlag eines Sprachmodells" not in html and "Zusammenfassung aus der Vorlage" in html
    assert "Nicht erfüllt: Baubeschreibung" in html
    event = AuditEvent.objects.get(tenant=tenant, event=AssistEvent.SUMMARY_CREATED)
    assert event.after["method"] == "template" and event.after["fallback"] == "timeout"


@pytest.mark.parametrize(
    ("mode", "code", "note"),
    [
        ("status500", "http_500", "Der Server antwortete mit dem HTTP-Status 500."),
        ("invalid_json", "invalid_json", "Die Antwort des Servers ist kein gültiges JSON."),
        ("not_chat", "invalid_answer", "hat nicht die Form einer Chat-Antwort"),
        ("redirect", "http_302", "Der Server antwortete mit dem HTTP-Status 302."),
        ("huge", "too_large", "Die Antwort des Servers ist zu groß."),
        ("drip", "timeout", "Das Zeitlimit von 1 Sekunde wurde überschritten."),
    ],
)
def test_errors_fall_back_to_the_template(
    fake_llm: FakeLlm, llm_allowed: None, tenant: Tenant, cases: tuple[Case, Case], mode: str, code: str, note: str
) -> None:
    case, _other = cases
    enable_llm(tenant, fake_llm.url, timeout=1)
    fake_llm.mode = mode
    started = time.monotonic()
    suggestion = create_llm_summary(clerk_for(tenant), case)
    assert time.monotonic() - started < 2.5
    assert suggestion.generated_by == "template" and not suggestion.by_llm
    assert note in suggestion.note and "Angezeigt wird die Zusammenfassung aus der Vorlage." in suggestion.note
    assert "Nicht erfüllt: Baubeschreibung" in suggestion.text
    assert "interne Daten" not in suggestion.note + suggestion.text  # the server's content is never passed on
    assert len(fake_llm.received) == 1  # a redirect is not followed
    assert AuditEvent.objects.get(event=AssistEvent.SUMMARY_CREATED).after["fallback"] == code


def test_an_unreachable_server_and_a_base_url_ending_in_v1(
    fake_llm: FakeLlm, llm_allowed: None, tenant: Tenant, cases: tuple[Case, Case]
) -> None:
    case, _other = cases
    clerk = clerk_for(tenant)
    enable_llm(tenant, "http://127.0.0.1:9", timeout=2)  # discard port: nobody listens
    assert "Der Server des Sprachmodells war nicht erreichbar." in create_llm_summary(clerk, case).note
    enable_llm(tenant, fake_llm.url + "/v1/")
    assert create_llm_summary(clerk, case).text == ANSWER
    assert [r.path for r in fake_llm.received] == ["/v1/chat/completions"]


@pytest.mark.parametrize("how", ["tenant_off", "operator_off"])
def test_without_the_switch_no_button_and_the_post_is_refused(
    fake_llm: FakeLlm, llm_allowed: None, tenant: Tenant, cases: tuple[Case, Case], clerk_client: Client,
    settings: Any, how: str,
) -> None:
    case, _other = cases
    if how == "operator_off":
        enable_llm(tenant, fake_llm.url)
        settings.LLM_ALLOWED = False
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert "Zusammenfassung" in page and BUTTON not in page
    assert BUTTON not in clerk_client.get(summary_url(case)).content.decode()
    assert clerk_client.post(summary_url(case)).status_code == 403
    assert fake_llm.received == [] and not AuditEvent.objects.filter(event=AssistEvent.SUMMARY_CREATED).exists()


def test_the_panel_and_the_page_show_summary_and_drafts_only_to_the_kommunes_casework(
    tenant: Tenant, other_tenant: Tenant, cases: tuple[Case, Case], clerk_client: Client
) -> None:
    case, _other = cases
    page = clerk_client.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert 'aria-labelledby="assist-summary-h"' in page and "Nicht erfüllt: Baubeschreibung" in page
    assert "(Quelle: Vorprüfung Runde 1, Befund baupruefvo.completeness.baubeschreibung)" in page
    assert "Entwurf: Nachforderung von Bauvorlagen" in page and "§ 71 Abs. 1 Satz 3 BauO NRW" in page
    assert "Entwurf: Anhörung" not in page  # no failing planning-law finding
    summary = clerk_client.get(summary_url(case))
    assert summary.status_code == 200 and "Als Text zum Kopieren" in summary.content.decode()
    for client in (login(Client(), case.applicant), login(Client(), clerk_for(other_tenant))):
        assert client.get(summary_url(case)).status_code == 404
        assert client.post(summary_url(case)).status_code == 404
