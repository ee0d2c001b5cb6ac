from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "bauantrag.documents"
    label = "documents"
    verbose_name = "Bauvorlagen"
