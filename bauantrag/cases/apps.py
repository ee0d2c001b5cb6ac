from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "bauantrag.cases"
    label = "cases"
    verbose_name = "Vorgänge"

    def ready(self) -> None:
        # Make the project's Celery app the current one in every Django process (web, shell, commands);
        # otherwise shared tasks fall back to Celery's default app and its default broker.
        from bauantrag import celery  # noqa: F401
        from bauantrag.cases import document_findings
        from bauantrag.documents.pipeline import register_after_text

        # Last step after a Bauvorlage's text is read: its findings join the latest finished pre-check.
        register_after_text("cases.document_findings", lambda document: document_findings.refresh(document.case),
                            order=900)

        # Deadlines and decision: the panel on both case pages, and the Bescheid deciding the case when sent.
        from bauantrag.cases import decision, panels
        from bauantrag.panels import Panel, register_panel

        register_panel("workspace", Panel(key="cases.decision", template="cases/panel_workspace.html",
                                          context=panels.workspace_context, order=25))
        register_panel("portal", Panel(key="cases.decision", template="cases/panel_portal.html",
                                       context=panels.portal_context, order=25))
        decision.register_hooks()
