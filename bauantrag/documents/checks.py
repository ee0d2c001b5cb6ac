"""The operator is told when uploads are not scanned for malware (``manage.py check --deploy``, the admin index)."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Tags, Warning, register
from django.utils.translation import gettext as _

from bauantrag.documents import scanner


def scanner_notice() -> str:
    """The German sentence for the operator when no virus scanner is configured, else ""."""
    if scanner.configured():
        return ""
    return _("Kein Virenscanner eingerichtet (BAUANTRAG_CLAMD ist leer): hochgeladene Bauvorlagen und Anhänge werden "
             "nicht auf Schadsoftware geprüft und nur als „nicht auf Schadsoftware geprüft“ markiert.")


@register(Tags.security, deploy=True)
def virus_scanner_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    notice = scanner_notice()
    if not notice:
        return []
    return [Warning(notice, hint=_("BAUANTRAG_CLAMD auf den clamd des Servers setzen, z. B. "
                                   "unix:///run/clamav/clamd.ctl (Debian: Paket clamav-daemon)."),
                    id="documents.W001")]
