"""Connects classification to the rest of the project; imported by AssistConfig.ready().

- pipeline step "assist.classify" (order 10, after the text is read): service.classify_document;
- document findings "dokument.art" (declared vs. detected type): findings.provider;
- workspace panel "assist.classification" (order 30): declared vs. detected type per document.
"""

from __future__ import annotations

from bauantrag.assist.classification import findings, panel, service
from bauantrag.cases import document_findings
from bauantrag.documents.pipeline import register_after_text
from bauantrag.panels import Panel, register_panel

register_after_text("assist.classify", service.classify_document, order=10)
document_findings.register("assist.classification", findings.RULE, findings.provider)
register_panel(
    "workspace",
    Panel(key="assist.classification", template="assist/classification/panel.html", context=panel.context, order=30),
)
