"""Deployment checks of the login throttle (``manage.py check --deploy``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def login_throttle_checks(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    found: list[CheckMessage] = []
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        found.append(Warning(
            "Die Zähler der Anmeldeversuche liegen nicht in Redis: mehrere Webprozesse zählen nicht atomar, "
            "parallele Versuche gehen verloren.",
            hint="BAUANTRAG_CACHE_URL=redis://host:6379/1 setzen.", id="accounts.W001",
        ))
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.TRUSTED_PROXIES:
        found.append(Warning(
            "Hinter dem Reverse-Proxy ist BAUANTRAG_TRUSTED_PROXIES leer: alle Clients zählen als die Adresse des "
            "Proxys, die Sperre je Adresse trifft nach Fehlversuchen Fremder alle.",
            hint="BAUANTRAG_TRUSTED_PROXIES auf die Adresse(n) des Proxys setzen, z. B. 127.0.0.1.", id="accounts.W002",
        ))
    return found
