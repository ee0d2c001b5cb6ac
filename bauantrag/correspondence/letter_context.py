"""The values a letter template sees: plain strings, dates, numbers, lists and dicts, named in German for the
Kommune that edits the templates (the edit page lists them). No model instance reaches a template.

``build(case, kind, context)`` reads the case and the letter's own context (Nachforderung items, deadline,
Nebenbestimmungen, reasons) that the caller stored on the letter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from bauantrag.cases import display
from bauantrag.cases.models import Decision
from bauantrag.correspondence import letter_facts, reasons

if TYPE_CHECKING:
    from bauantrag.cases.models import Case, Vorhaben

#: Kinds of Nebenbestimmungen (§ 36 VwVfG NRW) in the order a Bescheid lists them, with the group's heading.
CONDITION_GROUPS = (
    ("bedingung", "Bedingung", "Bedingungen"),
    ("befristung", "Befristung", "Befristungen"),
    ("auflage", "Auflage", "Auflagen"),
    ("auflagenvorbehalt", "Auflagenvorbehalt", "Auflagenvorbehalte"),
    ("widerrufsvorbehalt", "Widerrufsvorbehalt", "Widerrufsvorbehalte"),
    ("hinweis", "Hinweis", "Hinweise"),
)
_CONDITION_KINDS = frozenset(kind for kind, _label, _heading in CONDITION_GROUPS)
#: "Dem Vorhaben stehen keine Vorschriften entgegen, die im … zu prüfen sind" - the procedure in the dative.
IN_PROCEDURE = {
    "genehmigungsfreistellung": "in der Genehmigungsfreistellung (§ 63 BauO NRW)",
    "vereinfachtes_verfahren": "im vereinfachten Baugenehmigungsverfahren (§ 64 BauO NRW)",
    "baugenehmigungsverfahren": "im Baugenehmigungsverfahren (§ 65 BauO NRW)",
}
_ORGANISATION = re.compile(
    r"\b(GmbH|AG|KG|OHG|eG|e\.\s?V\.|GbR|UG|mbH|Stiftung|Stadt|Gemeinde|Kreis|Land|Bund|Kirchengemeinde|"
    r"Genossenschaft|Verein|Gesellschaft|Partnerschaft|Erbengemeinschaft)\b"
)
_TITLES = ("Dr.", "Prof.", "Dipl.-Ing.")


def salutation(name: str, anrede: str) -> str:
    """One salutation line: named where the person and the form of address are known."""
    words = name.split()
    if anrede in ("frau", "herr") and words:
        titles = [w for w in words[:-1] if w in _TITLES and w != "Dipl.-Ing."]
        surname = " ".join([*titles, words[-1]])
        return f"Sehr geehrte Frau {surname}," if anrede == "frau" else f"Sehr geehrter Herr {surname},"
    if words and not _ORGANISATION.search(name) and len(words) <= 4:
        return f"Guten Tag {name},"
    return "Sehr geehrte Damen und Herren,"


def _lines(*parts: str) -> list[str]:
    return [p for p in (part.strip() for part in parts) if p]


def postal_address(vorhaben: Vorhaben | None) -> list[str]:
    """The Bauherrschaft's postal address lines (without the name); empty when the form has none."""
    if vorhaben is None:
        return []
    return _lines(vorhaben.bauherr_street, f"{vorhaben.bauherr_postal_code} {vorhaben.bauherr_city}")


def designer_lines(vorhaben: Vorhaben | None) -> list[str]:
    if vorhaben is None or not vorhaben.designer_name.strip():
        return []
    return _lines(vorhaben.designer_name, vorhaben.designer_street,
                  f"{vorhaben.designer_postal_code} {vorhaben.designer_city}")


def site(vorhaben: Vorhaben | None) -> str:
    """„Lindenweg 12, 59423 Unna (Gemarkung Unna, Flur 7, Flurstück 123/4)“: where the Vorhaben is."""
    if vorhaben is None:
        return ""
    address = vorhaben.address_line()
    parcel = ", ".join(p for p in (
        f"Gemarkung {vorhaben.gemarkung}" if vorhaben.gemarkung else "",
        f"Flur {vorhaben.flur}" if vorhaben.flur else "",
        f"Flurstück {vorhaben.flurstueck}" if vorhaben.flurstueck else "",
    ) if p)
    return f"{address} ({parcel})" if address and parcel else address or parcel


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def nachforderung_items(case: Case, items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """[{titel, grund}]: the reason of an item taken from a completeness finding is rewritten in letter language
    (what, why, which paragraph in which Fassung); a reason the clerk typed stays as typed."""
    from bauantrag.cases.models import Finding

    finding_ids = [str(item.get("finding") or "") for item in items if item.get("finding")]
    findings = {str(f.pk): f for f in Finding.objects.filter(pk__in=finding_ids, tenant_id=case.tenant_id)}
    result = []
    for item in items:
        title = str(item.get("title") or "").strip()
        reason = str(item.get("reason") or "").strip()
        finding = findings.get(str(item.get("finding") or ""))
        if finding is not None and reason in ("", finding.message.strip()):
            reason = reasons.reason_for(finding)
        if title or reason:
            result.append({"titel": title, "grund": reason})
    return result


def condition_kind(entry: dict[str, Any]) -> str:
    """The entry's kind as CONDITION_GROUPS names it ("Auflage" → "auflage"); unknown or missing: an Auflage, so
    that no Nebenbestimmung the send check expects is left out of the Bescheid."""
    kind = str(entry.get("kind") or "auflage").lower()
    return kind if kind in _CONDITION_KINDS else "auflage"


def conditions(entries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(flat list, groups) of the Nebenbestimmungen, numbered through in the order of CONDITION_GROUPS."""
    flat: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    for kind, label, heading in CONDITION_GROUPS:
        rows = [e for e in entries if condition_kind(e) == kind and str(e.get("text") or "").strip()]
        if not rows:
            continue
        members: list[dict[str, Any]] = []
        for row in rows:
            entry = {
                "nummer": len(flat) + 1, "art": label, "text": str(row["text"]).strip(),
                "rechtsgrundlage": str(row.get("legal_basis") or "").strip(),
                "begruendung": str(row.get("reason") or "").strip(),
                "fachstelle": str(row.get("fachstelle") or "").strip(),
            }
            flat.append(entry)
            members.append(entry)
        groups.append({"art": heading, "eintraege": members})
    return flat, groups


def bauvorlagen(case: Case) -> list[dict[str, Any]]:
    """The Bauvorlagen of the case (not the attachments of messages), as the Bescheid lists them."""
    from bauantrag.formats.xbau_codelist import document_types

    names = dict(document_types())
    documents = case.documents.filter(message_attachment__isnull=True).order_by("document_type", "uploaded_at")
    return [
        {"nummer": n, "id": str(d.pk), "titel": d.display_name, "art": names.get(d.document_type, "Bauvorlage"),
         "eingereicht": timezone.localdate(d.uploaded_at), "sha256": d.sha256}
        for n, d in enumerate(documents, start=1)
    ]


def _law_name(law: Any, key: str) -> str:
    entry = law.get(key) if isinstance(law, dict) else None
    return str(entry.get("name") or "") if isinstance(entry, dict) else ""


def build(case: Case, kind: str, context: dict[str, Any]) -> dict[str, Any]:
    """Everything a template of this kind may use (see the list on the template page)."""
    vorhaben = getattr(case, "vorhaben", None)
    name = (getattr(vorhaben, "bauherr_name", "") or "").strip() or case.applicant.display_name()
    run = display.latest_run(case)
    agency = str(context.get("agency_name") or "").strip()
    values: dict[str, Any] = {
        "aktenzeichen": case.file_number or "—",
        "heute": timezone.localdate(),
        "bauherrschaft": name,
        "anschrift": postal_address(vorhaben),
        "anrede": "Sehr geehrte Damen und Herren," if agency else salutation(
            name, getattr(vorhaben, "bauherr_anrede", "") or ""),
        "vorhaben": " ".join((getattr(vorhaben, "description", "") or "").split())[:300] or "—",
        "grundstueck": site(vorhaben) or "—",
        "verfahren": display.procedure_label(run),
        "im_verfahren": IN_PROCEDURE.get(run.procedure if run is not None else "", ""),
        "bauo_fassung": _law_name(run.law if run is not None else None, "bauo_nrw"),
        "eingang": _date(case.submitted_at),
        "vollstaendig_seit": _date(case.completed_at),
        "pruefung_bis": case.completeness_due,
        "frist": _date(context.get("deadline")),
        "fachstelle": agency,
        "hinweise": str(context.get("message") or "").strip(),
    }
    if kind == "nachforderung":
        values["unterlagen"] = nachforderung_items(case, list(context.get("items") or []))
    if kind == "vollstaendigkeit":
        values["entscheidungsfrist"] = letter_facts.decision_date(case)
    if kind == "baugenehmigung":
        entries = [{"kind": "auflage", "text": e} if isinstance(e, str) else e
                   for e in context.get("nebenbestimmungen") or [] if isinstance(e, str | dict)]
        values["nebenbestimmungen"], groups = conditions(entries)
        values["nebenbestimmungen_gruppen"] = [g for g in groups if g["art"] != "Hinweise"]
        values["hinweise_liste"] = [e for g in groups if g["art"] == "Hinweise" for e in g["eintraege"]]
        values["bauvorlagen"] = bauvorlagen(case)
        values["gebuehren"] = letter_facts.fees(case, Decision.APPROVED)
    if kind == "ablehnung":
        values["begruendung"] = str(context.get("reasons") or "").strip()
        values["anhoerung_erfolgt"] = bool(context.get("anhoerung_sent"))
        values["gebuehren"] = letter_facts.fees(case, Decision.REFUSED)
    if kind == "ruecknahme":
        values["ruecknahme_fiktion"] = context.get("reason") == "fiction"
    if kind in ("nachbar_benachrichtigung", "nachbar_zustellung", "bekanntmachung"):
        values.update(neighbour_values(context))
        if kind != "bekanntmachung":
            values["anrede"] = salutation(values["nachbar"], str(context.get("nachbar_anrede") or ""))
    return values


def neighbour_values(context: dict[str, Any]) -> dict[str, Any]:
    """§ 72 BauO NRW letters: the neighbour, the period, the Bekanntmachung's dates. Without the names of the
    Bauherrschaft and the Entwurfsverfasser/in (§ 72 Abs. 1 Satz 2): the default texts do not use them."""
    return {
        "nachbar": str(context.get("nachbar_name") or "").strip(),
        "nachbar_anschrift": [str(line) for line in context.get("nachbar_anschrift") or [] if str(line).strip()],
        "nachbar_flurstueck": str(context.get("nachbar_flurstueck") or "").strip(),
        "abweichungen": str(context.get("abweichungen") or "").strip(),
        "einwendungsfrist": str(context.get("frist_laenge") or "einem Monat"),
        "ausschluss": bool(context.get("ausschluss", True)),
        "bescheid_datum": _date(context.get("bescheid_datum")),
        "bekanntmachung_art": str(context.get("art") or ""),
        "bekanntmachung_tag": _date(context.get("bekanntmachung")),
        "auslegung_von": _date(context.get("auslegung_von")),
        "auslegung_bis": _date(context.get("auslegung_bis")),
        "einwendungen_bis": _date(context.get("einwendungen_bis")),
        "einsicht_ort": str(context.get("einsicht_ort") or "").strip(),
    }
