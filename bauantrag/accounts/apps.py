from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bauantrag.accounts"
    label = "accounts"
    verbose_name = "Kommunen und Konten"

    def ready(self) -> None:
        from typing import cast

        from django.contrib import admin
        from django.utils.translation import gettext_lazy as _

        from bauantrag.accounts import (
            checks,  # noqa: F401  (registers the deployment checks)
            security_events,
        )
        from bauantrag.accounts.login import ThrottledAdminLoginForm
        from bauantrag.accounts.models import Role
        from bauantrag.panels import NavLink, register_link

        register_link(NavLink(key="accounts.staff", label=cast(str, _("Mitarbeitende")), url_name="staff_list",
                              visible=lambda user: user.role == Role.TENANT_ADMIN, order=95))
        admin.site.login_form = ThrottledAdminLoginForm  # /verwaltung/login/ counts with the site's login
        security_events.connect()  # logins, logouts and admin changes on the audit trail
