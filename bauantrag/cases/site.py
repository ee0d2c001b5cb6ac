"""The Lageplan geometry of a Vorhaben (``Vorhaben.site``): validation on the server and conversion for the rules.

The stored value is the ``site`` object of the documented JSON form (``application.schema.json``). The server
never reads files: ``site.plan`` (a path the command line resolves) is refused; the plan comes from the
Kommune's register (``bauantrag.plans.register``).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bauantrag.formats.application_json import ApplicationFormatError, check_site
from bauantrag.rules.planning.project import SitePlan

MAX_SITE_CHARS = 500_000


def validate_site(value: Any) -> None:
    """Model field validator: German messages, each naming the field by its JSON pointer."""
    if value is None:
        return
    if not isinstance(value, dict):
        raise ValidationError(_("/site: Erwartet wird ein JSON-Objekt mit „parcel“ und „buildings“."))
    if value.get("plan") is not None:
        raise ValidationError(
            _("/site/plan: Ein Dateipfad zum Bebauungsplan wird auf dem Server nicht angenommen; der Plan wird aus "
              "dem Planregister der Kommune bestimmt. Bitte entfernen Sie „plan“.")
        )
    if len(json.dumps(value)) > MAX_SITE_CHARS:
        raise ValidationError(_("/site: Die Geometrie ist zu umfangreich (höchstens %(n)s Zeichen).")
                              % {"n": f"{MAX_SITE_CHARS:,}".replace(",", ".")})
    try:
        check_site(value)
    except ApplicationFormatError as exc:
        raise ValidationError([str(error) for error in exc.errors] or [exc.summary]) from exc


def site_plan_of(value: dict[str, Any] | None) -> SitePlan | None:
    """The ``SitePlan`` of a stored (already validated) value; ``site.plan`` is ignored."""
    if not value:
        return None
    return check_site({**value, "plan": None})
