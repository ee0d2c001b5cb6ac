from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "bauantrag.workspace"
    label = "workspace"
    verbose_name = "Sachbearbeitung"
