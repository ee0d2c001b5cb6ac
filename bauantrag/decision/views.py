"""The page of the Kommune's administration: closed cases to offer to the archive, and their answers. Thin: reads
through ``retention.offers_for``, changes through ``retention.record_*`` only."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bauantrag.accounts.models import Role, User
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.decision import retention
from bauantrag.decision.models import ArchiveOffer


def _admin(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or user.role != Role.TENANT_ADMIN:
        raise PermissionDenied(_("Die Anbietung an das Archiv ist Sache der Administration der Kommune."))
    return user


@login_required
def archive(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    return render(request, "decision/archive.html", {
        "offers": retention.offers_for(user), "years": retention.retention_years_not_approved(),
    })


@login_required
@require_POST
def archive_offer(request: HttpRequest) -> HttpResponse:
    """One step on one offer; the offer's id comes with the form and is looked up in the Kommune's own offers."""
    user = _admin(request)
    try:
        offer = retention.offers_for(user).filter(pk=uuid.UUID(request.POST.get("offer", ""))).first()
    except ValueError:
        offer = None
    if offer is None:
        raise Http404
    step = request.POST.get("step", "")
    try:
        if step == "offered":
            retention.record_offer(user, offer, note=request.POST.get("note", ""))
        elif step in ("taken", "declined"):
            retention.record_archive_answer(user, offer, taken=step == "taken", note=request.POST.get("note", ""))
        else:
            raise ValidationError({"step": _("Unbekannter Schritt.")})
    except (ValidationError, TransitionNotAllowed) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("Vermerkt: %(case)s") % {"case": ArchiveOffer.objects.get(pk=offer.pk)})
    return redirect("decision:archive")
