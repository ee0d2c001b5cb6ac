from django.apps import AppConfig


class BeteiligungConfig(AppConfig):
    name = "bauantrag.beteiligung"
    label = "beteiligung"
    verbose_name = "Beteiligung der Fachstellen"
