from django.apps import AppConfig


class ParcelsConfig(AppConfig):
    name = "bauantrag.parcels"
    label = "parcels"
    verbose_name = "Flurstücke"
