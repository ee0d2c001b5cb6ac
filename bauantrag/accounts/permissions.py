"""Who may do what where: the one place for the role-and-Kommune checks that actions and views share.

"Casework for this Kommune" = a clerk (or the Kommune's admin) whose account belongs to the Kommune of the
object. Actions raise PermissionDenied with a German message; pages about one object answer 404 instead (the
same as for an unknown id, so nobody learns what exists elsewhere).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, TypeAlias, TypeGuard

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User

#: Who is asking: a signed-in account or an anonymous visitor (``request.user``).
Visitor: TypeAlias = User | AnonymousUser


class OfKommune(Protocol):
    """Anything that belongs to one Kommune (a case, a plan, a Fachstelle, …)."""

    @property
    def tenant_id(self) -> Any: ...


def casework_user(user: object) -> User | None:
    """The user if they do casework for their Kommune (logged in, with a Kommune), else None."""
    if isinstance(user, User) and user.is_authenticated and user.tenant_id is not None and user.does_casework:
        return user
    return None


def does_casework(user: object) -> TypeGuard[User]:
    return casework_user(user) is not None


def casework_kommune(user: object) -> uuid.UUID | None:
    """The Kommune (tenant id) the user does casework for, or None."""
    clerk = casework_user(user)
    return clerk.tenant_id if clerk is not None else None


def does_casework_for(user: object, obj: OfKommune) -> bool:
    clerk = casework_user(user)
    return clerk is not None and clerk.tenant_id == obj.tenant_id


def require_casework(actor: object, obj: OfKommune) -> None:
    """For actions: PermissionDenied unless the actor does casework for the object's Kommune."""
    if not does_casework_for(actor, obj):
        raise PermissionDenied(_("Nur die Sachbearbeitung der Bauaufsicht kann das."))


View = Callable[..., HttpResponse]


def casework_required(view: View) -> View:
    """For the clerk's pages: login, then casework; a page about one object answers 404 to anyone else."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not does_casework(request.user):
            if kwargs:  # a page about one object: the same answer as for an unknown id
                raise Http404
            raise PermissionDenied(_("Diese Seiten sind für die Sachbearbeitung der Bauaufsicht bestimmt."))
        return view(request, *args, **kwargs)

    return wrapper


class EmailNotVerified(PermissionDenied):
    """An applicant-side account whose e-mail address is not confirmed yet: it may draft, not submit."""


def require_verified_email(user: User) -> None:
    if user.is_applicant_side and not user.email_verified:
        raise EmailNotVerified(_(
            "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse: Folgen Sie dem Link in der E-Mail, die wir Ihnen nach "
            "der Registrierung geschickt haben. Erst dann können Sie einen Antrag einreichen; Ihr Entwurf bleibt "
            "gespeichert."
        ))
