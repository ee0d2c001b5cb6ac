"""Enumerate every URL route of the project, with the parameters it takes, for the isolation matrix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern

# The parameters that carry object ids. The matrix probes every route that has one of them.
ID_PARAMS = (
    "case_id", "document_id", "finding_id", "plan_id", "parcel_id", "letter_id", "message_id", "beteiligung_id",
    "fachstelle_id", "rate_id", "rohbauwert_id", "objection_id",
)

# Parameters known to carry no object id, with the value the probes use for them.
NON_ID_PARAMS: dict[str, str] = {
    "path": "irgendwas",  # the API's JSON 404 for unknown paths (bauantrag.api.urls)
    "kind": "nachforderung",  # a letter kind (correspondence: the Kommune's templates), no object id
    # The e-mailed links of an account (password reset): the signed token, not a Kommune, decides; an invalid one
    # shows "Link abgelaufen" to anyone (tests/accounts/test_password_flows.py).
    "uidb64": "MQ",
    "token": "ungueltig",
    # An API token's public prefix (/kommune/schnittstelle/…/widerrufen/): looked up in the admin's own Kommune
    # only; tests/api/test_tokens.py revokes a foreign Kommune's token and gets 404.
    "prefix": "0000abcd",
    # A staff member's account id (/kommune/mitarbeitende/<staff_id>/…): an integer, looked up among the staff of the
    # administrator's own Kommune only; tests/accounts/test_staff_lifecycle.py has another Kommune's admin (and the
    # own Kommune's clerk) get 404 on every such route, with every method.
    "staff_id": "0",
}

# Namespaces outside the object matrix, and why. Each is covered by its own test.
EXEMPT_NAMESPACES: dict[str, str] = {
    "admin": "Django-Admin unter /verwaltung/: nur für Konten mit is_staff (Plattformbetrieb); "
    "test_admin_routes_turn_away_everyone_without_is_staff prüft es",
}


@dataclass(frozen=True)
class Route:
    route: str  # the pattern as written, prefixes included, e.g. "antraege/<uuid:case_id>/"
    name: str | None  # namespaced, e.g. "portal:detail"
    namespace: str  # outermost namespace ("" for the root)
    params: tuple[str, ...]
    converters: tuple[tuple[str, str], ...]  # (parameter, converter class name), e.g. ("case_id", "UUIDConverter")
    regex: bool  # some part is a regular expression, not a path() route

    @property
    def uuid_params(self) -> frozenset[str]:
        return frozenset(name for name, kind in self.converters if kind == "UUIDConverter")

    @property
    def int_params(self) -> frozenset[str]:
        return frozenset(name for name, kind in self.converters if kind == "IntConverter")

    @property
    def id_params(self) -> tuple[str, ...]:
        return tuple(p for p in self.params if p in ID_PARAMS)

    def url(self, values: dict[str, Any]) -> str:
        kwargs = {name: values[name] for name in self.params}
        if self.name:
            return reverse(self.name, kwargs=kwargs)
        if self.regex:
            raise LookupError(f"Route {self.route!r} has no name and is a regex; the matrix cannot build its URL")
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), self.route)


def all_routes() -> list[Route]:
    found: list[Route] = []
    Converters = tuple[tuple[str, str], ...]

    def walk(
        entries: list[Any],
        prefix: str,
        namespaces: tuple[str, ...],
        params: tuple[str, ...],
        converters: Converters,
        regex: bool,
    ) -> None:
        for entry in entries:
            pattern = entry.pattern
            names = tuple(pattern.regex.groupindex)
            here_converters = converters + tuple(
                (n, type(c).__name__) for n, c in getattr(pattern, "converters", {}).items()
            )
            here_regex = regex or isinstance(pattern, RegexPattern)
            route = prefix + str(pattern)
            if isinstance(entry, URLResolver):
                ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
                walk(entry.url_patterns, route, ns, params + names, here_converters, here_regex)
            elif isinstance(entry, URLPattern):
                name = ":".join((*namespaces, entry.name)) if entry.name else None
                outer = namespaces[0] if namespaces else ""
                found.append(Route(route, name, outer, params + names, here_converters, here_regex))

    walk(get_resolver().url_patterns, "", (), (), (), False)
    return found


def matrix_routes() -> list[Route]:
    """The routes the isolation matrix probes: every one with an object id parameter."""
    return [r for r in all_routes() if r.id_params and r.namespace not in EXEMPT_NAMESPACES]
