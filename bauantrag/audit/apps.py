from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class AuditConfig(AppConfig):
    name = "bauantrag.audit"
    label = "audit"
    verbose_name = "Protokoll"

    def ready(self) -> None:
        from celery.signals import task_postrun, task_prerun

        from bauantrag.audit import context

        # Each app's events.py registers its event types (audit/events.py).
        autodiscover_modules("events")
        # A background task's audit rows carry its task id (a request's: audit.middleware).
        task_prerun.connect(context.task_started, dispatch_uid="audit.task_started")
        task_postrun.connect(context.task_finished, dispatch_uid="audit.task_finished")
