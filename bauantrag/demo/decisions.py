"""Demo cases for deadlines and the decision (wired into the demo by bauantrag/demo/seed.py):

* "Birkenweg 3": a Nachforderung whose deadline passed – the queue and the case show the proposal
  "Antrag gilt als zurückgenommen (Vorschlag)", the clerk confirms it or extends the deadline;
* "Kastanienallee 5": a complete case ready for "Entscheidung vorbereiten";
* "Ulmenweg 8": approved with two Nebenbestimmungen – closed, with its Bescheid (kept while the building exists)
  (only if the Kommune's letterhead names the Verwaltungsgericht, which the Bescheid needs; otherwise the
  Bescheid stays a draft and the case stays complete).

Idempotent: a case whose street already exists in the Kommune is not created again.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.utils import timezone

from bauantrag.accounts.models import Tenant, User
from bauantrag.cases import actions, deadlines, running_due
from bauantrag.cases.models import Case, Nachforderung, Vorhaben
from bauantrag.decision import actions as decision
from bauantrag.rules.calendar import add_working_days

logger = logging.getLogger(__name__)

APPLICANT = "bauherr@musterstadt.example"
CLERK = "sachbearbeitung@musterstadt.example"


def _exists(tenant: Tenant, street: str) -> bool:
    return Vorhaben.objects.filter(tenant=tenant, street=street).exists()


def _new_case(applicant: User, street: str, number: str, documents: tuple[str, ...]) -> Case:
    from bauantrag.demo import seed as demo

    case = actions.create_application(applicant, {**demo.HOUSE, "street": street, "house_number": number})
    demo._upload(applicant, case, documents)
    actions.submit(applicant, case)
    demo._run_pending_checks()
    case.refresh_from_db()
    return case


def load(tenant: Tenant, users: dict[str, User]) -> None:
    from bauantrag.demo import seed as demo

    applicant, clerk = users.get(APPLICANT), users.get(CLERK)
    if applicant is None or clerk is None:
        return
    if not _exists(tenant, "Birkenweg"):
        case = _new_case(applicant, "Birkenweg", "3", demo.HOUSE_DOCUMENTS[:4])
        actions.send_nachforderung(
            clerk, case, items=[{"document_type": "1502", "title": "Baubeschreibung",
                                 "reason": "Die Baubeschreibung fehlt (§ 10 Abs. 1 Satz 1 Nr. 4 BauPrüfVO)."}],
            message="", deadline=timezone.localdate() + dt.timedelta(days=1),
        )
        # As if sent five weeks ago with a deadline that ended on the last Werktag (a Saturday deadline would run
        # until Monday, § 31 Abs. 3 VwVfG NRW).
        Nachforderung.objects.filter(case=case).update(
            deadline=add_working_days(timezone.localdate(), -1), created_at=timezone.now() - dt.timedelta(days=35),
        )
        running_due.store([case.pk])  # update() sends no signal: the queue's stored deadline follows by hand
        deadlines.run_deadlines()
    if not _exists(tenant, "Kastanienallee"):
        case = _new_case(applicant, "Kastanienallee", "5", demo.HOUSE_DOCUMENTS)
        actions.confirm_completeness(clerk, case)
    if not _exists(tenant, "Ulmenweg"):
        case = _new_case(applicant, "Ulmenweg", "8", demo.HOUSE_DOCUMENTS)
        actions.confirm_completeness(clerk, case)
        draft = decision.prepare_decision(clerk, case, outcome=decision.APPROVE, conditions=[
            {"kind": "auflage", "text": "Die nicht überbauten Flächen des Grundstücks sind als Grünflächen "
             "wasseraufnahmefähig herzustellen und zu begrünen.", "legal_basis": "§ 8 Abs. 1 BauO NRW",
             "reason": "So versickert das Niederschlagswasser auf dem Grundstück, wie es § 8 Abs. 1 BauO NRW "
             "verlangt."},
            {"kind": "hinweis", "text": "Für die Fällung des Walnussbaums an der Grundstücksgrenze ist eine "
             "Genehmigung nach der Baumschutzsatzung erforderlich.",
             "legal_basis": "Baumschutzsatzung der Stadt Musterstadt"},
        ])
        from bauantrag.correspondence.actions import send_letter

        try:
            send_letter(clerk, draft)
        except ValidationError as exc:
            logger.warning("Demo: Baugenehmigung Ulmenweg bleibt Entwurf: %s", "; ".join(exc.messages))
