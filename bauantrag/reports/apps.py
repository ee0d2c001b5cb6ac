from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bauantrag.reports"
    label = "reports"
    verbose_name = "Statistik"
