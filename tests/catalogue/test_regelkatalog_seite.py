"""The public page ``/regelwerk/``: readable without login, every rule with its examples, linked in the footer."""

from __future__ import annotations

from html import escape

import pytest
from django.test import Client

from bauantrag.rules.catalogue import build_catalogue

pytestmark = pytest.mark.django_db


def test_die_seite_ist_ohne_anmeldung_lesbar_und_nennt_jede_regel_mit_ihren_beispielen(client: Client) -> None:
    response = client.get("/regelwerk/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Regelkatalog: Was die automatische Vorprüfung prüft</h1>" in html
    for law in ("BauO NRW", "BauPrüfVO NRW", "BauNVO/BauGB"):
        assert f"<h2>{law}</h2>" in html
    for rule in build_catalogue()["rules"]:
        assert f'id="{rule["anchor"]}"' in html and f'href="#{rule["anchor"]}"' in html
        assert f"<code>{rule['rule']}</code>" in html
        for example in rule["examples"]:
            assert escape(example["result"]["message"]) in html
            assert escape(example["title"]) in html


def test_die_fusszeile_jeder_seite_verlinkt_den_regelkatalog(client: Client) -> None:
    html = client.get("/konto/anmelden/").content.decode()
    assert '<a href="/regelwerk/">Was wird geprüft? (Regelkatalog)</a>' in html


def test_die_seite_nimmt_nur_lesende_anfragen_an(client: Client) -> None:
    assert client.post("/regelwerk/").status_code == 405
