from django.apps import AppConfig


class NeighboursConfig(AppConfig):
    name = "bauantrag.neighbours"
    label = "neighbours"
    verbose_name = "Beteiligung der Nachbarn und der Öffentlichkeit (§ 72 BauO NRW)"

    def ready(self) -> None:
        from bauantrag.neighbours.panels import workspace_panel
        from bauantrag.panels import Panel, register_panel

        register_panel("workspace", Panel(
            key="neighbours.overview", template="neighbours/panel.html", context=workspace_panel, order=55,
        ))
