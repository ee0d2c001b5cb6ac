from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "bauantrag.cases"
    label = "cases"
    verbose_name = "Vorgänge"
