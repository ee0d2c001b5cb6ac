from typing import cast

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionConfig(AppConfig):
    """The end of the procedure: the Bescheid (through the correspondence app), the withdrawal, the closed case.
    Sits above cases and correspondence; the Beteiligung adds its Nebenbestimmungen through CONDITION_SOURCES."""

    name = "bauantrag.decision"
    label = "decision"
    verbose_name = "Entscheidung"

    def ready(self) -> None:
        from bauantrag.accounts.models import Role
        from bauantrag.correspondence.hooks import register_on_letter_sent
        from bauantrag.decision import actions, events, panels  # noqa: F401 - events registers the audit codes
        from bauantrag.panels import NavLink, Panel, register_link, register_panel

        register_panel("workspace", Panel(key="decision.deadlines", template="decision/panel_workspace.html",
                                          context=panels.workspace_context, order=25))
        register_panel("portal", Panel(key="decision.deadlines", template="decision/panel_portal.html",
                                       context=panels.portal_context, order=25))
        # A sent Bescheid decides the case; a sent Rücknahme confirmation is linked to it.
        register_on_letter_sent("decision.record_decision", actions.record_decision)
        register_link(NavLink(
            key="decision.archive", label=cast(str, _("Archiv")), url_name="decision:archive",
            visible=lambda user: user.role == Role.TENANT_ADMIN, order=58,
        ))
