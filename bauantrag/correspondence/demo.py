"""Demo data of the correspondence: the letterhead of Musterstadt and one conversation in a case's mailbox.

``load(tenant, users)`` is idempotent. ``users`` maps usernames to the demo accounts (bauantrag/demo/seed.py); used:
``bauherr@musterstadt.example`` (asks) and ``sachbearbeitung@musterstadt.example`` (answers). The letters of
the demo cases (Eingangsbestätigung, Nachforderung, Vollständigkeitsbestätigung) are created by the case actions
themselves; call this before the demo cases are submitted if they should carry the full letterhead.
"""

from __future__ import annotations

from bauantrag.accounts.models import Tenant, User
from bauantrag.cases.models import Case, CaseState
from bauantrag.correspondence import actions
from bauantrag.correspondence.models import Letterhead, Message, Textbaustein

APPLICANT = "bauherr@musterstadt.example"
CLERK = "sachbearbeitung@musterstadt.example"

LETTERHEAD = {
    "department": "Fachbereich Planen und Bauen – Bauaufsicht",
    "street": "Rathausplatz 1",
    "postal_code": "59423",
    "city": "Musterstadt",
    "phone": "02303 103-0",
    "email": "bauaufsicht@musterstadt.example",
    "website": "https://www.musterstadt.example/bauen",
    "office_hours": "Di. und Do. 8:30–12:00 Uhr und nach Vereinbarung",
    # Kreis Unna lies in the district of the Verwaltungsgericht Arnsberg (to be confirmed for a real Kommune).
    "court_name": "Verwaltungsgericht Arnsberg",
    "court_address": "Jägerstraße 1, 59821 Arnsberg",
}


#: Textbausteine of Musterstadt, offered on the decision page (kind, title, text, legal basis, reason).
TEXTBAUSTEINE = (
    ("auflage", "Nicht überbaute Flächen begrünen",
     "Die nicht überbauten Flächen des Grundstücks sind als Grünflächen wasseraufnahmefähig herzustellen und zu "
     "begrünen.", "§ 8 Abs. 1 BauO NRW", "So verlangt es § 8 Abs. 1 BauO NRW für die nicht überbauten Flächen."),
    ("bedingung", "Standsicherheitsnachweis vor Baubeginn",
     "Mit der Bauausführung darf erst begonnen werden, wenn die Bescheinigung einer sachverständigen Person über "
     "die Prüfung des Standsicherheitsnachweises vorliegt.", "§ 68 Abs. 2 Satz 2 Nr. 2 BauO NRW",
     "Die Bescheinigung ist spätestens mit der Anzeige des Baubeginns einzureichen."),
    ("hinweis", "Baumschutzsatzung",
     "Für das Fällen geschützter Bäume ist eine Genehmigung nach der Baumschutzsatzung erforderlich.",
     "Baumschutzsatzung der Stadt Musterstadt", ""),
    ("begruendung", "Einfügen nach § 34 BauGB",
     "Das Vorhaben fügt sich nach dem Maß der baulichen Nutzung nicht in die Eigenart der näheren Umgebung ein.",
     "§ 34 Abs. 1 BauGB", ""),
)


def load(tenant: Tenant, users: dict[str, User]) -> None:
    Letterhead.objects.update_or_create(tenant=tenant, defaults=LETTERHEAD)
    for kind, title, text, legal_basis, reason in TEXTBAUSTEINE:
        Textbaustein.objects.update_or_create(tenant=tenant, title=title, defaults={
            "kind": kind, "text": text, "legal_basis": legal_basis, "reason": reason})
    applicant, clerk = users.get(APPLICANT), users.get(CLERK)
    if applicant is None or clerk is None:
        return
    case = (
        Case.objects.filter(tenant=tenant, applicant=applicant, state=CaseState.SUBMITTED)
        .order_by("submitted_at").first()
    )
    if case is None or Message.objects.filter(case=case, letter__isnull=True).exists():
        return
    question = actions.post_message(
        applicant, case, "Frage zum Carport",
        "Guten Tag,\nmuss der Carport an der Grundstücksgrenze in den Lageplan eingezeichnet werden, "
        "oder genügt die Baubeschreibung?\n\nMit freundlichen Grüßen\nErika Mustermann",
    )
    actions.post_message(
        clerk, case, "",
        "Guten Tag Frau Mustermann,\nbitte zeichnen Sie den Carport mit seinen Abständen zur Grenze in den "
        "Lageplan ein (§ 3 BauPrüfVO). Eine neue Fassung können Sie hier im Postfach anhängen.\n\n"
        "Mit freundlichen Grüßen\nIhre Bauaufsicht",
        parent=question,
    )
