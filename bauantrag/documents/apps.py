from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.http import HttpRequest

if TYPE_CHECKING:
    from bauantrag.cases.models import Case


def search_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The clerk's full-text search form on the case page, with how much of the text has been read."""
    from django.db.models import Count, Q

    from bauantrag.documents.models import TextStatus

    if not getattr(request.user, "does_casework", False):
        return None
    counts = case.documents.exclude(text_status=TextStatus.NOT_APPLICABLE).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(text_status=TextStatus.DONE)),
        running=Count("pk", filter=Q(text_status__in=(TextStatus.PENDING, TextStatus.RUNNING))),
        failed=Count("pk", filter=Q(text_status=TextStatus.FAILED)),
    )
    return {"case": case, **counts}


class DocumentsConfig(AppConfig):
    name = "bauantrag.documents"
    label = "documents"
    verbose_name = "Bauvorlagen"

    def ready(self) -> None:
        from bauantrag.cases import document_findings
        from bauantrag.celery.leases import SWEEPERS, Sweeper
        from bauantrag.documents import checks  # noqa: F401  (registers the deployment check of the virus scanner)
        from bauantrag.documents.pipeline import register_after_text
        from bauantrag.documents.tasks import requeue_stale_texts
        from bauantrag.panels import Panel, register_panel

        # Last step after a Bauvorlage's text is read: its findings join the case's latest finished pre-check.
        register_after_text("cases.document_findings", lambda document: document_findings.refresh(document.case),
                            order=900)

        SWEEPERS.register("documents.text", Sweeper(label="Bauvorlagen zum Lesen", requeue=requeue_stale_texts))

        register_panel("workspace", Panel(key="documents.search", template="documents/search_panel.html",
                                          context=search_panel, order=30))
