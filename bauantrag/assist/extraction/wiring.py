"""Connects extraction to the rest of the project; imported by AssistConfig.ready().

- after a Bauvorlage's text is read (pipeline order 20): read its key data, replace its ExtractedValues;
- document findings "plausibilitaet.*": form against documents (recomputed by the findings refresh, order 900);
- the clerk's case page gets the panel "Angaben aus den Bauvorlagen" (order 35);
- the case summary (assist.summary) gets the chosen values as facts with their source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bauantrag.assist.extraction import panel, plausibility
from bauantrag.assist.extraction.actions import extract_document
from bauantrag.assist.summary.facts import register_fact_provider
from bauantrag.cases import document_findings
from bauantrag.documents.pipeline import register_after_text
from bauantrag.panels import Panel, register_panel

if TYPE_CHECKING:
    from bauantrag.documents.models import Document


def _step(document: Document) -> None:
    extract_document(document)


register_after_text("assist.extract", _step, order=20)
document_findings.register("assist.plausibility", plausibility.RULE_PREFIX, plausibility.provider)
register_panel("workspace", Panel(key="assist.extraction", template="assist/extraction/panel.html",
                                  context=panel.context, order=35))

register_fact_provider("assist.extraction", panel.facts)
