from typing import cast

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeteiligungConfig(AppConfig):
    name = "bauantrag.beteiligung"
    label = "beteiligung"
    verbose_name = "Beteiligung der Fachstellen"

    def ready(self) -> None:
        from bauantrag.accounts.models import Role
        from bauantrag.beteiligung import letters
        from bauantrag.beteiligung.panels import workspace_panel
        from bauantrag.panels import NavLink, Panel, register_link, register_panel

        register_panel("workspace", Panel(
            key="beteiligung.results", template="beteiligung/panel.html", context=workspace_panel, order=50,
        ))
        register_link(NavLink(
            key="beteiligung.inbox", label=cast(str, _("Beteiligungen")), url_name="beteiligung:inbox",
            visible=lambda user: user.role == Role.AGENCY or user.does_casework, order=50,
        ))
        register_link(NavLink(
            key="beteiligung.fachstellen", label=cast(str, _("Fachstellen")), url_name="beteiligung:fachstellen",
            visible=lambda user: user.role == Role.TENANT_ADMIN, order=55,
        ))
        letters.register()  # members of the asked Fachstelle may open the sent Beteiligungsschreiben

        from bauantrag.beteiligung.results import deadlines_for_cases, earliest_open_deadline
        from bauantrag.cases.deadlines import register_deadline_source

        # the open requests in the queue
        register_deadline_source("beteiligung.requests", deadlines_for_cases, due=earliest_open_deadline)
        from django.db.models.signals import post_delete, post_save

        from bauantrag.beteiligung.models import Beteiligung
        from bauantrag.beteiligung.results import store_running_due

        # the case's stored running deadline (cases/running_due.py) follows its Beteiligungen
        post_save.connect(store_running_due, sender=Beteiligung, dispatch_uid="beteiligung.running_due")
        post_delete.connect(store_running_due, sender=Beteiligung, dispatch_uid="beteiligung.running_due_deleted")

        from bauantrag.beteiligung.deadlines import hearings_for_case
        from bauantrag.cases.entscheidungsfrist import register_hearing_source

        register_hearing_source("beteiligung.requests", hearings_for_case)  # the decision date (§ 71 Abs. 6 BauO NRW)

        from bauantrag.beteiligung.results import conditions_for_case
        from bauantrag.decision.actions import CONDITION_SOURCES

        CONDITION_SOURCES.register("beteiligung.stellungnahmen", conditions_for_case)  # proposed for the Bescheid

        from bauantrag.beteiligung.receivers import close_open_beteiligungen
        from bauantrag.cases.signals import case_event

        case_event.connect(close_open_beteiligungen, dispatch_uid="beteiligung.close_open_beteiligungen")
