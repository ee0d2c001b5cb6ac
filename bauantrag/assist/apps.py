from django.apps import AppConfig


class AssistConfig(AppConfig):
    name = "bauantrag.assist"
    label = "assist"
    verbose_name = "Assistenz (Klassifikation, Auszüge, Zusammenfassung)"

    def ready(self) -> None:
        from bauantrag.assist.classification import wiring as classification_wiring  # noqa: F401
        from bauantrag.assist.extraction import wiring as extraction_wiring  # noqa: F401
        from bauantrag.assist.summary import wiring as summary_wiring  # noqa: F401
