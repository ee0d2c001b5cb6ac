"""``manage.py hash_viewer_copies``: store the SHA-256 of the viewer copies (PDFs without active content) written
before their hash was kept, so that the viewer checks them like every other file. Run once after the upgrade."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bauantrag.documents import storage
from bauantrag.documents.actions import hash_viewer_copy
from bauantrag.documents.models import Document


class Command(BaseCommand):
    help = "Trägt die Prüfsumme (SHA-256) der entschärften Kopien nach, die vor dieser Prüfung gespeichert wurden."

    def handle(self, *args: Any, **options: Any) -> None:
        pending = Document.objects.exclude(inline_storage_name="").filter(inline_sha256="").select_related("case")
        done = damaged = 0
        for document in pending.iterator():
            try:
                hash_viewer_copy(document)
            except (storage.DocumentTampered, FileNotFoundError) as exc:
                damaged += 1
                self.stderr.write(f"Bauvorlage {document.pk} ({document.display_name}): {exc}")
            else:
                done += 1
        self.stdout.write(f"{done} Prüfsummen nachgetragen, {damaged} Kopien beschädigt oder fehlend.")
