"""The applicant deletes or replaces a Bauvorlage that was not yet submitted (issue 16)."""

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
from bauantrag.documents.actions import upload_document
from bauantrag.documents.removal import delete_unsubmitted, is_unsubmitted
from bauantrag.files import UploadRejected
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


@applicant_required
@require_POST
def replace(request: HttpRequest, case_id: Any, document_id: Any) -> HttpResponse:
    """A new file of the same kind first (through every upload check), then the old one goes: a refused file
    leaves the old one in place."""
    case = access_case(request.user, case_id)
    old = access_document(request.user, document_id)
    if old.case_id != case.pk:
        raise Http404
    assert isinstance(request.user, User)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Bitte wählen Sie die neue Datei für „%(name)s“.") % {"name": old.display_name})
    elif not is_unsubmitted(old, case):
        messages.error(request, _("Eingereichte Bauvorlagen werden nicht ersetzt. Eine neue Fassung können Sie "
                                  "während einer Nachforderung hochladen."))
    else:
        try:
            new = upload_document(request.user, case, upload, old.document_type)
            delete_unsubmitted(request.user, old)
        except (UploadRejected, TransitionNotAllowed) as exc:
            messages.error(request, _("„%(name)s“ wurde nicht ersetzt: %(reason)s")
                           % {"name": old.display_name, "reason": str(exc)})
        else:
            messages.success(request, _("„%(old)s“ wurde durch „%(new)s“ ersetzt.")
                             % {"old": old.display_name, "new": new.display_name})
    return redirect(reverse("portal:detail", kwargs={"case_id": case.pk}) + "#bauvorlagen")
