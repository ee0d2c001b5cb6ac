"""A deterministic German summary of one case, built only from that case's own data.

Sections: Vorgang (Aktenzeichen, Status, Fristen, Nachforderung), Vorhaben (from the form), Vorprüfung (Verfahrensart,
Gebäudeklasse, counts of findings, the ones not passed), Bauvorlagen (present, missing by the completeness check,
text reading), Hinweise aus dem Lesen der Bauvorlagen (declared vs. detected type ``dokument.art*``, plausibility
``plausibilitaet*``) and Angaben aus den Bauvorlagen (the values assist.extraction read, through
``facts.register_fact_provider``). Every sentence names
its source. The same input always gives the same text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bauantrag.assist.summary.facts import TEMPLATE, CaseSummary, Section, Suggestion, provided_facts
from bauantrag.cases import display
from bauantrag.cases.deadlines import is_past_deadline
from bauantrag.cases.models import Case, CaseState, CheckRun, CheckRunStatus, Finding, Procedure
from bauantrag.cases.models.checks import FindingStatus
from bauantrag.documents.models import Document, TextStatus
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN

COMPLETENESS_PREFIX = "baupruefvo.completeness."
DOCUMENT_PREFIXES = ("dokument.art", "plausibilitaet")
PROCEDURE_RULE = "bauo_nrw.62-65.verfahrensart"
BUILDING_CLASS_RULE = "bauo_nrw.2.3.gebaeudeklasse"
#: Findings of the planning law and the Abstandsflächen: the grounds an Anhörung before a refusal names.
PLANNING_PREFIXES = ("baunvo.", "bplan.", "bauo_nrw.2.6.vollgeschosse", "bauo_nrw.6.")


def day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return f"{value:%d.%m.%Y}"


def shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def latest_run(case: Case) -> CheckRun | None:
    return case.check_runs.order_by("-round").first()


def run_findings(run: CheckRun | None) -> list[Finding]:
    if run is None or run.status != CheckRunStatus.DONE:
        return []
    return list(run.findings.prefetch_related("reviews").order_by("position"))


def effective_status(finding: Finding) -> str:
    """The clerk's assessment where there is one (the latest review), else the automatic status."""
    reviews = list(finding.reviews.all())
    return reviews[0].status if reviews else finding.status


def review_note(finding: Finding) -> str:
    reviews = list(finding.reviews.all())
    if not reviews:
        return ""
    review = reviews[0]
    if review.decision == "overridden":
        return _(" Die Sachbearbeitung hat ihn abweichend bewertet: %(status)s.") % {
            "status": FindingStatus(review.status).label
        }
    return _(" Die Sachbearbeitung hat ihn bestätigt.")


def is_completeness(finding: Finding) -> bool:
    return finding.rule.startswith(COMPLETENESS_PREFIX)


def is_document_finding(finding: Finding) -> bool:
    return finding.rule.startswith(DOCUMENT_PREFIXES)


def is_planning(finding: Finding) -> bool:
    return finding.rule.startswith(PLANNING_PREFIXES)


def finding_title(finding: Finding) -> str:
    """A completeness finding by the Bauvorlage's name, any other by its (shortened) message."""
    if is_completeness(finding):
        bauvorlage = BAUVORLAGEN.get(finding.rule.removeprefix(COMPLETENESS_PREFIX))
        if bauvorlage is not None:
            return bauvorlage.name
    return shorten(finding.message)


def finding_source(run: CheckRun, finding: Finding) -> str:
    return _("Vorprüfung Runde %(round)s, Befund %(rule)s") % {"round": run.round, "rule": finding.rule}


def _choice(value: str, choices: Any) -> str:
    return str(choices(value).label) if value in choices.values else value


def _vorgang(case: Case, section: Section) -> None:
    source = _("Vorgang")
    state = _choice(case.state, CaseState)
    if case.submitted_at:
        section.add(_("Aktenzeichen %(number)s, eingegangen am %(day)s, Einreichungsrunde %(round)s; "
                      "Status: %(state)s.") % {"number": case.file_number, "day": day(case.submitted_at),
                                               "round": case.round, "state": state}, source)  # fmt: skip
    else:
        section.add(_("Entwurf, noch nicht eingereicht; Status: %(state)s.") % {"state": state}, source)
    today = timezone.localdate()
    if case.state == CaseState.SUBMITTED and case.completeness_due:
        text = _("Frist der Vollständigkeitsprüfung (§ 71 Abs. 1 Satz 1 BauO NRW): %(day)s.") % {
            "day": day(case.completeness_due)
        }
        if case.completeness_due < today:
            text += " " + _("Die Frist ist überschritten.")
        section.add(text, source)
    if case.state == CaseState.COMPLETE and case.completed_at:
        section.add(_("Der Antrag ist seit %(day)s vollständig.") % {"day": day(case.completed_at)}, source)
    nachforderung = case.nachforderungen.order_by("-created_at").first()
    if nachforderung is not None:
        nf_source = _("Nachforderung vom %(day)s") % {"day": day(nachforderung.created_at)}
        titles = "; ".join(
            str(item.get("title") or display.document_type_name(str(item.get("document_type", ""))))
            for item in nachforderung.items if isinstance(item, dict)
        )
        if case.state == CaseState.NACHFORDERUNG and nachforderung.answered_at is None:
            text = _("Offene Nachforderung vom %(day)s mit Frist bis %(deadline)s; nachgefordert: %(items)s.") % {
                "day": day(nachforderung.created_at), "deadline": day(nachforderung.deadline), "items": titles,
            }
            if is_past_deadline(nachforderung, today):
                text += " " + _("Die Frist ist abgelaufen (§ 71 Abs. 1 Satz 3 BauO NRW).")
        else:
            text = _("Letzte Nachforderung vom %(day)s (Frist %(deadline)s), beantwortet; nachgefordert waren: "
                     "%(items)s.") % {"day": day(nachforderung.created_at), "deadline": day(nachforderung.deadline),
                                      "items": titles}  # fmt: skip
        section.add(text, nf_source)


def _vorhaben(case: Case, section: Section) -> None:
    try:
        vorhaben = case.vorhaben
    except ObjectDoesNotExist:
        return
    source = _("Formular")
    if vorhaben.bauherr_name:
        section.add(_("Bauherrschaft: %(name)s.") % {"name": vorhaben.bauherr_name}, source, personal=True)
    kind = display.field_value("project_kind", vorhaben.project_kind) if vorhaben.project_kind else ""
    use = display.field_value("use", vorhaben.use) if vorhaben.use else ""
    if vorhaben.description or kind or use:
        parts = [p for p in (kind, use and _("Nutzung: %(use)s") % {"use": use}) if p]
        text = _("Vorhaben: %(description)s") % {"description": shorten(vorhaben.description, 400) or "–"}
        section.add(f"{text} ({', '.join(parts)})." if parts else f"{text}.", source)
    where = vorhaben.address_line()
    parcel = ", ".join(
        f"{label} {value}" for label, value in (
            (_("Gemarkung"), vorhaben.gemarkung), (_("Flur"), vorhaben.flur), (_("Flurstück"), vorhaben.flurstueck)
        ) if value
    )  # fmt: skip
    if where or parcel:
        section.add(_("Lage: %(where)s.") % {"where": "; ".join(p for p in (where, parcel) if p)}, source)
    sizes = []
    for name, unit in (("dwellings", ""), ("storeys_full", ""), ("height_m", " m"), ("gross_floor_area_m2", " m²")):
        value = getattr(vorhaben, name)
        if value is not None:
            sizes.append(f"{display.field_label(name)} {number_format(value, use_l10n=True)}{unit}")
    if sizes:
        section.add(_("Angaben: %(sizes)s.") % {"sizes": "; ".join(sizes)}, source)
    if vorhaben.planning_area:
        section.add(_("Planungsrechtliche Lage nach Angabe: %(area)s.") % {
            "area": display.field_value("planning_area", vorhaben.planning_area)}, source)  # fmt: skip
    if vorhaben.procedure_requested:
        section.add(_("Beantragte Verfahrensart: %(procedure)s.") % {
            "procedure": _choice(vorhaben.procedure_requested, Procedure)}, source)  # fmt: skip


def _named(run: CheckRun, findings: list[Finding], section: Section) -> None:
    for finding in findings:
        status = effective_status(finding)
        if status == FindingStatus.PASS:
            continue
        label = FindingStatus(status).label
        section.add(
            _("%(status)s: %(title)s (%(basis)s).") % {
                "status": str(label)[:1].upper() + str(label)[1:], "title": finding_title(finding),
                "basis": finding.legal_basis,
            } + review_note(finding),
            finding_source(run, finding),
        )  # fmt: skip


def _vorpruefung(run: CheckRun | None, findings: list[Finding], section: Section) -> None:
    if run is None:
        section.add(_("Eine automatische Vorprüfung liegt noch nicht vor."), _("Vorgang"))
        return
    run_source = _("Vorprüfung Runde %(round)s") % {"round": run.round}
    if run.status in (CheckRunStatus.PENDING, CheckRunStatus.RUNNING):
        section.add(_("Die Vorprüfung der Runde %(round)s läuft noch.") % {"round": run.round}, run_source)
        return
    if run.status == CheckRunStatus.FAILED:
        section.add(_("Die Vorprüfung der Runde %(round)s ist fehlgeschlagen; bitte manuell prüfen.")
                    % {"round": run.round}, run_source)  # fmt: skip
        return
    by_rule = {f.rule: f for f in findings}
    if run.procedure in Procedure.values:
        source = finding_source(run, by_rule[PROCEDURE_RULE]) if PROCEDURE_RULE in by_rule else run_source
        section.add(_("Ermittelte Verfahrensart: %(procedure)s.") % {"procedure": Procedure(run.procedure).label},
                    source)  # fmt: skip
    if run.building_class is not None:
        finding = by_rule.get(BUILDING_CLASS_RULE)
        basis = f" ({finding.legal_basis})" if finding is not None else ""
        section.add(_("Gebäudeklasse %(number)s%(basis)s.") % {"number": run.building_class, "basis": basis},
                    finding_source(run, finding) if finding is not None else run_source)  # fmt: skip
    if run.plan_id:
        section.add(_("Geprüft gegen den Bebauungsplan „%(plan)s“.") % {"plan": run.plan}, run_source)
    counts = {status: sum(1 for f in findings if f.status == status) for status in FindingStatus.values}
    reviewed = sum(1 for f in findings if f.reviews.all())
    text = ngettext(
        "Die Vorprüfung der Runde %(round)s ergab %(total)s Befund: %(pass)s erfüllt, %(fail)s nicht erfüllt, "
        "%(review)s zu prüfen.",
        "Die Vorprüfung der Runde %(round)s ergab %(total)s Befunde: %(pass)s erfüllt, %(fail)s nicht erfüllt, "
        "%(review)s zu prüfen.",
        len(findings),
    ) % {"round": run.round, "total": len(findings), "pass": counts["pass"], "fail": counts["fail"],
         "review": counts["needs_review"]}  # fmt: skip
    if reviewed:
        text += " " + ngettext("%(n)s Befund hat die Sachbearbeitung bewertet.",
                               "%(n)s Befunde hat die Sachbearbeitung bewertet.", reviewed) % {"n": reviewed}
    section.add(text, run_source)
    _named(run, [f for f in findings if not is_completeness(f) and not is_document_finding(f)], section)


def _bauvorlagen(case: Case, run: CheckRun | None, findings: list[Finding], section: Section) -> None:
    documents = list(case.documents.bauvorlagen().order_by("round", "uploaded_at"))
    source = _("Liste der Bauvorlagen")
    if documents:
        names = "; ".join(f"„{d.display_name}“ ({display.document_type_name(d.document_type)})" for d in documents)
        section.add(ngettext("%(n)s Bauvorlage eingereicht: %(names)s.", "%(n)s Bauvorlagen eingereicht: %(names)s.",
                             len(documents)) % {"n": len(documents), "names": names}, source)  # fmt: skip
    else:
        section.add(_("Es sind keine Bauvorlagen eingereicht."), source)
    reading = [d for d in documents if d.text_status in (TextStatus.PENDING, TextStatus.RUNNING)]
    if reading:
        section.add(ngettext("Der Text von %(n)s Bauvorlage wird noch gelesen.",
                             "Der Text von %(n)s Bauvorlagen wird noch gelesen.", len(reading)) % {"n": len(reading)},
                    _("Texterkennung"))  # fmt: skip
    unreadable = [d for d in documents if d.text_status == TextStatus.FAILED]
    if unreadable:
        section.add(_("Nicht lesbar: %(names)s.") % {"names": "; ".join(f"„{d.display_name}“" for d in unreadable)},
                    _("Texterkennung"))  # fmt: skip
    completeness = [f for f in findings if is_completeness(f)]
    if run is not None and completeness:
        missing = [f for f in completeness if effective_status(f) != FindingStatus.PASS]
        if not missing:
            section.add(_("Nach der Vorprüfung sind alle erforderlichen Bauvorlagen vorhanden."),
                        _("Vorprüfung Runde %(round)s") % {"round": run.round})  # fmt: skip
        _named(run, missing, section)


def _document_type_facts(documents: list[Document], section: Section) -> None:
    for document in documents:
        if document.detected_type and document.detected_type != document.document_type:
            confidence = (
                _(" (Sicherheit %(p)s %%)") % {"p": round(document.detected_confidence * 100)}
                if document.detected_confidence is not None else ""
            )  # fmt: skip
            section.add(
                _("„%(name)s“ ist als %(declared)s eingereicht; erkannt wurde %(detected)s%(confidence)s.") % {
                    "name": document.display_name, "declared": display.document_type_name(document.document_type),
                    "detected": display.document_type_name(document.detected_type), "confidence": confidence,
                },
                _("Bauvorlage %(name)s, Klassifikation") % {"name": document.display_name},
            )  # fmt: skip


def _lesen(case: Case, run: CheckRun | None, findings: list[Finding], section: Section) -> None:
    document_findings = [f for f in findings if is_document_finding(f)]
    if run is not None:
        _named(run, document_findings, section)
    if not any(f.rule.startswith("dokument.art") for f in document_findings):
        _document_type_facts(list(case.documents.bauvorlagen().order_by("round", "uploaded_at")), section)


def build_summary(case: Case, checked: tuple[CheckRun | None, list[Finding]] | None = None) -> CaseSummary:
    """The case's summary in sections of facts with sources (only data of this case).

    ``checked``: the latest run and its findings, if the caller has fetched them already.
    """
    if checked is None:
        latest = latest_run(case)
        checked = (latest, run_findings(latest))
    run, findings = checked
    sections = [
        Section("vorgang", _("Vorgang")),
        Section("vorhaben", _("Vorhaben")),
        Section("vorpruefung", _("Vorprüfung")),
        Section("bauvorlagen", _("Bauvorlagen")),
        Section("lesen", _("Hinweise aus dem Lesen der Bauvorlagen")),
        Section("angaben", _("Angaben aus den Bauvorlagen")),
    ]
    vorgang, vorhaben, vorpruefung, bauvorlagen, lesen, angaben = sections
    _vorgang(case, vorgang)
    _vorhaben(case, vorhaben)
    _vorpruefung(run, findings, vorpruefung)
    _bauvorlagen(case, run, findings, bauvorlagen)
    _lesen(case, run, findings, lesen)
    angaben.facts.extend(provided_facts(case))  # assist.extraction registers its values here
    return CaseSummary(case.file_number, sections)


def summary_suggestion(case: Case, summary: CaseSummary | None = None, note: str = "") -> Suggestion:
    summary = summary or build_summary(case)
    return Suggestion(
        text=summary.as_text(),
        sources=tuple(dict.fromkeys(fact.source for fact in summary.facts)),
        generated_by=TEMPLATE,
        title=_("Zusammenfassung des Vorgangs %(number)s") % {"number": case.file_number or str(case)},
        note=note,
    )
