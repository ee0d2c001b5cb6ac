from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "bauantrag.audit"
    label = "audit"
    verbose_name = "Protokoll"
