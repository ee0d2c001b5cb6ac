"""The one thing the statistics change: the audit trail records every export (who, which file, which period)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Role, User
from bauantrag.audit.models import AuditEvent
from bauantrag.audit.service import record
from bauantrag.reports.events import ReportEvent
from bauantrag.reports.periods import Period


def require_tenant_admin(actor: object) -> User:
    if not isinstance(actor, User) or actor.role != Role.TENANT_ADMIN or actor.tenant is None:
        raise PermissionDenied(_("Die Statistik ist der Administration der Kommune vorbehalten."))
    return actor


@transaction.atomic
def record_export(actor: User, *, kind: str, period: Period, rows: int, filename: str) -> AuditEvent:
    actor = require_tenant_admin(actor)
    tenant = actor.tenant
    assert tenant is not None
    return record(
        ReportEvent.REPORT_EXPORTED, actor=actor, tenant=tenant, subject=tenant,
        after={"report": kind, "from": period.first.iso(), "to": period.last.iso(), "rows": rows,
               "filename": filename},
        message=_("Statistik als CSV exportiert: %(file)s") % {"file": filename},
    )  # fmt: skip
