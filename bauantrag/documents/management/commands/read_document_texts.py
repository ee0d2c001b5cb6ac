"""``manage.py read_document_texts [--tenant SLUG] [--now]``: read the text of Bauvorlagen still waiting for it
(documents stored before text reading existed, the demo, or a failure to retry after fixing its cause)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bauantrag.accounts.command_input import tenant_by_slug
from bauantrag.celery.queueing import enqueue
from bauantrag.documents.models import Document, TextStatus
from bauantrag.documents.reading import read_document_text
from bauantrag.documents.tasks import read_text


class Command(BaseCommand):
    help = ("Liest den Text aller Bauvorlagen, deren Text noch nicht gelesen wurde oder nicht gelesen werden "
            "konnte (Textebene des PDF, sonst Texterkennung).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", metavar="KÜRZEL", help="nur die Bauvorlagen dieser Kommune (slug)")
        parser.add_argument("--now", action="store_true",
                            help="hier und jetzt lesen statt an den Hintergrund-Worker zu übergeben")
        parser.add_argument("--include-running", action="store_true",
                            help="auch Bauvorlagen, deren Lesen begonnen, aber nie beendet wurde (Worker abgestürzt)")

    def handle(self, *args: Any, **options: Any) -> None:
        statuses = [TextStatus.PENDING, TextStatus.FAILED]
        if options["include_running"]:
            statuses.append(TextStatus.RUNNING)
        documents = Document.objects.filter(text_status__in=statuses)
        if options["tenant"]:
            documents = documents.filter(tenant=tenant_by_slug(options["tenant"]))
        ids = [str(pk) for pk in documents.order_by("uploaded_at").values_list("pk", flat=True)]
        results: dict[str, int] = {}
        for document_id in ids:
            if options["now"]:
                status = read_document_text(document_id)
                results[status] = results.get(status, 0) + 1
            elif not enqueue(read_text, document_id):
                raise CommandError("Der Broker ist nicht erreichbar; bitte später erneut versuchen.")
        if options["now"]:
            summary = ", ".join(f"{TextStatus(s).label}: {n}" for s, n in sorted(results.items()) if s)
            self.stdout.write(f"{len(ids)} Bauvorlagen gelesen ({summary or 'keine'}).")
        else:
            self.stdout.write(f"{len(ids)} Bauvorlagen zum Lesen des Textes an den Hintergrund-Worker übergeben.")
