"""Rendering a letter to PDF with WeasyPrint: HTML template with the Kommune's letterhead, fonts embedded,
PDF/A-3a (tagged) where WeasyPrint can produce it, sealed with PAdES when a certificate is configured.

The HTML is produced by a Django template with autoescaping: the letter's text is plain text (paragraphs and
line breaks), never HTML. WeasyPrint may fetch nothing (no network, no files): only data: URLs are allowed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils import timezone

from bauantrag.correspondence import letter_context, letters, signing

if TYPE_CHECKING:
    from bauantrag.accounts.models import Tenant, User
    from bauantrag.correspondence.models import Letter, Letterhead

logger = logging.getLogger("bauantrag.correspondence")

PDF_VARIANT = "pdf/a-3a"


@dataclass
class Rendered:
    data: bytes
    variant: str
    signed: bool = False
    signature_info: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def letterhead_for(tenant: Tenant) -> Letterhead:
    """The tenant's letterhead, or an unsaved default one built from the Tenant's names."""
    from bauantrag.correspondence.models import Letterhead

    try:
        return Letterhead.objects.get(tenant=tenant)
    except Letterhead.DoesNotExist:
        return Letterhead(tenant=tenant)


def paragraphs(text: str) -> list[dict[str, Any]]:
    """Plain text → paragraphs (blank-line separated) of lines. A short first line without final punctuation
    that is followed by more lines ("Nebenbestimmungen", "Begründung") or written in capitals is a heading; a
    labelled line ("Bauvorhaben: Carport") never is."""
    result = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.strip("\n").split("\n")]
        if not "".join(lines).strip():
            continue
        first = lines[0].strip()
        is_heading = (len(first) <= 40 and first[-1:] not in ".,:;!?" and ":" not in first
                      and (len(lines) > 1 or first.isupper()))
        result.append({"heading": first if is_heading else "", "lines": lines[1:] if is_heading else lines})
    return result


def letter_html(letter: Letter, *, sent_at: dt.datetime | None, sender: User | None, sealed: bool) -> str:
    letterhead = letterhead_for(letter.tenant)
    case = letter.case
    facts = letters.facts(case)
    date = timezone.localdate(sent_at) if sent_at else timezone.localdate()
    if letter.recipient == "applicant":
        vorhaben = getattr(case, "vorhaben", None)
        recipient_lines = [facts.bauherr, *letter_context.postal_address(vorhaben)]
        designer = letter_context.designer_lines(vorhaben)
        if not designer and case.designer_id and case.designer is not None:
            designer = [case.designer.display_name()]
        copy_to = f"Nachrichtlich: {', '.join(designer)} (Entwurfsverfasser/in)" if designer else ""
        delivery = "Elektronisch zugestellt über das Postfach des Bauantrags-Portals"
    elif letter.recipient == "neighbour":
        recipient_lines = [str(letter.context.get("nachbar_name") or ""),
                           *[str(line) for line in letter.context.get("nachbar_anschrift") or []]]
        copy_to = ""
        delivery = "Gegen Zustellungsurkunde"
    elif letter.recipient == "public":
        recipient_lines = ["Öffentliche Bekanntmachung"]
        copy_to = ""
        delivery = str(letter.context.get("veroeffentlichung") or "Zur Veröffentlichung (§ 72 Abs. 3 Satz 1 BauO NRW)")
    else:
        recipient_lines = [str(letter.context.get("agency_name") or "Fachstelle")]
        copy_to = ""
        delivery = "Elektronisch übermittelt über das Bauantrags-Portal"
    context = {
        "letter": letter,
        "tenant": letter.tenant,
        "letterhead": letterhead,
        "facts": facts,
        "date": letters.de_date(date),
        "recipient_lines": recipient_lines,
        "delivery": delivery,
        "copy_to": copy_to,
        "paragraphs": paragraphs(letter.body),
        "legal_blocks": letters.legal_blocks(letter, letterhead),
        "sender_name": sender.display_name() if sender is not None else "",
        "signatory": letterhead.signatory or "Im Auftrag",
        "sealed": sealed,
        "draft": sent_at is None,
        "sent_at": sent_at,
    }
    return render_to_string("correspondence/letter_pdf.html", context)


def html_to_pdf(html: str, *, title: str, variant: str = PDF_VARIANT) -> bytes:
    weasyprint = importlib.import_module("weasyprint")  # untyped package: Any on purpose
    urls = importlib.import_module("weasyprint.urls")

    fetcher = urls.URLFetcher(allowed_protocols=["data"], allow_redirects=False)
    document = weasyprint.HTML(string=html, base_url="data:,", url_fetcher=fetcher)
    data = document.write_pdf(pdf_variant=variant, custom_metadata=False, uncompressed_pdf=False)
    assert isinstance(data, bytes)
    return data


def render_letter(letter: Letter, *, sent_at: dt.datetime | None, sender: User | None) -> Rendered:
    """The final PDF of the letter (or a preview of a draft when sent_at is None: never sealed)."""
    started = time.perf_counter()
    seal = signing.configured() and sent_at is not None
    html = letter_html(letter, sent_at=sent_at, sender=sender, sealed=seal)
    data = html_to_pdf(html, title=letter.subject)
    rendered = Rendered(data=data, variant=PDF_VARIANT)
    if seal:
        rendered.data, rendered.signature_info = signing.seal(
            data, reason=f"{letter.get_kind_display()} {letter.case.file_number}",
            location=letter.tenant.name,
        )
        rendered.signed = True
    rendered.seconds = time.perf_counter() - started
    logger.info("Schreiben %s als PDF erzeugt in %.2f s (%d Bytes, gesiegelt: %s)",
                letter.pk, rendered.seconds, len(rendered.data), rendered.signed)
    return rendered
