"""What the clerk sees of the neighbours of a case: the rows with their state and period, the suggestions of the
software (adjoining Flurstücke, findings on the Abstandsflächen), what § 72 still asks, and the Einwendungen for
the decision page. Reads only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.cases.display import latest_run
from bauantrag.cases.models import Case
from bauantrag.cases.models.checks import FindingStatus
from bauantrag.neighbours.actions import baugenehmigung, to_serve
from bauantrag.neighbours.models import Affected, Neighbour, NoticeKind, Objection, PublicNotice
from bauantrag.parcels.models import Parcel
from bauantrag.parcels.register import adjoining_parcels, find_parcel
from bauantrag.rules.nrw.bauo_nrw import nachbarbeteiligung as law

#: Rules whose findings may touch the neighbours' public-law interests (§ 6 BauO NRW is nachbarschützend).
NEIGHBOUR_RULES = ("bauo_nrw.6.",)


@dataclass
class Row:
    neighbour: Neighbour
    objections: list[Objection]
    state: str
    period_open: bool = False
    period_over: bool = False


@dataclass
class Overview:
    rows: list[Row]
    notices: list[PublicNotice]
    register_parcels: list[Parcel] = field(default_factory=list)
    register_note: str = ""
    hints: list[str] = field(default_factory=list)
    serve_due: list[Neighbour] = field(default_factory=list)
    serve_replaceable: bool = False
    bescheid_sent: bool = False
    bescheid_notice_required: bool = False

    @property
    def objections(self) -> list[tuple[Neighbour, Objection]]:
        return [(row.neighbour, o) for row in self.rows for o in row.objections]


def _state(n: Neighbour, today: dt.date) -> str:
    if n.consented:
        return _("zugestimmt am %(date)s – keine Benachrichtigung (§ 72 Abs. 2 Satz 1 BauO NRW)") % {
            "date": n.consent_on.strftime("%d.%m.%Y") if n.consent_on else ""}
    if n.affected == Affected.OPEN:
        return _("Einschätzung offen: Belange berührt? (zu prüfen)")
    if n.affected == Affected.NO:
        return _("nicht berührt – keine Benachrichtigung")
    if n.notification_letter_id is None:
        return _("zu benachrichtigen – Benachrichtigung noch nicht entworfen")
    if n.notified_on is None:
        letter = n.notification_letter
        if letter is None or letter.sent_at is None:
            return _("Benachrichtigung entworfen – noch nicht versandt (Post des Vorgangs)")
        return _("Benachrichtigung versandt am %(date)s – Zugang noch nicht erfasst") % {
            "date": timezone.localdate(letter.sent_at).strftime("%d.%m.%Y")}
    assert n.objection_deadline is not None
    if n.objection_deadline >= today:
        return _("Einwendungsfrist läuft bis %(date)s") % {"date": n.objection_deadline.strftime("%d.%m.%Y")}
    return _("Einwendungsfrist abgelaufen am %(date)s") % {"date": n.objection_deadline.strftime("%d.%m.%Y")}


def site_parcel(case: Case) -> Parcel | None:
    vorhaben = getattr(case, "vorhaben", None)
    if vorhaben is None:
        return None
    return find_parcel(case.tenant, vorhaben.gemarkung or "", vorhaben.flur or "", vorhaben.flurstueck or "")


def suggestions(case: Case, known: set[Any]) -> tuple[list[Parcel], str, list[str]]:
    """(adjoining Flurstücke not yet taken, a note why none can be offered, hints from the findings)."""
    parcel = site_parcel(case)
    if parcel is None:
        parcels, note = [], _("Das Baugrundstück ist im Flurstücksregister der Kommune nicht gefunden worden; "
                              "angrenzende Flurstücke können nicht vorgeschlagen werden.")
    else:
        parcels = [p for p in adjoining_parcels(parcel) if p.pk not in known]
        note = "" if parcels else _("Keine weiteren angrenzenden Flurstücke im Register.")
    hints = []
    run = latest_run(case)
    if run is not None:
        for finding in run.findings.filter(status__in=(FindingStatus.FAIL, FindingStatus.NEEDS_REVIEW)):
            if finding.rule.startswith(NEIGHBOUR_RULES):
                hints.append(_("Befund „%(status)s“ zu %(basis)s: Eine Abweichung kann nachbarliche Belange "
                               "berühren – Benachrichtigung prüfen. %(message)s") % {
                    "status": finding.get_status_display(), "basis": finding.legal_basis,
                    "message": finding.message})
    return parcels, note, hints


def overview(case: Case, *, with_suggestions: bool = True) -> Overview:
    today = timezone.localdate()
    neighbours = list(Neighbour.objects.filter(case=case).select_related("notification_letter")
                      .prefetch_related("objections").order_by("created_at"))
    rows = []
    for n in neighbours:
        row = Row(n, list(n.objections.all()), _state(n, today))
        if n.objection_deadline is not None:
            row.period_open = n.objection_deadline >= today
            row.period_over = not row.period_open
        rows.append(row)
    notices = list(PublicNotice.objects.filter(case=case).select_related("letter"))
    result = Overview(rows, notices)
    if with_suggestions and not case.is_closed:
        known = {n.parcel_id for n in neighbours if n.parcel_id}
        result.register_parcels, result.register_note, result.hints = suggestions(case, known)
    result.bescheid_sent = baugenehmigung(case) is not None
    announced = {n.kind for n in notices}
    result.bescheid_notice_required = (result.bescheid_sent and NoticeKind.VORHABEN in announced
                                       and NoticeKind.BESCHEID not in announced)
    if result.bescheid_sent and NoticeKind.BESCHEID not in announced:
        due = to_serve(case)
        result.serve_due = [n for n in due if n.decision_served_on is None]
        result.serve_replaceable = law.zustellung_ersetzbar(len(due))
    return result
