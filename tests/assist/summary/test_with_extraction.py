"""With a real Baubeschreibung.pdf: what assist.extraction read joins the summary with its page as source, the
plausibility finding (form against document) is named, and the names in it never reach the language model."""

from __future__ import annotations

from typing import Any

import pytest

from bauantrag.assist.summary.actions import create_llm_summary
from bauantrag.assist.summary.template_summary import build_summary
from tests.assist.extraction.helpers import submitted_with_baubeschreibung
from tests.assist.summary.conftest import FakeLlm, enable_llm
from tests.factories import clerk_for

pytestmark = pytest.mark.django_db


def test_extracted_values_and_plausibility_join_the_summary_but_names_stay_home(
    tenant: Any, fake_llm: FakeLlm, llm_allowed: None
) -> None:
    case, _document = submitted_with_baubeschreibung(tenant)  # form: 2 Vollgeschosse, document: 3
    summary = build_summary(case)
    angaben = {f.text: f for f in next(s for s in summary.sections if s.key == "angaben").facts}
    assert angaben["Vollgeschosse: 3"].source == "Bauvorlage Baubeschreibung.pdf S. 2"
    bauherr = next(f for text, f in angaben.items() if "Schulz & Partner" in text)
    assert bauherr.personal and bauherr.source == "Bauvorlage Baubeschreibung.pdf S. 1"
    lesen = next(s for s in summary.sections if s.key == "lesen").facts
    plausibility = [f for f in lesen if f.source.startswith("Vorprüfung Runde 1, Befund plausibilitaet.")]
    assert plausibility and any("3" in f.text and "2" in f.text for f in plausibility), [f.text for f in lesen]

    enable_llm(tenant, fake_llm.url)
    assert create_llm_summary(clerk_for(tenant), case).by_llm
    prompt = fake_llm.received[0].prompt
    assert "Vollgeschosse: 3 (Quelle: Bauvorlage Baubeschreibung.pdf S. 2)" in prompt
    for name in ("Schulz", "Jana Berg", "081542", "Erika Mustermann"):
        assert name not in prompt
