"""Sections that other apps add to the case pages and links they add to the main navigation.

The clerk's case page (workspace), the applicant's case page (portal) and the navigation know nothing of
the apps that contribute to them: each app registers its panels and links in its AppConfig.ready().
A panel's context function gets the request and the case (already fetched through cases.access) and
returns the template context, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from bauantrag.registry import Registry

if TYPE_CHECKING:  # types only: the panels sit below the apps that fill them
    from bauantrag.accounts.models import User
    from bauantrag.accounts.permissions import Visitor
    from bauantrag.cases.models import Case

ContextFunction = Callable[[HttpRequest, "Case"], "dict[str, Any] | None"]
Visible = Callable[["User"], bool]


@dataclass(frozen=True)
class Panel:
    key: str  # unique, e.g. "correspondence.mailbox"
    template: str
    context: ContextFunction
    order: int = 100  # smaller comes first


@dataclass(frozen=True)
class NavLink:
    key: str
    label: str  # already marked for translation with gettext_lazy
    url_name: str
    visible: Visible  # gets the user
    order: int = 100


PANELS: dict[str, Registry[Panel]] = {
    "workspace": Registry("panels of the clerk's case page"),
    "portal": Registry("panels of the applicant's case page"),
}
LINKS: Registry[NavLink] = Registry("navigation links")


def register_panel(page: str, panel: Panel) -> None:
    """page: "workspace" (clerk's case page) or "portal" (applicant's case page)."""
    PANELS[page].register(panel.key, panel, order=panel.order)


def register_link(link: NavLink) -> None:
    LINKS.register(link.key, link, order=link.order)


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]
    order: int = 100


def panels_for(page: str, request: HttpRequest, case: Case) -> list[RenderedPanel]:
    rendered = []
    for panel in PANELS[page].values():
        context = panel.context(request, case)
        if context is not None:
            rendered.append(RenderedPanel(panel.key, panel.template, context, panel.order))
    return rendered


#: Panels with a smaller order stand at the top of the clerk's case page (summary, deadlines and decision); the
#: others follow the Bauvorlagen and the pre-check's findings.
TOP_ORDER_BELOW = 30


def split_top(panels: list[RenderedPanel]) -> tuple[list[RenderedPanel], list[RenderedPanel]]:
    return [p for p in panels if p.order < TOP_ORDER_BELOW], [p for p in panels if p.order >= TOP_ORDER_BELOW]


def links_for(user: Visitor | None) -> list[NavLink]:
    if user is None or not user.is_authenticated or user.is_anonymous:
        return []
    return [link for link in LINKS.values() if link.visible(user)]
