from typing import cast

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeesConfig(AppConfig):
    name = "bauantrag.fees"
    label = "fees"
    verbose_name = "Gebühren"

    def ready(self) -> None:
        from bauantrag.accounts.models import Role
        from bauantrag.fees.panels import workspace_panel
        from bauantrag.panels import NavLink, Panel, register_link, register_panel

        register_panel("workspace", Panel(key="fees.assessment", template="fees/panel.html",
                                          context=workspace_panel, order=60))
        register_link(NavLink(key="fees.overview", label=cast(str, _("Gebühren")), url_name="fees:overview",
                              visible=lambda user: user.does_casework, order=58))
        register_link(NavLink(key="fees.tariff", label=cast(str, _("Gebührentarif")), url_name="fees:tariff",
                              visible=lambda user: user.role == Role.TENANT_ADMIN, order=59))
