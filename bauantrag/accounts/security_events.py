"""Security events on the audit trail: logins, logouts, wrong TOTP codes, changes in the Django admin and refused
access. Failed logins, cool-downs and address blocks are recorded by the login forms (accounts.login, actions).

Receivers of Django's signals, connected in AccountsConfig.ready(), and two small hooks (`record_mfa_failure` for
the TOTP step, `DeniedAccessMiddleware` for a 403). An account without a Kommune (the operator) writes to the
platform chain. Never stored: a password, a code, a token or a session key."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_save
from django.http import HttpRequest, HttpResponse

from bauantrag.accounts.client_address import client_address
from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import User
from bauantrag.audit.service import record, record_durably

ADMIN_ACTIONS = {ADDITION: "angelegt", CHANGE: "geändert", DELETION: "gelöscht"}
# Objects whose text may be a secret (DRF's Token prints its key): only their type and id are kept.
SECRET_REPR_MODELS = ("token", "device", "session")


@dataclass(frozen=True)
class Requested:
    """The subject of a refused request: the path asked for."""

    pk: str


def _account(user: object) -> User | None:
    return user if isinstance(user, User) and user.pk is not None else None


def _where(request: HttpRequest | None) -> dict[str, str]:
    if request is None:
        return {}
    return {"address": client_address(request), "path": request.path[:200]}


def logged_in(sender: object, request: HttpRequest | None, user: Any, **_kwargs: Any) -> None:
    account = _account(user)
    if account is None:
        return
    with transaction.atomic():
        record(AccountEvent.LOGGED_IN, actor=account, tenant=account.tenant, subject=account, after=_where(request))


def logged_out(sender: object, request: HttpRequest | None, user: Any, **_kwargs: Any) -> None:
    account = _account(user)
    if account is None:  # the session had no account (logout without login)
        return
    with transaction.atomic():
        record(AccountEvent.LOGGED_OUT, actor=account, tenant=account.tenant, subject=account, after=_where(request))


def record_mfa_failure(request: HttpRequest, user: User) -> None:
    """A wrong or expired TOTP code (the code itself is not kept)."""
    with transaction.atomic():
        record(AccountEvent.MFA_FAILED, actor=user, tenant=user.tenant, subject=user, after=_where(request))


def admin_changed(sender: object, instance: LogEntry, created: bool, **_kwargs: Any) -> None:
    """Every addition, change and deletion in the Django admin (/verwaltung/), by whom, on what."""
    if not created:
        return
    actor = User.objects.select_related("tenant").filter(pk=instance.user_id).first()
    model = instance.content_type.model if instance.content_type else ""
    after = {
        "action": ADMIN_ACTIONS.get(instance.action_flag, str(instance.action_flag)),
        "model": f"{instance.content_type.app_label}.{model}" if instance.content_type else "",
        "object_id": instance.object_id,
        "fields": instance.get_change_message()[:500],
    }
    if not any(word in model for word in SECRET_REPR_MODELS):
        after["object"] = instance.object_repr[:200]
    with transaction.atomic():
        record(AccountEvent.ADMIN_CHANGE, actor=actor, tenant=actor.tenant if actor else None, subject=instance,
               after=after)


def audited_delete_selected(original: Callable[..., Any]) -> Callable[..., Any]:
    """The admin's "delete selected" action, recording each deleted object when there are several: Django writes
    their LogEntry rows with bulk_create, which sends no post_save (one object goes through `admin_changed`)."""

    @functools.wraps(original)
    def action(modeladmin: Any, request: HttpRequest, queryset: Any) -> Any:
        chosen = [(obj.pk, str(obj)[:200]) for obj in queryset]
        response = original(modeladmin, request, queryset)
        if response is None and len(chosen) > 1:  # None: deleted (else the confirmation page)
            account = _account(request.user)
            model = modeladmin.model._meta.label_lower
            secret = any(word in model for word in SECRET_REPR_MODELS)
            with transaction.atomic():
                for pk, text in chosen:
                    after = {"action": "gelöscht", "model": model, "object_id": str(pk),
                             **({} if secret else {"object": text})}
                    record(AccountEvent.ADMIN_CHANGE, actor=account, tenant=account.tenant if account else None,
                           subject=Requested(str(pk)), after=after)
        return response

    return action


class DeniedAccessMiddleware:
    """A request refused with 403 (PermissionDenied from a view) on the trail of the account's Kommune."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, PermissionDenied):
            account = _account(getattr(request, "user", None))
            record_durably(AccountEvent.ACCESS_DENIED, actor=account, tenant=account.tenant if account else None,
                           subject=Requested(request.path[:64]), after={**_where(request), "status": 403})


def connect() -> None:
    from django.contrib import admin
    from django.contrib.admin.actions import delete_selected

    admin.site.add_action(audited_delete_selected(delete_selected), "delete_selected")
    user_logged_in.connect(logged_in, dispatch_uid="accounts.security.logged_in")
    user_logged_out.connect(logged_out, dispatch_uid="accounts.security.logged_out")
    post_save.connect(admin_changed, sender=LogEntry, dispatch_uid="accounts.security.admin_changed")
