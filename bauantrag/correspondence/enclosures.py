"""The approved Bauvorlagen of a Baugenehmigung, stamped and frozen when the Bescheid is sent.

``stamp_enclosures(letter, sent_at)`` runs inside ``send_letter``'s transaction: each Bauvorlage of the case
(the same list, in the same order, as the Bescheid's „Genehmigte Bauvorlagen“) is read from the encrypted store,
stamped on every page („Zur Baugenehmigung vom … Az. … gehörig“, authority, page) and written as a new encrypted
file; the original is never touched. A file that cannot be stamped stops the sending with a clear message, since
the Bescheid says the Bauvorlagen carry the Vermerk. With a seal certificate configured each stamped copy is sealed
(PAdES) like the Bescheid.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.correspondence import letter_context, signing, stamping
from bauantrag.correspondence.models import Enclosure
from bauantrag.documents import storage

if TYPE_CHECKING:
    from bauantrag.correspondence.models import Letter
    from bauantrag.documents.models import Document

IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff")


class EnclosureDamaged(ValidationError):
    """A Bauvorlage to be stamped failed its integrity check: the Baugenehmigung is not sent."""

    def __init__(self, document: Document) -> None:
        super().__init__(_(
            "Die gespeicherte Bauvorlage „%(name)s“ ist beschädigt oder wurde verändert. Die Baugenehmigung wird "
            "nicht versandt; der Betrieb ist informiert."
        ) % {"name": document.display_name})
        self.document = document


def vermerk_lines(letter: Letter, day: dt.date, number: int, total: int) -> list[str]:
    tenant = letter.tenant
    return [
        "Genehmigungsvermerk",
        f"Zur Baugenehmigung vom {day:%d.%m.%Y}",
        f"Az. {letter.case.file_number} gehörig",
        tenant.authority_name or tenant.name,
        f"Anlage {number} von {total}",
    ]


def _read(document: Document) -> bytes:
    handle = storage.open_for_read(document.tenant_id, document.storage_name, document.sha256)
    try:
        return handle.read()
    finally:
        handle.close()


def stamp_enclosures(letter: Letter, sent_at: dt.datetime) -> list[Enclosure]:
    """Stamp and store the approved Bauvorlagen of the letter's case; returns the Enclosure rows.

    The caller deletes ``written`` files if its transaction fails (see send_letter)."""
    from bauantrag.documents.models import Document

    day = timezone.localdate(sent_at)
    listed = letter_context.bauvorlagen(letter.case)
    documents = {d.sha256 + str(d.pk): d for d in Document.objects.filter(case=letter.case)}
    rows: list[Enclosure] = []
    written: list[str] = []
    try:
        for entry in listed:
            document = documents[str(entry["sha256"]) + str(entry["id"])]
            content_type = document.content_type
            if content_type != "application/pdf" and content_type not in IMAGE_TYPES:
                rows.append(Enclosure(
                    tenant_id=letter.tenant_id, letter=letter, number=entry["nummer"], document=document,
                    display_name=document.display_name, source_sha256=document.sha256, stamped=False,
                ))
                continue
            try:
                data = _read(document)
            except storage.DocumentTampered as exc:
                raise EnclosureDamaged(document) from exc
            if content_type in IMAGE_TYPES:
                data = stamping.image_to_pdf(data)
            try:
                stamped = stamping.stamp_pdf(data, vermerk_lines(letter, day, entry["nummer"], len(listed)))
            except stamping.StampError as exc:
                raise ValidationError(_(
                    "Die Bauvorlage „%(name)s“ kann nicht mit dem Genehmigungsvermerk versehen werden (%(error)s). "
                    "Bitte lassen Sie sie als PDF neu einreichen, bevor Sie die Baugenehmigung versenden."
                ) % {"name": document.display_name, "error": exc}) from exc
            output = stamped.data
            if signing.configured():  # the optional PAdES seal covers the Bauvorlagen as it covers the Bescheid
                output, _info = signing.seal(
                    output, reason=f"Genehmigungsvermerk Anlage {entry['nummer']} {letter.case.file_number}",
                    location=letter.tenant.name,
                )
            name, size, sha256 = storage.write(letter.tenant_id, iter([output]), ".pdf")
            written.append(name)
            rows.append(Enclosure(
                tenant_id=letter.tenant_id, letter=letter, number=entry["nummer"], document=document,
                display_name=document.display_name, source_sha256=document.sha256, stamped=True,
                storage_name=name, sha256=sha256, size=size, pages=stamped.pages, signed=signing.configured(),
            ))
        return Enclosure.objects.bulk_create(rows)
    except BaseException:
        for name in written:
            storage.delete(letter.tenant_id, name)
        raise
