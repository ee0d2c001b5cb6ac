"""Bauvorlagen: upload input and metadata output. The stored file name never leaves the server."""

from __future__ import annotations

from functools import cache

from django.urls import reverse
from rest_framework import serializers

from bauantrag.api.serializers.common import StrictSerializer
from bauantrag.documents.models import Document, ScanStatus, TextStatus


@cache
def document_type_names() -> dict[str, str]:
    from bauantrag.formats.xbau_codelist import document_types

    return {code: str(name) for code, name in document_types()}


class DocumentUploadSerializer(StrictSerializer):
    file = serializers.FileField(
        allow_empty_file=True, use_url=False,
        help_text="Die Datei (PDF, PNG, JPEG, TIFF oder IFC); ihr Inhalt entscheidet, nicht die Endung",
    )
    document_type = serializers.CharField(
        max_length=10,
        help_text="Schlüssel der XBau-Codeliste „vorlagenantragstellung“, z. B. 1803 (Lageplan)",
    )


class DocumentLinksSerializer(serializers.Serializer[Document]):
    self = serializers.SerializerMethodField()
    content = serializers.SerializerMethodField()

    def get_self(self, document: Document) -> str:
        return reverse("api:document-detail", kwargs={"document_id": document.pk})

    def get_content(self, document: Document) -> str:
        return reverse("api:document-content", kwargs={"document_id": document.pk})


class DocumentSerializer(serializers.Serializer[Document]):
    id = serializers.UUIDField(read_only=True)
    case_id = serializers.UUIDField(read_only=True)
    document_type = serializers.CharField(read_only=True)
    document_type_label = serializers.SerializerMethodField()
    display_name = serializers.CharField(read_only=True, help_text="Bereinigter Dateiname")
    content_type = serializers.CharField(read_only=True, help_text="Nach dem Inhalt erkannter Medientyp")
    size = serializers.IntegerField(read_only=True, help_text="Größe in Bytes")
    sha256 = serializers.CharField(read_only=True)
    round = serializers.IntegerField(read_only=True, help_text="Einreichungsrunde, zu der die Datei gehört")
    uploaded_at = serializers.DateTimeField(read_only=True)
    scan_status = serializers.ChoiceField(
        choices=ScanStatus.choices, read_only=True, help_text="Ob die Datei auf Schadsoftware geprüft wurde",
    )
    active_content = serializers.DictField(
        child=serializers.IntegerField(), read_only=True,
        help_text="Gefundene (und in der Ansichtskopie entfernte) aktive PDF-Inhalte mit Anzahl, "
                  "z. B. {\"JavaScript\": 2}",
    )
    text_status = serializers.ChoiceField(
        choices=TextStatus.choices, read_only=True,
        help_text="Stand des Textlesens: pending, running, done, failed oder none (kein PDF oder Bild)",
    )
    text_pages_total = serializers.IntegerField(read_only=True, allow_null=True,
                                                help_text="Seitenzahl, sobald bekannt")
    text_pages_done = serializers.IntegerField(read_only=True, help_text="Bereits gelesene Seiten")
    detected_type = serializers.CharField(
        read_only=True, help_text="Vom Assistenten erkannte Art (XBau-Schlüssel), leer solange unbekannt",
    )
    links = DocumentLinksSerializer(source="*", read_only=True)

    def get_document_type_label(self, document: Document) -> str:
        return document_type_names().get(document.document_type, document.document_type)
