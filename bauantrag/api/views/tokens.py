"""The Kommune's API tokens at /kommune/schnittstelle/: list, create (the token shown once), revoke.

For the Kommune's administration only; the operator uses `manage.py api_token`."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.api.models import ApiToken, TokenScope
from bauantrag.api.tokens import MAX_VALIDITY, create_token, revoke_token


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Bezeichnung"), max_length=100,
                           help_text=gettext_lazy("z. B. der Name des Fachverfahrens, das den Zugang nutzt"))
    scope = forms.ChoiceField(label=gettext_lazy("Berechtigung"), choices=TokenScope.choices,
                              widget=forms.RadioSelect, initial=TokenScope.READ)
    expires_on = forms.DateField(
        label=gettext_lazy("Gültig bis (einschließlich)"), widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Höchstens zwei Jahre; danach ist ein neuer Zugang nötig."),
        error_messages={"invalid": gettext_lazy("Bitte ein Datum wie 31.12.2027 angeben.")},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def _tenant_admin(request: HttpRequest) -> tuple[User, Tenant]:
    user = request.user
    if not isinstance(user, User) or user.role != Role.TENANT_ADMIN or user.tenant is None:
        raise PermissionDenied(_("Nur die Administration der Kommune kann API-Zugänge verwalten."))
    return user, user.tenant


@never_cache
@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    user, tenant = _tenant_admin(request)
    initial = {"expires_on": (timezone.localdate() + datetime.timedelta(days=365)).isoformat()}
    form = TokenForm(initial=initial)
    issued = None
    status = 200
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                issued = create_token(user, tenant, name=data["name"], scope=data["scope"],
                                      expires_at=_end_of(data["expires_on"]))
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error("expires_on" if field == "expires_at" else field, errors)
        if issued is None:
            status = 400
        else:
            form = TokenForm(initial=initial)
    tokens = ApiToken.objects.filter(tenant=tenant).select_related("created_by")
    return render(request, "api/tokens.html", {
        "form": form, "issued": issued, "tokens": tokens, "tenant": tenant,
        "max_days": MAX_VALIDITY.days,
    }, status=status)


@require_POST
@login_required
def token_revoke(request: HttpRequest, prefix: str) -> HttpResponse:
    user = request.user
    if not isinstance(user, User) or user.role != Role.TENANT_ADMIN or user.tenant is None:
        raise Http404  # about one object: the same answer as for an unknown one
    token = ApiToken.objects.filter(tenant=user.tenant, prefix=prefix).first()
    if token is None:
        raise Http404
    revoke_token(user, token)
    messages.success(request, _("Der API-Zugang „%(name)s“ wurde widerrufen.") % {"name": token.name})
    return redirect("api_tokens")
