from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bauantrag.api"
    label = "api"
    verbose_name = "Schnittstelle"
