"""The applicant deletes a Bauvorlage that was not yet submitted (issue 16)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bauantrag.accounts.models import User
from bauantrag.cases.access import access_case
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.documents.access import access_document
from bauantrag.documents.removal import delete_unsubmitted
from bauantrag.portal.views import applicant_required


@applicant_required
@require_POST
def delete(request: HttpRequest, case_id: Any, document_id: Any) -> HttpResponse:
    case = access_case(request.user, case_id)
    document = access_document(request.user, document_id)
    if document.case_id != case.pk:
        raise Http404
    assert isinstance(request.user, User)
    try:
        delete_unsubmitted(request.user, document)
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("„%(name)s“ wurde gelöscht.") % {"name": document.display_name})
    return redirect(reverse("portal:detail", kwargs={"case_id": case.pk}) + "#bauvorlagen")
