from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo (Stadt Musterstadt): seeds every app through its actions, so it stands above all of them."""

    name = "bauantrag.demo"
    label = "demo"
    verbose_name = "Demo"
