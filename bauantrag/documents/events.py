"""The audit events of Bauvorlagen (registered with the trail by bauantrag.audit.events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.audit.events import register_events


class DocumentEvent(models.TextChoices):
    DOCUMENT_UPLOADED = "document.uploaded", _("Bauvorlage hochgeladen")
    DOCUMENT_REJECTED = "document.rejected", _("Upload abgelehnt")
    DOCUMENT_DELETED = "document.deleted", _("Bauvorlage vor der Einreichung gelöscht")
    DOCUMENT_TEXT_READ = "document.text_read", _("Text der Bauvorlage gelesen")
    DOCUMENT_TEXT_FAILED = "document.text_failed", _("Texterkennung fehlgeschlagen")
    DOCUMENT_DAMAGED = "document.damaged", _("Gespeicherte Datei beschädigt")
    VIEWER_COPY_HASHED = "document.viewer_copy_hashed", _("Prüfsumme der entschärften Kopie nachgetragen")


register_events("documents", DocumentEvent, applicant_visible=(
    DocumentEvent.DOCUMENT_UPLOADED, DocumentEvent.DOCUMENT_REJECTED, DocumentEvent.DOCUMENT_DELETED,
))
