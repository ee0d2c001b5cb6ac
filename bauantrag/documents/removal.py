"""Deleting a Bauvorlage that was never submitted (issue 16).

A file belongs to the round after the case's current one until the applicant submits (or resubmits): only then has
the Bauaufsicht received it. Before that the applicant (or the Entwurfsverfasser/in) may delete it, e.g. to replace
a wrong file; afterwards a Bauvorlage is never deleted, a new version comes in a Nachforderung round. The trail
keeps name, kind and checksum of what was deleted.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bauantrag.accounts.models import User
from bauantrag.audit.service import record
from bauantrag.cases import workflow
from bauantrag.cases.models import Case
from bauantrag.documents import storage
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document


def is_unsubmitted(document: Document, case: Case) -> bool:
    """Uploaded in the round that is still being prepared (not yet received by the Bauaufsicht)."""
    return case.state in workflow.EDITABLE_STATES and document.round > case.round


def delete_unsubmitted(actor: User, document: Document) -> None:
    """Delete ``document`` and its stored files. Raises PermissionDenied or TransitionNotAllowed."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=document.case_id)
        if not (actor.is_applicant_side and actor.pk in (case.applicant_id, case.designer_id)):
            raise PermissionDenied(_("Nur die am Antrag Beteiligten können Bauvorlagen löschen."))
        workflow.require_open(case, _("Bauvorlage löschen"))
        document = Document.objects.select_for_update().get(pk=document.pk)
        if not is_unsubmitted(document, case):
            raise workflow.TransitionNotAllowed(_(
                "Eingereichte Bauvorlagen werden nicht gelöscht. Eine neue Fassung können Sie während einer "
                "Nachforderung hochladen."
            ))
        names = [n for n in (document.storage_name, document.inline_storage_name) if n]
        record(
            DocumentEvent.DOCUMENT_DELETED, actor=actor, tenant=case.tenant, subject=document, case=case,
            before={"name": document.display_name, "type": document.document_type, "size": document.size,
                    "sha256": document.sha256},
        )
        document.delete()
        tenant_id = case.tenant_id

        def remove_files() -> None:  # only once the row is gone for good
            for name in names:
                storage.delete(tenant_id, name)

        transaction.on_commit(remove_files)
