from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bauantrag.accounts"
    label = "accounts"
    verbose_name = "Kommunen und Konten"
