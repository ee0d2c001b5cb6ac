from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "bauantrag.plans"
    label = "plans"
    verbose_name = "Bebauungspläne"
