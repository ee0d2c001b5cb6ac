from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "bauantrag.notifications"
    label = "notifications"
    verbose_name = "Benachrichtigungen"
