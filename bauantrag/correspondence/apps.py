from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "bauantrag.correspondence"
    label = "correspondence"
    verbose_name = "Postfach und Schreiben"
