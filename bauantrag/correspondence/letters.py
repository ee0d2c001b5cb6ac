"""The texts of the letters: subject and editable body per kind from the Kommune's template (templating.py) filled
with the case data (letter_context.py), and the fixed legal blocks (Rechtsbehelfsbelehrung, the § 71 Abs. 1
notice) that the PDF template appends and the clerk cannot edit."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from bauantrag.audit.service import jsonable as _jsonable
from bauantrag.cases import display
from bauantrag.correspondence import letter_context, templating
from bauantrag.correspondence.models import LetterKind
from bauantrag.correspondence.template_library import datum
from bauantrag.correspondence.templating import TemplateText

if TYPE_CHECKING:
    from bauantrag.cases.models import Case
    from bauantrag.correspondence.models import Letter, Letterhead

# § 71 Abs. 1 Satz 3 BauO NRW (2018, Fassung vom 30.06.2021): "Werden die Mängel innerhalb der Frist nicht
# behoben, gilt der Antrag als zurückgenommen." (Satz 2 is the request itself, "unter Nennung der Gründe".)
RUECKNAHME_NOTICE = (
    "Werden die Mängel nicht innerhalb der Frist behoben, gilt der Bauantrag als zurückgenommen "
    "(§ 71 Abs. 1 Satz 3 BauO NRW)."
)

NEBENBESTIMMUNG_KINDS = {kind: label for kind, label, _heading in letter_context.CONDITION_GROUPS}


def jsonable(value: dict[str, Any]) -> dict[str, Any]:
    result = _jsonable(value)
    return result if isinstance(result, dict) else {}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def de_date(value: dt.date | dt.datetime | str | None) -> str:
    """07.12.2026 - the letters' date filter ``datum``, for code that writes dates into a letter's facts."""
    return datum(value)


@dataclass(frozen=True)
class CaseFacts:
    file_number: str
    bauherr: str
    address: str
    description: str
    procedure: str
    submitted: str
    completed: str


def facts(case: Case) -> CaseFacts:
    vorhaben = getattr(case, "vorhaben", None)
    bauherr = (getattr(vorhaben, "bauherr_name", "") or "").strip() or case.applicant.display_name()
    address = ""
    description = ""
    procedure = ""
    if vorhaben is not None:
        address = letter_context.site(vorhaben)
        description = " ".join((vorhaben.description or "").split())[:300]
    # the procedure the latest check determined, not the one the applicant asked for
    procedure = display.procedure_label(display.latest_run(case))
    return CaseFacts(
        file_number=case.file_number or "—",
        bauherr=bauherr,
        address=address or "—",
        description=description or "—",
        procedure=procedure,
        submitted=de_date(case.submitted_at),
        completed=de_date(case.completed_at),
    )


def _open_nachforderung(case: Case) -> Any:
    return case.nachforderungen.order_by("-created_at").first()


def nebenbestimmungen(context: dict[str, Any]) -> list[dict[str, str]]:
    """Normalise context["nebenbestimmungen"]: strings or {kind, text} → [{kind, label, text}]."""
    result = []
    for entry in context.get("nebenbestimmungen") or []:
        if isinstance(entry, str):
            kind, text = "auflage", entry
        elif isinstance(entry, dict):
            kind, text = letter_context.condition_kind(entry), str(entry.get("text") or "")
        else:
            continue
        text = text.strip()
        if text:
            result.append({"kind": kind, "label": NEBENBESTIMMUNG_KINDS[kind], "text": text})
    return result


def prefill(case: Case, kind: LetterKind, context: dict[str, Any]) -> tuple[str, str, TemplateText]:
    """Subject and body of a new draft from the Kommune's template of the kind (or the project's default), and
    the template used. May add derived values to context (the Nachforderung's items, deadline and note)."""
    if kind == LetterKind.NACHFORDERUNG and not context.get("items"):
        nachforderung = _open_nachforderung(case)
        if nachforderung is not None:
            context.setdefault("nachforderung_id", str(nachforderung.pk))
            context.setdefault("items", nachforderung.items)
            context.setdefault("deadline", nachforderung.deadline)
            context.setdefault("message", nachforderung.message)
    template = templating.current_template(case.tenant_id, str(kind))
    subject, body = templating.render(template, letter_context.build(case, str(kind), context))
    return subject, body, template


@dataclass(frozen=True)
class LegalBlock:
    heading: str
    text: str


def legal_blocks(letter: Letter, letterhead: Letterhead) -> list[LegalBlock]:
    """The fixed texts appended to the letter (not editable)."""
    if letter.kind == LetterKind.NACHFORDERUNG:
        return [LegalBlock(_("Wichtiger Hinweis"), RUECKNAHME_NOTICE)]
    if letter.kind in (LetterKind.BAUGENEHMIGUNG, LetterKind.ABLEHNUNG):
        return [LegalBlock(_("Rechtsbehelfsbelehrung"), rechtsbehelfsbelehrung(letterhead))]
    if letter.kind == LetterKind.NACHBAR_ZUSTELLUNG:
        return [LegalBlock(_("Rechtsbehelfsbelehrung"), rechtsbehelfsbelehrung(letterhead, third_party=True))]
    return []


def rechtsbehelfsbelehrung(letterhead: Letterhead, *, third_party: bool = False) -> str:
    """NRW: no Widerspruchsverfahren (§ 110 Abs. 1 JustG NRW, also for third parties: Abs. 3 Satz 2 Nr. 7); Klage
    within one month (§ 74 VwGO). third_party: the neighbour served with the Baugenehmigung (§ 72 Abs. 2 Satz 2)."""
    court = letterhead.court_name.strip()
    address = letterhead.court_address.strip()
    first = (_("Gegen die Baugenehmigung kann innerhalb eines Monats nach ihrer Zustellung Klage erhoben werden.")
             if third_party else
             _("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden."))
    return " ".join([
        first,
        _("Die Klage ist bei dem %(court)s%(address)s schriftlich einzureichen oder zur Niederschrift der "
          "Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle zu erklären.") % {
            "court": court, "address": f", {address}," if address else ""},
        _("Die Klage kann auch durch Übertragung eines elektronischen Dokuments an die elektronische Poststelle "
          "des Gerichts erhoben werden. Das elektronische Dokument muss für die Bearbeitung durch das Gericht "
          "geeignet sein. Es muss mit einer qualifizierten elektronischen Signatur der verantwortenden Person "
          "versehen sein oder von der verantwortenden Person signiert und auf einem sicheren Übermittlungsweg "
          "gemäß § 55a Abs. 4 der Verwaltungsgerichtsordnung (VwGO) eingereicht werden. Die für die Übermittlung "
          "und Bearbeitung geltenden technischen Rahmenbedingungen bestimmen sich nach der "
          "Elektronischer-Rechtsverkehr-Verordnung (ERVV)."),
    ])
