from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "bauantrag.cases"
    label = "cases"
    verbose_name = "Vorgänge"

    def ready(self) -> None:
        # Make the project's Celery app the current one in every Django process (web, shell, commands);
        # otherwise shared tasks fall back to Celery's default app and its default broker.
        from bauantrag import celery  # noqa: F401
        from bauantrag.cases import running_due

        running_due.connect()  # the stored running deadline of the queue (Case.running_due)
        from bauantrag.cases.tasks import requeue_stale_prechecks
        from bauantrag.celery.leases import SWEEPERS, Sweeper

        SWEEPERS.register("cases.precheck", Sweeper(label="Vorprüfungen", requeue=requeue_stale_prechecks))
