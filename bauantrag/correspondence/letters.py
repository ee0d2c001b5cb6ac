"""The texts of the letters: subject and editable body per kind, filled with the case data, and the fixed legal
blocks (Rechtsbehelfsbelehrung, the § 71 Abs. 1 notice) that the PDF template appends and the clerk cannot edit."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.audit.service import jsonable as _jsonable
from bauantrag.correspondence.models import LetterKind

if TYPE_CHECKING:
    from bauantrag.cases.models import Case
    from bauantrag.correspondence.models import Letter, Letterhead

# § 71 Abs. 1 Satz 3 BauO NRW (2018, Fassung vom 30.06.2021): "Werden die Mängel innerhalb der Frist nicht
# behoben, gilt der Antrag als zurückgenommen." (Satz 2 is the request itself, "unter Nennung der Gründe".)
RUECKNAHME_NOTICE = (
    "Werden die Mängel nicht innerhalb der Frist behoben, gilt der Bauantrag als zurückgenommen "
    "(§ 71 Abs. 1 Satz 3 BauO NRW)."
)

NEBENBESTIMMUNG_KINDS = {
    "auflage": "Auflage",
    "bedingung": "Bedingung",
    "befristung": "Befristung",
    "auflagenvorbehalt": "Auflagenvorbehalt",
    "widerrufsvorbehalt": "Widerrufsvorbehalt",
    "hinweis": "Hinweis",
}


def jsonable(value: dict[str, Any]) -> dict[str, Any]:
    result = _jsonable(value)
    return result if isinstance(result, dict) else {}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def de_date(value: dt.date | dt.datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
        return f"{day:%d.%m.%Y}"
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%d.%m.%Y}"


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
        street = " ".join(p for p in (vorhaben.street, vorhaben.house_number) if p)
        town = " ".join(p for p in (vorhaben.postal_code, vorhaben.city) if p)
        address = ", ".join(p for p in (street, town) if p)
        parcel = ", ".join(
            p for p in (
                f"Gemarkung {vorhaben.gemarkung}" if vorhaben.gemarkung else "",
                f"Flur {vorhaben.flur}" if vorhaben.flur else "",
                f"Flurstück {vorhaben.flurstueck}" if vorhaben.flurstueck else "",
            ) if p
        )
        if parcel:
            address = f"{address} ({parcel})" if address else parcel
        description = " ".join((vorhaben.description or "").split())[:300]
        if vorhaben.procedure_requested:
            procedure = str(vorhaben.get_procedure_requested_display())
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
            kind, text = str(entry.get("kind") or "auflage").lower(), str(entry.get("text") or "")
        else:
            continue
        text = text.strip()
        if text:
            result.append({"kind": kind, "label": NEBENBESTIMMUNG_KINDS.get(kind, kind.capitalize()), "text": text})
    return result


def _items_text(items: list[dict[str, Any]]) -> str:
    lines = []
    for number, item in enumerate(items, start=1):
        title = str(item.get("title") or item.get("document_type") or "").strip()
        reason = str(item.get("reason") or "").strip()
        lines.append(f"{number}. {title}" + (f" – Grund: {reason}" if reason else ""))
    return "\n".join(lines)


def prefill(case: Case, kind: LetterKind, context: dict[str, Any]) -> tuple[str, str]:
    """Subject and body of a new draft. May add derived values to context (e.g. the Nachforderung's deadline)."""
    f = facts(case)
    subject_tail = f"Ihr Bauantrag, Aktenzeichen {f.file_number}"
    greeting = _("Sehr geehrte Damen und Herren,")
    closing = _("Mit freundlichen Grüßen")
    project = _("Bauvorhaben: %(description)s\nGrundstück: %(address)s") % {
        "description": f.description, "address": f.address,
    }
    if kind == LetterKind.EINGANGSBESTAETIGUNG:
        subject = _("Eingangsbestätigung – %(tail)s") % {"tail": subject_tail}
        due = de_date(case.completeness_due)
        body = "\n\n".join([
            greeting,
            _("Ihr Bauantrag ist am %(date)s bei der Bauaufsicht eingegangen. Er wird unter dem Aktenzeichen "
              "%(number)s geführt; bitte geben Sie es bei allen Rückfragen an.") % {
                "date": f.submitted, "number": f.file_number},
            project,
            _("Wir prüfen Ihren Antrag und die Bauvorlagen innerhalb von zehn Arbeitstagen nach Eingang auf "
              "Vollständigkeit (§ 71 Abs. 1 Satz 1 BauO NRW)%(due)s. Fehlt etwas, teilen wir es Ihnen mit.") % {
                "due": _(", also bis zum %(date)s") % {"date": due} if due else ""},
            _("Den Stand des Verfahrens können Sie jederzeit im Portal verfolgen."),
            closing,
        ])
    elif kind == LetterKind.NACHFORDERUNG:
        nachforderung = None
        if not context.get("items"):
            nachforderung = _open_nachforderung(case)
        if nachforderung is not None:
            context.setdefault("nachforderung_id", str(nachforderung.pk))
            context.setdefault("items", nachforderung.items)
            context.setdefault("deadline", nachforderung.deadline)
            context.setdefault("message", nachforderung.message)
        deadline = de_date(context.get("deadline"))
        subject = _("Nachforderung von Unterlagen – %(tail)s") % {"tail": subject_tail}
        parts = [
            greeting,
            _("bei der Prüfung Ihres Bauantrags auf Vollständigkeit (§ 71 Abs. 1 BauO NRW) haben wir die "
              "folgenden Mängel festgestellt:"),
            _items_text(list(context.get("items") or [])) or "—",
        ]
        if context.get("message"):
            parts.append(str(context["message"]))
        parts += [
            _("Bitte beheben Sie diese Mängel bis zum %(deadline)s und reichen Sie die Unterlagen über das "
              "Portal nach (§ 71 Abs. 1 Satz 2 BauO NRW).") % {"deadline": deadline or "—"},
            _("Bis dahin ruht die Prüfung Ihres Antrags."),
            closing,
        ]
        body = "\n\n".join(parts)
    elif kind == LetterKind.VOLLSTAENDIGKEIT:
        subject = _("Bestätigung der Vollständigkeit – %(tail)s") % {"tail": subject_tail}
        body = "\n\n".join([
            greeting,
            _("Ihr Bauantrag vom %(date)s ist mit den Bauvorlagen vollständig (§ 71 Abs. 1 BauO NRW).") % {
                "date": f.submitted},
            project,
            _("Wir beteiligen nun, soweit erforderlich, die Gemeinde und die Stellen, deren Aufgabenbereich "
              "berührt ist (§ 71 Abs. 2 und 3 BauO NRW), und prüfen Ihr Vorhaben. Über den Antrag entscheiden "
              "wir innerhalb von drei Monaten, im vereinfachten Baugenehmigungsverfahren innerhalb von sechs "
              "Wochen; die Frist beginnt, sobald die Bauvorlagen vollständig sind und alle für die Entscheidung "
              "notwendigen Stellungnahmen vorliegen (§ 71 Abs. 6 BauO NRW)."),
            _("Den Stand des Verfahrens können Sie jederzeit im Portal verfolgen."),
            closing,
        ])
    elif kind == LetterKind.ANHOERUNG:
        deadline = de_date(context.get("deadline"))
        subject = _("Anhörung – %(tail)s") % {"tail": subject_tail}
        body = "\n\n".join([
            greeting,
            project,
            _("nach derzeitigem Stand beabsichtige ich, Ihren Bauantrag abzulehnen, weil ... [Gründe "
              "einsetzen]."),
            _("Bevor ich entscheide, gebe ich Ihnen Gelegenheit, sich zu den für die Entscheidung erheblichen "
              "Tatsachen zu äußern (§ 28 Abs. 1 VwVfG NRW). Bitte nehmen Sie bis zum %(deadline)s Stellung, "
              "gern über das Postfach im Portal. Sie können Ihren Antrag bis dahin auch ändern oder "
              "zurücknehmen.") % {"deadline": deadline or "[Frist]"},
            closing,
        ])
    elif kind == LetterKind.BETEILIGUNG:
        deadline = de_date(context.get("deadline"))
        subject = _("Beteiligung nach § 71 Abs. 3 BauO NRW – Aktenzeichen %(number)s") % {"number": f.file_number}
        body = "\n\n".join([
            *([_("An: %(agency)s") % {"agency": context["agency_name"]}] if context.get("agency_name") else []),
            greeting,
            _("zu dem folgenden Bauantrag bitte ich um Ihre Stellungnahme, soweit Ihr Aufgabenbereich berührt "
              "ist (§ 71 Abs. 3 BauO NRW):"),
            _("Aktenzeichen: %(number)s\nBauherrschaft: %(bauherr)s\n%(project)s") % {
                "number": f.file_number, "bauherr": f.bauherr, "project": project},
            _("Die Bauvorlagen stehen Ihnen im Portal zur Verfügung. Bitte geben Sie Ihre Stellungnahme bis zum "
              "%(deadline)s ab. Äußern Sie sich nicht fristgemäß, kann die Bauaufsichtsbehörde davon ausgehen, "
              "dass Bedenken nicht bestehen (§ 71 Abs. 4 Satz 3 BauO NRW).") % {"deadline": deadline or "[Frist]"},
            closing,
        ])
    elif kind == LetterKind.BAUGENEHMIGUNG:
        subject = _("Baugenehmigung – %(tail)s") % {"tail": subject_tail}
        conditions = nebenbestimmungen(context)
        parts = [
            greeting,
            _("auf Ihren Antrag vom %(date)s erteile ich Ihnen die") % {"date": f.submitted},
            _("BAUGENEHMIGUNG"),
            _("für das folgende Vorhaben:\n%(project)s\nBauherrschaft: %(bauherr)s%(procedure)s") % {
                "project": project, "bauherr": f.bauherr,
                "procedure": f"\nVerfahren: {f.procedure}" if f.procedure else ""},
            _("Die mit Prüfvermerk versehenen Bauvorlagen sind Bestandteil dieser Baugenehmigung."),
        ]
        if conditions:
            lines = [f"{n}. {c['label']}: {c['text']}" for n, c in enumerate(conditions, start=1)]
            parts.append(_("Nebenbestimmungen") + "\n" + "\n".join(lines))
        parts += [
            _("Hinweise\nDie Baugenehmigung wird unbeschadet der privaten Rechte Dritter erteilt. Sie erlischt, "
              "wenn innerhalb von drei Jahren nach ihrer Erteilung mit der Ausführung des Vorhabens nicht "
              "begonnen oder die Bauausführung ein Jahr unterbrochen worden ist."),
            closing,
        ]
        body = "\n\n".join(parts)
    elif kind == LetterKind.ABLEHNUNG:
        subject = _("Ablehnung des Bauantrags – %(tail)s") % {"tail": subject_tail}
        body = "\n\n".join([
            greeting,
            _("Ihren Antrag vom %(date)s auf Erteilung einer Baugenehmigung für das folgende Vorhaben lehne ich "
              "ab:") % {"date": f.submitted},
            project,
            _("Begründung\n%(reasons)s") % {"reasons": str(context.get("reasons") or "[Gründe einsetzen]")},
            closing,
        ])
    elif kind == LetterKind.RUECKNAHME:
        subject = _("Bestätigung der Rücknahme – %(tail)s") % {"tail": subject_tail}
        reason = str(context.get("reason") or "")
        if reason == "fiction":
            statement = _("Die mit der Nachforderung gesetzte Frist ist abgelaufen, ohne dass die Mängel behoben "
                          "wurden. Ihr Bauantrag gilt daher als zurückgenommen (§ 71 Abs. 1 Satz 3 BauO NRW).")
        else:
            statement = _("hiermit bestätige ich, dass Sie Ihren Bauantrag zurückgenommen haben. Das Verfahren "
                          "ist damit beendet.")
        body = "\n\n".join([greeting, statement, project, closing])
    elif kind == LetterKind.SONSTIGES:
        subject = _("Ihr Bauantrag, Aktenzeichen %(number)s") % {"number": f.file_number}
        body = "\n\n".join([greeting, project, _("[Text]"), closing])
    else:  # pragma: no cover - LetterKind is closed
        raise ValueError(kind)
    return subject, body


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
    return []


def rechtsbehelfsbelehrung(letterhead: Letterhead) -> str:
    """NRW: no Widerspruchsverfahren (§ 110 Abs. 1 JustG NRW); Klage within one month (§ 74 VwGO)."""
    court = letterhead.court_name.strip()
    address = letterhead.court_address.strip()
    return " ".join([
        _("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden."),
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
