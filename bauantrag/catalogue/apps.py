from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "bauantrag.catalogue"
    label = "catalogue"
    verbose_name = "Regelkatalog"
