"""Several Bauvorlagen in one upload (issue 16), each through the same checks as a single one.

Each file has its kind: one ``document_type`` per file, in the order of the files (the upload script adds one
choice per file), or one kind for all (without JavaScript). A file the checks refuse is named with its reason; the
others are stored all the same, so nothing already accepted is lost.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.cases.models import Case
from bauantrag.cases.workflow import TransitionNotAllowed
from bauantrag.documents.actions import upload_document
from bauantrag.files import UploadRejected
from bauantrag.portal.forms import UploadForm


def upload_several(request: HttpRequest, case: Case, form: UploadForm) -> HttpResponse:
    assert isinstance(request.user, User)
    files = form.cleaned_data["file"]
    kinds = request.POST.getlist("document_type")
    kinds = kinds if len(kinds) == len(files) else [form.cleaned_data["document_type"]] * len(files)
    stored, refused = [], []
    for upload, kind in zip(files, kinds, strict=True):
        try:
            stored.append(upload_document(request.user, case, upload, kind).display_name)
        except UploadRejected as exc:
            refused.append((upload.name, str(exc)))
        except ValidationError as exc:
            refused.append((upload.name, " ".join(exc.messages)))
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
            break
    if stored:
        messages.success(request, _("Hochgeladen: %(names)s.") % {"names": ", ".join(f"„{n}“" for n in stored)})
    for name, reason in refused:
        messages.error(request, _("„%(name)s“ wurde nicht angenommen: %(reason)s") % {"name": name, "reason": reason})
    return redirect(reverse("portal:detail", kwargs={"case_id": case.pk}) + "#bauvorlagen")
