from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bauantrag.api"
    label = "api"
    verbose_name = "Schnittstelle"

    def ready(self) -> None:
        from bauantrag.api import schema  # noqa: F401  (registers the OpenAPI extension)
