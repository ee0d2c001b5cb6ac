"""Turning stored case data into readable German for the pages of applicants and clerks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bauantrag.audit.events import applicant_visible_codes
from bauantrag.audit.events import label as event_label
from bauantrag.audit.models import AuditEvent
from bauantrag.cases.models import Case, CheckRun, Finding, Procedure, Vorhaben
from bauantrag.cases.models.checks import FindingStatus
from bauantrag.cases.open_findings import checked_something
from bauantrag.rules.model import NOTHING_CHECKED

#: The Vorhaben fields in the groups the form and the summaries show; the last group is collapsible.
FIELD_GROUPS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (
        gettext_lazy("Bauherrschaft"),
        ("bauherr_name", "bauherr_anrede", "bauherr_street", "bauherr_postal_code", "bauherr_city"),
    ),
    (
        gettext_lazy("Entwurfsverfasser/in"),
        ("designer_name", "designer_street", "designer_postal_code", "designer_city"),
    ),
    (
        gettext_lazy("Lage des Grundstücks"),
        ("street", "house_number", "postal_code", "city", "gemarkung", "flur", "flurstueck", "parcel_area_m2"),
    ),
    (
        gettext_lazy("Vorhaben"),
        (
            "description", "project_kind", "use", "procedure_requested", "planning_area", "plan_conforming",
            "access_secured", "detached", "underground", "has_aufenthaltsraum",
        ),
    ),
    (
        gettext_lazy("Maße"),
        (
            "units", "dwellings", "storeys_full", "storeys_above_ground", "height_m", "structure_height_m",
            "wall_height_mean_m", "gross_floor_area_m2", "largest_unit_floor_area_m2", "largest_storey_area_m2",
            "floor_area_m2", "gross_volume_m3",
        ),
    ),
    (
        gettext_lazy("Verfahrensart und Rechtslage"),
        ("existing_garages_area_m2", "newer_law_requested"),
    ),
    # The last group is shown folded, with the note on Sonderbauten (portal/form.html).
    (
        gettext_lazy("Angaben für Sonderbauten"),
        ("sales_area_m2", "visitors", "guest_places_inside", "beds", "persons_cared", "garage_usable_area_m2"),
    ),
)

#: Findings in the order people should read them.
STATUS_ORDER = (FindingStatus.FAIL, FindingStatus.NEEDS_REVIEW, FindingStatus.PASS)
#: The group after "erfüllt": a class the pre-check determined, a limit the plan does not set.
NOT_CHECKED_GROUP = "not_checked"


#: Labels of keys that appear in audit entries and evidence but are no Vorhaben field.
EXTRA_LABELS: dict[str, Any] = {
    "state": gettext_lazy("Status"), "file_number": gettext_lazy("Aktenzeichen"),
    "completeness_due": gettext_lazy("Frist der Vollständigkeitsprüfung"),
    "round": gettext_lazy("Einreichungsrunde"), "name": gettext_lazy("Dateiname"),
    "type": gettext_lazy("Art der Bauvorlage"), "size": gettext_lazy("Größe (Byte)"), "sha256": "SHA-256",
    "reason": gettext_lazy("Begründung"), "decision": gettext_lazy("Entscheidung"), "rule": gettext_lazy("Regel"),
    "status": gettext_lazy("Bewertung"), "items": gettext_lazy("Unterlagen"), "deadline": gettext_lazy("Frist"),
    "message": gettext_lazy("Anschreiben"), "error": gettext_lazy("Fehler"),
    "procedure": gettext_lazy("Verfahrensart"), "building_class": gettext_lazy("Gebäudeklasse"),
    "ruleset_version": gettext_lazy("Stand des Regelwerks"), "pass": gettext_lazy("erfüllt"),
    "fail": gettext_lazy("nicht erfüllt"), "needs_review": gettext_lazy("zu prüfen"),
    "accepted_codes": gettext_lazy("Passende Arten der Bauvorlage"), "part_codes": gettext_lazy("Bestandteile"),
    "generic_codes": gettext_lazy("Oberkategorien"), "present": gettext_lazy("Vorhandene Bauvorlagen"),
    "required": gettext_lazy("Erforderlich"), "condition": gettext_lazy("Bedingung"),
    "version_note": gettext_lazy("Hinweis zur Fassung"), "inputs": gettext_lazy("Verwendete Angaben"),
    "checked": gettext_lazy("Geprüfte Merkmale"), "not_checkable": gettext_lazy("Nicht prüfbar"),
    "is_large_sonderbau": gettext_lazy("Großer Sonderbau"),
    "sonderbau_numbers": gettext_lazy("Nummern nach § 50 Abs. 2 BauO NRW"),
    "freistellung_conditions": gettext_lazy("Voraussetzungen der Genehmigungsfreistellung"),
    "procedure_determined": gettext_lazy("Ermittelte Verfahrensart"), "met": gettext_lazy("erfüllt"),
    "number": gettext_lazy("Nr."), "criterion": gettext_lazy("Merkmal"), "field": gettext_lazy("Angabe"),
    "value": gettext_lazy("Wert"), "more_than": gettext_lazy("Grenzwert (mehr als)"),
    "applies": gettext_lazy("trifft zu"), "missing": gettext_lazy("Fehlende Angaben"),
    # plausibility and classification findings (assist)
    "compared": gettext_lazy("Verglichene Angabe"), "form_value": gettext_lazy("Angabe im Formular"),
    "extracted_value": gettext_lazy("Angabe in der Bauvorlage"), "document": gettext_lazy("Bauvorlage"),
    "page": gettext_lazy("Seite"), "start": gettext_lazy("Zeichen von"), "end": gettext_lazy("Zeichen bis"),
    "snippet": gettext_lazy("Fundstelle"),
    "detected_document_type": gettext_lazy("Erkannte Art (Vorschlag der Software)"),
    "confidence": gettext_lazy("Sicherheit der Erkennung"),
    "classifier_version": gettext_lazy("Version des Klassifikators"),
    # law versions and the planning check (rules)
    "uses": gettext_lazy("Nutzungen"), "answers": gettext_lazy("Beurteilung je Nutzung"),
    "baunvo_governing": gettext_lazy("Maßgebende BauNVO"), "baunvo_year": gettext_lazy("BauNVO-Fassung des Plans"),
    "submitted_on": gettext_lazy("Tag der Antragstellung"), "candidates": gettext_lazy("In Betracht kommende Klassen"),
}

#: Evidence keys that are links or internal ids: not listed, the link is shown to the clerk as "Fundstelle".
HIDDEN_EVIDENCE = frozenset({"document_id", "source_url", "extracted_value_id", NOTHING_CHECKED})
#: Besides those, kept from applicants: plan feature ids, character offsets and the legal doubts that belong to the
#: clerk (the clerk's note ``review_note`` is never shown to them either).
APPLICANT_HIDDEN_EVIDENCE = HIDDEN_EVIDENCE | frozenset(
    {"area_id", "special_use", "start", "end", "answer_under_current_text", "baunvo_encoded", "classifier_version"}
)


def _choice_label(key: str, value: Any) -> str | None:
    from bauantrag.cases.models import CaseState, ReviewDecision
    from bauantrag.cases.models.checks import FindingStatus

    choices = {"state": CaseState, "decision": ReviewDecision, "status": FindingStatus}.get(key)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    if key == "field" and isinstance(value, str):
        return field_label(value)
    if key == "missing" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(field_label(v) if v not in _document_type_names() else document_type_name(v) for v in value)
    if key.startswith("procedure") and value in Procedure.values:
        return str(Procedure(value).label)
    if key == "type" and isinstance(value, str):
        return document_type_name(value)
    if key == "present" and isinstance(value, list):
        return ", ".join(
            f"„{d.get('name', '')}“ ({document_type_name(str(d.get('type_code', '')))})"
            for d in value if isinstance(d, dict)
        ) or _("keine")
    if key == "items" and isinstance(value, list):
        return "; ".join(
            f"{item.get('title') or document_type_name(item.get('document_type', ''))}: {item.get('reason', '')}"
            for item in value if isinstance(item, dict)
        )
    return None


def field_label(name: str) -> str:
    if name in EXTRA_LABELS:
        return str(EXTRA_LABELS[name])
    try:
        model_field = Vorhaben._meta.get_field(name)
    except FieldDoesNotExist:
        return name.replace("_", " ")
    return str(getattr(model_field, "verbose_name", name))


def plain_value(value: Any) -> str:
    """A stored value (model or JSON) as German text."""
    if value is None or value == "":
        return _("nicht angegeben")
    if value is True:
        return _("Ja")
    if value is False:
        return _("Nein")
    if isinstance(value, (int, float, Decimal)):
        return number_format(value, use_l10n=True)
    if isinstance(value, (list, tuple)):
        return ", ".join(plain_value(v) for v in value) or _("keine")
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_value(v)}" for k, v in value.items())
    if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d+", value):
        return number_format(Decimal(value), use_l10n=True)
    return str(value)


def field_value(name: str, value: Any) -> str:
    """A Vorhaben field's value with its choice label."""
    if name == "site":
        return site_summary(value)
    if isinstance(value, dict | list):
        return plain_value(value)
    try:
        choices = dict(getattr(Vorhaben._meta.get_field(name), "choices", None) or ())
    except FieldDoesNotExist:
        choices = {}
    if value in choices:
        return str(choices[value])
    return plain_value(value)


def site_summary(value: Any) -> str:
    """The Lageplan geometry in a few words (the coordinates themselves are shown on the map)."""
    if not isinstance(value, dict):
        return plain_value(value)
    names = ", ".join(f"„{b.get('id', '?')}“" for b in value.get("buildings", []) if isinstance(b, dict))
    return _("Lageplan-Geometrie angegeben (Grundstück, Gebäude %(names)s)") % {"names": names or "–"}


@dataclass
class SummaryGroup:
    title: str
    rows: list[tuple[str, str]]


def vorhaben_summary(vorhaben: Vorhaben) -> list[SummaryGroup]:
    groups = []
    for title, names in FIELD_GROUPS:
        rows = [(field_label(n), field_value(n, getattr(vorhaben, n))) for n in names]
        groups.append(SummaryGroup(str(title), rows))
    return groups


@lru_cache(maxsize=1)
def _document_type_names() -> dict[str, str]:
    from bauantrag.formats.xbau_codelist import document_types

    return dict(document_types())


def document_type_name(code: str) -> str:
    name = _document_type_names().get(code)
    return f"{name} ({code})" if name else code


def _evidence_value(key: str, value: Any) -> str:
    if isinstance(value, (list, tuple)) and value and all(
        isinstance(v, str) and v in _document_type_names() for v in value
    ):
        return ", ".join(document_type_name(v) for v in value)
    if isinstance(value, str) and key.endswith(("document_type", "code")) and value in _document_type_names():
        return document_type_name(value)
    return field_value(key, value) if key in {f.name for f in Vorhaben._meta.fields} else plain_value(value)


def evidence_items(evidence: Any, hidden: frozenset[str] = HIDDEN_EVIDENCE) -> list[tuple[str, str]]:
    """The evidence of a finding as (label, value) pairs, without the ``hidden`` keys."""
    if not isinstance(evidence, dict):
        return [(_("Angabe"), plain_value(evidence))] if evidence else []
    return [(field_label(key), readable(key, value)) for key, value in evidence.items() if key not in hidden]


def source_link(evidence: Any) -> str:
    """A finding's link to where its value was found (a path inside this site), or ""."""
    url = evidence.get("source_url") if isinstance(evidence, dict) else None
    return url if isinstance(url, str) and url.startswith("/") and not url.startswith("//") else ""


def readable(key: str, value: Any) -> str:
    """One evidence or audit value as German text; nested records with German labels."""
    if key == "site":
        return site_summary(value)
    if key == "confidence" and isinstance(value, (int, float)) and 0 <= value <= 1:
        return f"{number_format(round(value * 100), use_l10n=True)} %"
    label = _choice_label(key, value)
    if label is not None:
        return label
    if isinstance(value, dict):
        return "; ".join(f"{field_label(k)}: {readable(k, v)}" for k, v in value.items())
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return " | ".join(readable(key, v) for v in value)
    return _evidence_value(key, value)


@dataclass
class FindingGroup:
    status: str
    label: str
    findings: list[Finding] = field(default_factory=list)


def latest_run(case: Case) -> CheckRun | None:
    return case.check_runs.order_by("-round").first()


def procedure_label(run: CheckRun | None) -> str:
    if run is None or run.procedure not in Procedure.values:
        return ""
    return str(Procedure(run.procedure).label)


def group_findings(findings: list[Finding], *, for_applicant: bool = False) -> list[FindingGroup]:
    groups = [FindingGroup(str(s), str(s.label)) for s in STATUS_ORDER]
    groups.append(FindingGroup(NOT_CHECKED_GROUP, _("ermittelt oder nicht anwendbar")))
    by_status = {g.status: g for g in groups}
    hidden = APPLICANT_HIDDEN_EVIDENCE if for_applicant else HIDDEN_EVIDENCE
    for finding in findings:
        finding.evidence_items = evidence_items(finding.evidence, hidden)  # type: ignore[attr-defined]
        finding.source_link = source_link(finding.evidence)  # type: ignore[attr-defined]
        # "erfüllt" counts only findings that checked something (issue 16)
        by_status[finding.status if checked_something(finding) else NOT_CHECKED_GROUP].findings.append(finding)
    return [g for g in groups if g.findings]


def case_events(case: Case) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(case_id=case.pk, tenant_id=case.tenant_id).select_related("actor").order_by("seq")


def actor_name(event: AuditEvent) -> str:
    """The actor without the account name in angle brackets."""
    return event.actor_label.split(" <", 1)[0] or _("System")


def applicant_timeline(case: Case) -> list[dict[str, Any]]:
    rows = []
    for event in case_events(case).filter(event__in=applicant_visible_codes()):
        staff = event.actor is not None and not event.actor.is_applicant_side
        rows.append(
            {
                "label": event_label(event.event),
                "at": event.created_at,
                "actor": _("Bauaufsicht") if staff else actor_name(event),
                "detail": (event.after or {}).get("name", ""),
            }
        )
    return rows
