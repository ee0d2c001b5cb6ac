from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bauantrag.api"
    label = "api"
    verbose_name = "Schnittstelle"

    def ready(self) -> None:
        from typing import cast

        from django.utils.translation import gettext_lazy as _

        from bauantrag.accounts.models import Role
        from bauantrag.api import schema  # noqa: F401  (registers the OpenAPI extension)
        from bauantrag.panels import NavLink, register_link

        register_link(NavLink(key="api.tokens", label=cast(str, _("Schnittstelle")), url_name="api_tokens",
                              visible=lambda user: user.role == Role.TENANT_ADMIN, order=96))
