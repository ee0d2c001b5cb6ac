from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "bauantrag.correspondence"
    label = "correspondence"
    verbose_name = "Postfach und Schreiben"

    def ready(self) -> None:
        from bauantrag.cases.signals import case_event
        from bauantrag.correspondence import receivers, wiring

        case_event.connect(receivers.on_case_event, dispatch_uid="correspondence.case_event")
        wiring.register()
