from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "bauantrag.portal"
    label = "portal"
    verbose_name = "Antragsportal"
