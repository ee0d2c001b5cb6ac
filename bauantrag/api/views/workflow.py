"""Workflow transitions of a case: submit, resubmit, Nachforderung, confirm completeness."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from bauantrag.accounts.models import User
from bauantrag.accounts.permissions import require_casework
from bauantrag.api.base import ApiView, errors
from bauantrag.api.serializers.applications import (
    ApplicationSerializer,
    NachforderungRequestSerializer,
    NachforderungSerializer,
)
from bauantrag.api.views.applications import TAG, acting_user, application_response
from bauantrag.cases import actions, open_findings
from bauantrag.cases.access import access_case, access_finding
from bauantrag.cases.models import Case, CaseState, Finding, Procedure


class _TransitionView(ApiView):
    transition: ClassVar[Callable[[User, Case], Case]]

    def post(self, request: Request, case_id: str) -> Response:
        case = access_case(request.user, case_id)
        type(self).transition(acting_user(request), case)
        return application_response(access_case(request.user, case.pk))


def _transition_schema(operation_id: str, summary: str, description: str = "") -> Any:
    return extend_schema_view(post=extend_schema(
        operation_id=operation_id, summary=summary, description=description, tags=TAG, request=None,
        responses={200: ApplicationSerializer, **errors(400, 403, 404, 409)},
    ))


@_transition_schema("applications_submit", "Antrag einreichen",
                    "Vergibt das Aktenzeichen, berechnet die Frist und startet die automatische Vorprüfung.")
class SubmitView(_TransitionView):
    transition = actions.submit


@_transition_schema("applications_resubmit", "Nach Nachforderung erneut einreichen",
                    "Beginnt eine neue Einreichungsrunde mit neuer Frist und neuer Vorprüfung.")
class ResubmitView(_TransitionView):
    transition = actions.resubmit


class ConfirmCompletenessRequestSerializer(serializers.Serializer):  # type: ignore[type-arg]
    procedure = serializers.ChoiceField(
        choices=Procedure.choices, required=False, allow_null=True, default=None,
        help_text="Verfahrensart für die Entscheidungsfrist (§ 71 Abs. 6 BauO NRW); leer: die der Vorprüfung",
    )
    hearings_planned = serializers.BooleanField(
        required=False, default=True,
        help_text="Gemeinde oder Stellen werden angehört (§ 71 Abs. 2 Nr. 2 BauO NRW)",
    )
    acknowledged_open_findings = serializers.ListField(
        child=serializers.UUIDField(), required=False, default=list,
        help_text="Ids der offenen Befunde („nicht erfüllt“ oder „zu prüfen“, nicht bewertet), die zur Kenntnis "
        "genommen wurden. Ohne jede offene Id lehnt der Server mit 400 und der Liste (code open_finding, "
        "finding_id) ab.",
    )


def _open_findings_refusal(unseen: list[Finding]) -> Response:
    return Response({"errors": [
        {
            "code": "open_finding", "field": "acknowledged_open_findings", "finding_id": str(f.pk),
            "detail": _("Offener Befund (%(status)s, %(basis)s): %(message)s") % {
                "status": f.get_status_display(), "basis": f.legal_basis, "message": f.message},
        }
        for f in unseen
    ]}, status=status.HTTP_400_BAD_REQUEST)


class ConfirmCompletenessView(ApiView):
    @extend_schema(
        operation_id="applications_confirm_completeness", summary="Vollständigkeit bestätigen", tags=TAG,
        description="Berechnet den Zeitpunkt der Entscheidung (decision_due, § 71 Abs. 2 Nr. 1, Abs. 6 BauO NRW). "
        "Offene Befunde müssen mit acknowledged_open_findings ausdrücklich zur Kenntnis genommen werden.",
        request=ConfirmCompletenessRequestSerializer,
        responses={200: ApplicationSerializer, **errors(400, 403, 404, 409)},
    )
    def post(self, request: Request, case_id: str) -> Response:
        user = acting_user(request)
        case = access_case(user, case_id)
        # The body is optional (JSON); a bare POST, as before, confirms with the pre-check's Verfahrensart.
        body = request.data if (request.content_type or "").startswith("application/json") else {}
        serializer = ConfirmCompletenessRequestSerializer(data=body or {})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        require_casework(user, case)  # the role first: the list of open findings is the Bauaufsicht's
        unseen = open_findings.not_acknowledged(case, data["acknowledged_open_findings"])
        if unseen and case.state == CaseState.SUBMITTED:
            return _open_findings_refusal(unseen)
        actions.confirm_completeness(
            user, case, procedure=data["procedure"] or None, hearings_planned=data["hearings_planned"]
        )
        return application_response(access_case(user, case.pk))


def _finding_reference(user: User, case: Case, value: object) -> str:
    if value is None:
        return ""
    try:
        finding = access_finding(user, value)
    except Http404:
        finding = None
    if finding is None or finding.check_run.case_id != case.pk:
        raise ValidationError({"items": _("Der genannte Befund gehört nicht zu diesem Antrag.")})
    return str(finding.pk)


class NachforderungView(ApiView):
    @extend_schema(operation_id="applications_nachforderung", summary="Nachforderung senden", tags=TAG,
                   request=NachforderungRequestSerializer,
                   responses={201: NachforderungSerializer, **errors(400, 403, 404, 409)})
    def post(self, request: Request, case_id: str) -> Response:
        user = acting_user(request)
        case = access_case(user, case_id)
        serializer = NachforderungRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        items = [
            {
                "document_type": item["document_type"], "title": item["title"], "reason": item["reason"],
                "finding": _finding_reference(user, case, item["finding"]),
            }
            for item in data["items"]
        ]
        nachforderung = actions.send_nachforderung(
            user, case, items=items, message=data["message"], deadline=data["deadline"]
        )
        return Response(NachforderungSerializer(nachforderung).data, status=status.HTTP_201_CREATED)
