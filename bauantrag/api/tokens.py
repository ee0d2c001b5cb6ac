"""Creating, revoking and checking API tokens. Creation and revocation are audited actions.

A token reads `bau_<prefix>_<secret>`: the prefix (8 hex digits) is stored to find and name the token, the
secret (256 bits) is shown once and never stored; only the SHA-256 of the whole token is kept. Each token gets its
own technical account (role Sachbearbeitung of its Kommune, no usable password, no second factor), so that the
trail names the system, and the token's scope limits what that account may do through the API.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.api.events import ApiEvent
from bauantrag.api.models import ApiToken, TokenScope
from bauantrag.audit.service import record

PREFIX = "bau"
MAX_VALIDITY = timedelta(days=730)
LAST_USED_RESOLUTION = timedelta(minutes=1)  # last_used_at is written at most once a minute per token


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # the whole token, to be shown once


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _check_actor(actor: User | None, tenant: Tenant) -> None:
    """The Kommune's administration, or the operator's command (actor None)."""
    if actor is not None and (actor.role != Role.TENANT_ADMIN or actor.tenant_id != tenant.pk):
        raise PermissionDenied(_("Nur die Administration der Kommune kann API-Zugänge verwalten."))


def create_token(
    actor: User | None, tenant: Tenant, *, name: str, scope: str, expires_at: datetime
) -> IssuedToken:
    """A new token for a system of the Kommune, with its technical account; recorded in the Kommune's trail."""
    _check_actor(actor, tenant)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Bitte eine Bezeichnung angeben, z. B. den Namen des Fachverfahrens.")})
    if scope not in TokenScope.values:
        raise ValidationError({"scope": _("Unbekannte Berechtigung.")})
    now = timezone.now()
    if expires_at <= now:
        raise ValidationError({"expires_at": _("Das Ablaufdatum muss in der Zukunft liegen.")})
    if expires_at > now + MAX_VALIDITY:
        raise ValidationError({"expires_at": _("Ein API-Zugang gilt höchstens zwei Jahre.")})
    with transaction.atomic():
        prefix = secrets.token_hex(4)
        while ApiToken.objects.filter(prefix=prefix).exists():
            prefix = secrets.token_hex(4)
        raw = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
        account = User(
            username=f"api-{prefix}@{tenant.slug}", first_name=name[:150], last_name=str(_("(Schnittstelle)")),
            tenant=tenant, role=Role.CLERK,
        )
        account.set_unusable_password()
        account.save()
        token = ApiToken.objects.create(
            prefix=prefix, digest=digest(raw), name=name, tenant=tenant, scope=scope, user=account,
            created_by=actor, expires_at=expires_at,
        )
        record(ApiEvent.TOKEN_CREATED, actor=actor, tenant=tenant, subject=token,
               after={"prefix": prefix, "name": name, "scope": scope, "expires_at": expires_at},
               message=_("API-Zugang „%(name)s“ (%(prefix)s) angelegt") % {"name": name, "prefix": prefix})
    return IssuedToken(token, raw)


def revoke_token(actor: User | None, token: ApiToken) -> ApiToken:
    """Void the token at once and deactivate its technical account; recorded in the Kommune's trail."""
    _check_actor(actor, token.tenant)
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is not None:
            return locked
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        User.objects.filter(pk=locked.user_id).update(is_active=False)
        record(ApiEvent.TOKEN_REVOKED, actor=actor, tenant=locked.tenant, subject=locked,
               before={"prefix": locked.prefix}, after={"revoked_at": locked.revoked_at},
               message=_("API-Zugang „%(name)s“ (%(prefix)s) widerrufen") % {"name": locked.name,
                                                                            "prefix": locked.prefix})
    return locked


def token_for(raw: str) -> ApiToken | None:
    """The valid token the presented string is, or None (unknown, wrong secret, expired, revoked)."""
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    token = ApiToken.objects.select_related("user", "tenant").filter(prefix=parts[1]).first()
    if token is None or not hmac.compare_digest(token.digest, digest(raw)) or not token.is_valid():
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
