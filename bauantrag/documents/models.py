"""Uploaded Bauvorlagen. The stored file has a random name; the display name is sanitised."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScanStatus(models.TextChoices):
    CLEAN = "clean", _("auf Schadsoftware geprüft")
    NOT_SCANNED = "not_scanned", _("nicht auf Schadsoftware geprüft")


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Text wird noch gelesen")
    RUNNING = "running", _("Text wird gelesen")
    DONE = "done", _("Text gelesen")
    FAILED = "failed", _("Text nicht lesbar")
    NOT_APPLICABLE = "none", _("ohne Text (kein PDF oder Bild)")


class TextMethod(models.TextChoices):
    PDF_TEXT = "pdf_text", _("Textebene des PDF")
    OCR = "ocr", _("Texterkennung (OCR)")


class DocumentQuerySet(models.QuerySet["Document"]):
    def bauvorlagen(self) -> DocumentQuerySet:
        """The Bauvorlagen of the application, without the attachments of mailbox messages."""
        return self.filter(message_attachment__isnull=True)


class Document(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="documents")
    document_type = models.CharField(
        _("Art der Bauvorlage"), max_length=10,
        help_text=_("Schlüssel der XBau-Codeliste „vorlagenantragstellung“, z. B. 1803 Lageplan"),
    )
    display_name = models.CharField(_("Dateiname"), max_length=200)
    storage_name = models.CharField(max_length=80, unique=True, editable=False)
    content_type = models.CharField(max_length=60)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    round = models.PositiveSmallIntegerField(_("Einreichungsrunde"))
    inline_storage_name = models.CharField(
        max_length=80, blank=True, editable=False,
        help_text=_("Entschärfte Kopie für den Betrachter (ohne aktive Inhalte); leer, wenn keine nötig war"),
    )
    inline_sha256 = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text=_("SHA-256 der entschärften Kopie; leer bei Kopien, die vor dieser Prüfung gespeichert wurden"),
    )
    active_content = models.JSONField(
        _("Aktive Inhalte"), default=dict, blank=True,
        help_text=_("Gefundene aktive PDF-Inhalte mit Anzahl, z. B. {\"JavaScript\": 2}"),
    )
    scan_status = models.CharField(
        _("Virenprüfung"), max_length=20, choices=ScanStatus.choices, default=ScanStatus.NOT_SCANNED,
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    # Reading the text (documents.tasks), page by page; progress shown to applicant and clerk.
    text_status = models.CharField(
        _("Texterkennung"), max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_pages_total = models.PositiveIntegerField(_("Seiten"), null=True, blank=True)
    text_pages_done = models.PositiveIntegerField(_("Gelesene Seiten"), default=0)
    text_error = models.TextField(_("Fehler der Texterkennung"), blank=True)
    # The lease of the reading (bauantrag.celery.leases): the task that may read, its last sign of life.
    text_task_id = models.CharField(max_length=36, blank=True, editable=False)
    text_heartbeat_at = models.DateTimeField(default=timezone.now, editable=False)
    form_fields = models.JSONField(
        _("Ausgefüllte Formularfelder"), default=list, blank=True,
        help_text=_("Die ausgefüllten Felder eines PDF-Formulars (AcroForm): Name, Hinweistext, Wert, Seite"),
    )

    # What the classifier (assist.classification) thinks the document is: an XBau code like document_type.
    detected_type = models.CharField(_("Erkannte Art"), max_length=10, blank=True)
    detected_confidence = models.FloatField(_("Sicherheit der Erkennung"), null=True, blank=True)
    classifier_version = models.CharField(max_length=40, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at"]
        indexes = [  # the sweeper's question: which unread Bauvorlagen gave no sign of life for a while
            models.Index(fields=["text_heartbeat_at"], name="document_text_unfinished",
                         condition=models.Q(text_status__in=["pending", "running"])),
        ]
        verbose_name = _("Bauvorlage")
        verbose_name_plural = _("Bauvorlagen")

    def __str__(self) -> str:
        return self.display_name

    def viewer_copy(self) -> tuple[str, str | None]:
        """(storage name, SHA-256) of the file the viewer shows: the copy without active content if there is one
        (its hash None if it was stored before its hash was kept), else the original."""
        if self.inline_storage_name:
            return self.inline_storage_name, self.inline_sha256 or None
        return self.storage_name, self.sha256

    @property
    def active_content_summary(self) -> str:
        """E.g. "JavaScript (2), OpenAction (1)"."""
        return ", ".join(f"{name} ({count})" for name, count in sorted(self.active_content.items()))

    @property
    def is_scanned(self) -> bool:
        return self.scan_status == ScanStatus.CLEAN

    @property
    def text_status_label(self) -> str:
        """How far the text has been read, e.g. "Text wird gelesen: Seite 3 von 12" (documents.progress)."""
        from bauantrag.documents.progress import status_label

        return status_label(self)

    @property
    def text_in_progress(self) -> bool:
        return self.text_status in (TextStatus.PENDING, TextStatus.RUNNING)


class DocumentPage(models.Model):
    """The text of one page, for search, classification and extraction (with page and character spans)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(_("Seite"))  # 1-based
    text = models.TextField(blank=True)
    method = models.CharField(max_length=10, choices=TextMethod.choices)
    ocr_confidence = models.FloatField(null=True, blank=True, help_text=_("Mittlere Wortsicherheit der OCR, 0–100"))

    class Meta:
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_page_unique")]
        verbose_name = _("Seite einer Bauvorlage")
        verbose_name_plural = _("Seiten von Bauvorlagen")

    def __str__(self) -> str:
        return f"{self.document_id} S. {self.number}"
