from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bauantrag.accounts"
    label = "accounts"
    verbose_name = "Kommunen und Konten"

    def ready(self) -> None:
        from django.contrib import admin

        from bauantrag.accounts import (
            checks,  # noqa: F401  (registers the deployment checks)
            security_events,
        )
        from bauantrag.accounts.login import ThrottledAdminLoginForm

        admin.site.login_form = ThrottledAdminLoginForm  # /verwaltung/login/ counts with the site's login
        security_events.connect()  # logins, logouts and admin changes on the audit trail
