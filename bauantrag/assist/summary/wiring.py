"""Connects summary to the rest of the project; imported by AssistConfig.ready().

- the workspace panel "Zusammenfassung" (order 20) on the clerk's case page;
- the navigation link "Sprachmodell" for the Kommune's administrator.
Other apps add summary facts with ``bauantrag.assist.summary.facts.register_fact_provider``.
"""

from typing import cast

from django.utils.translation import gettext_lazy as _

from bauantrag.accounts.models import Role
from bauantrag.assist.summary.views import panel_context
from bauantrag.panels import NavLink, Panel, register_link, register_panel

register_panel(
    "workspace", Panel(key="assist.summary", template="assist/summary/panel.html", context=panel_context, order=20)
)
register_link(
    NavLink(
        key="assist.llm_settings", label=cast(str, _("Sprachmodell")), url_name="assist:llm_settings",
        visible=lambda user: getattr(user, "role", None) == Role.TENANT_ADMIN, order=80,
    )
)
