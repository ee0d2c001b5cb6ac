from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bauantrag.reports"
    label = "reports"
    verbose_name = "Statistik"

    def ready(self) -> None:
        from typing import cast

        from django.utils.translation import gettext_lazy as _

        from bauantrag.panels import NavLink, register_link

        register_link(NavLink(
            key="reports", label=cast(str, _("Statistik")), url_name="reports:overview",
            visible=lambda user: getattr(user, "role", None) == "tenant_admin", order=60,
        ))  # fmt: skip
