"""Deterministic drafts of the body text of two letters, offered to the clerk as suggestions.

- ``nachforderung``: the completeness findings not passed (the clerk's own assessment counts), each with its
  legal basis and reason, a proposed deadline of one month and the notice of § 71 Abs. 1 Satz 3 BauO NRW.
- ``anhoerung``: before a refusal, the hearing under § 28 Abs. 1 VwVfG NRW naming the failing findings of the
  planning law and the Abstandsflächen, with a proposed deadline of two weeks.

The text: subject line, salutation, body and "Mit freundlichen Grüßen"; letterhead, address and signature come from
the correspondence app, which builds the real letter; ``draft_letter_text`` is its entry point. A draft with
``grounds == 0`` has nothing to ask for or to hear about, and says so in ``note``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.assist.summary.facts import TEMPLATE, Suggestion
from bauantrag.assist.summary.template_summary import (
    day,
    effective_status,
    finding_source,
    finding_title,
    is_completeness,
    is_planning,
    latest_run,
    run_findings,
)
from bauantrag.cases.deadlines import one_month_later
from bauantrag.cases.models import Case, CheckRun, Finding
from bauantrag.cases.models.checks import FindingStatus
from bauantrag.rules.calendar import is_working_day

NACHFORDERUNG = "nachforderung"
ANHOERUNG = "anhoerung"
KINDS = (NACHFORDERUNG, ANHOERUNG)
MISSING = "Es fehlt:"  # how the completeness check words a missing Bauvorlage


def _working_day_on_or_after(value: dt.date) -> dt.date:
    while not is_working_day(value):
        value += dt.timedelta(days=1)
    return value


def _subject(case: Case) -> str:
    vorhaben = getattr(case, "vorhaben", None)
    what = (vorhaben.description if vorhaben else "") or _("Bauvorhaben")
    where = vorhaben.address_line() if vorhaben else ""
    parts = [" ".join(what.split())[:200]]
    if where:
        parts.append(where)
    return _("Ihr Bauantrag vom %(day)s, Aktenzeichen %(number)s (%(what)s)") % {
        "day": day(case.submitted_at) or "–", "number": case.file_number or "–", "what": ", ".join(parts),
    }


def _numbered(findings: list[Finding], text: Callable[[Finding], str]) -> str:
    return "\n".join(f"{i}. {text(f)}" for i, f in enumerate(findings, start=1))


def _open(findings: list[Finding], wanted: Callable[[Finding], bool], statuses: tuple[str, ...]) -> list[Finding]:
    return [f for f in findings if wanted(f) and effective_status(f) in statuses]


def _item(finding: Finding) -> str:
    """A missing Bauvorlage in a few words; for a partly present one the finding's explanation."""
    head = f"{finding_title(finding)} ({finding.legal_basis})"
    if effective_status(finding) == FindingStatus.FAIL and finding.message.startswith(MISSING):
        return head + _(" – fehlt.")
    return f"{head}: {' '.join(finding.message.split())}"


def nachforderung_draft(case: Case, run: CheckRun | None, findings: list[Finding]) -> Suggestion:
    missing = _open(findings, is_completeness, (FindingStatus.FAIL, FindingStatus.NEEDS_REVIEW))
    deadline = _working_day_on_or_after(one_month_later(timezone.localdate()))
    items = _numbered(missing, lambda f: _item(f))
    text = "\n\n".join([
        _subject(case),
        _("Sehr geehrte Damen und Herren,"),
        _("bei der Prüfung Ihres Bauantrags auf Vollständigkeit (§ 71 Abs. 1 Satz 1 BauO NRW) haben wir "
          "festgestellt, dass die folgenden Bauvorlagen fehlen oder unvollständig sind:"),
        items or _("[Bitte die fehlenden oder mangelhaften Bauvorlagen nennen.]"),
        _("Wir bitten Sie, diese Mängel bis zum %(deadline)s zu beheben und die Unterlagen über das Antragsportal "
          "nachzureichen (§ 71 Abs. 1 Satz 2 BauO NRW).") % {"deadline": day(deadline)},
        _("Werden die Mängel nicht innerhalb der Frist behoben, gilt der Antrag als zurückgenommen "
          "(§ 71 Abs. 1 Satz 3 BauO NRW)."),
        _("Mit freundlichen Grüßen"),
    ])  # fmt: skip
    return Suggestion(
        text=text,
        sources=tuple(finding_source(run, f) for f in missing) if run is not None else (),
        generated_by=TEMPLATE,
        title=_("Entwurf: Nachforderung von Bauvorlagen"),
        note="" if missing else _("Die Vorprüfung nennt keine fehlenden oder unvollständigen Bauvorlagen."),
        grounds=len(missing),
    )


def anhoerung_draft(case: Case, run: CheckRun | None, findings: list[Finding]) -> Suggestion:
    failing = _open(findings, is_planning, (FindingStatus.FAIL,))
    deadline = _working_day_on_or_after(timezone.localdate() + dt.timedelta(days=14))
    items = _numbered(failing, lambda f: f"{f.legal_basis}: {' '.join(f.message.split())}")
    text = "\n\n".join([
        _subject(case),
        _("Anhörung nach § 28 Abs. 1 des Verwaltungsverfahrensgesetzes für das Land Nordrhein-Westfalen "
          "(VwVfG NRW)"),
        _("Sehr geehrte Damen und Herren,"),
        _("nach dem derzeitigen Stand der Prüfung beabsichtigen wir, Ihren Bauantrag abzulehnen. Die "
          "Baugenehmigung ist nur zu erteilen, wenn dem Vorhaben keine öffentlich-rechtlichen Vorschriften "
          "entgegenstehen, die im Baugenehmigungsverfahren zu prüfen sind (§ 74 Abs. 1 BauO NRW). Dem Vorhaben "
          "stehen nach unserer Prüfung folgende Vorschriften entgegen:"),
        items or _("[Bitte die entgegenstehenden Vorschriften und die Tatsachen nennen.]"),
        _("Bevor wir entscheiden, geben wir Ihnen Gelegenheit, sich zu den für die Entscheidung erheblichen "
          "Tatsachen zu äußern (§ 28 Abs. 1 VwVfG NRW). Ihre Stellungnahme erbitten wir bis zum %(deadline)s. "
          "Sie können das Vorhaben auch ändern und geänderte Bauvorlagen einreichen oder den Antrag "
          "zurücknehmen.") % {"deadline": day(deadline)},
        _("Äußern Sie sich nicht innerhalb der Frist, entscheiden wir nach Aktenlage."),
        _("Mit freundlichen Grüßen"),
    ])  # fmt: skip
    return Suggestion(
        text=text,
        sources=tuple(finding_source(run, f) for f in failing) if run is not None else (),
        generated_by=TEMPLATE,
        title=_("Entwurf: Anhörung vor Ablehnung (§ 28 VwVfG NRW)"),
        note="" if failing else _("Die Vorprüfung nennt keine nicht erfüllten planungsrechtlichen Befunde."),
        grounds=len(failing),
    )


def draft_letter_text(case: Case, kind: str) -> Suggestion:
    """The body text of a letter of the given kind ("nachforderung" or "anhoerung") for the case."""
    run = latest_run(case)
    findings = run_findings(run)
    if kind == NACHFORDERUNG:
        return nachforderung_draft(case, run, findings)
    if kind == ANHOERUNG:
        return anhoerung_draft(case, run, findings)
    raise ValueError(f"unknown letter kind {kind!r}; expected one of {KINDS}")
