from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "bauantrag.notifications"
    label = "notifications"
    verbose_name = "Benachrichtigungen"

    def ready(self) -> None:
        from bauantrag.cases.signals import case_event
        from bauantrag.notifications import receivers

        case_event.connect(receivers.on_case_event, dispatch_uid="notifications.case_event")
