"""Applications: list, create, read, change the Vorhaben; the case history and its Nachforderungen."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from bauantrag.accounts.models import User
from bauantrag.api.base import ApiView, JsonOnlyNegotiation, errors
from bauantrag.api.pagination import ApiPagination
from bauantrag.api.parsers import SafeJSONParser
from bauantrag.api.serializers.applications import (
    ApplicationSerializer,
    HistoryEntrySerializer,
    NachforderungSerializer,
    VorhabenSerializer,
)
from bauantrag.audit.events import applicant_visible_codes
from bauantrag.audit.models import AuditEvent
from bauantrag.cases import actions
from bauantrag.cases.access import access_case, cases_visible_to
from bauantrag.cases.models import Case, Nachforderung

TAG = ["Anträge"]


def acting_user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def application_response(case: Case, code: int = status.HTTP_200_OK) -> Response:
    return Response(ApplicationSerializer(case).data, status=code)


class CaseListView(generics.ListAPIView[Any]):
    """Base for the paginated lists; JSON only, no OPTIONS metadata."""

    renderer_classes = [JSONRenderer]
    parser_classes = [SafeJSONParser]
    content_negotiation_class = JsonOnlyNegotiation
    metadata_class = None
    pagination_class = ApiPagination


class ApplicationListView(CaseListView):
    serializer_class = ApplicationSerializer

    def get_queryset(self) -> QuerySet[Case]:
        return (
            cases_visible_to(self.request.user)
            .select_related("vorhaben", "applicant")
            .order_by("-created_at", "pk")
        )

    @extend_schema(operation_id="applications_list", summary="Sichtbare Anträge auflisten", tags=TAG,
                   responses={200: ApplicationSerializer(many=True), **errors()})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="applications_create", summary="Antrag (Entwurf) anlegen", tags=TAG,
                   request=VorhabenSerializer, responses={201: ApplicationSerializer, **errors(400, 403)})
    def post(self, request: Request) -> Response:
        serializer = VorhabenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = actions.create_application(acting_user(request), dict(serializer.validated_data))
        response = application_response(case, status.HTTP_201_CREATED)
        response["Location"] = reverse("api:application-detail", kwargs={"case_id": case.pk})
        return response


class ApplicationDetailView(ApiView):
    @extend_schema(operation_id="applications_retrieve", summary="Antrag lesen", tags=TAG,
                   responses={200: ApplicationSerializer, **errors(404)})
    def get(self, request: Request, case_id: str) -> Response:
        return application_response(access_case(request.user, case_id))

    @extend_schema(operation_id="applications_update", summary="Angaben zum Vorhaben ändern", tags=TAG,
                   request=VorhabenSerializer,
                   responses={200: ApplicationSerializer, **errors(400, 403, 404, 409)})
    def patch(self, request: Request, case_id: str) -> Response:
        case = access_case(request.user, case_id)
        serializer = VorhabenSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        case = actions.update_application(acting_user(request), case, dict(serializer.validated_data))
        return application_response(access_case(request.user, case.pk))


class CaseHistoryView(CaseListView):
    serializer_class = HistoryEntrySerializer

    def get_queryset(self) -> QuerySet[AuditEvent]:
        case = access_case(self.request.user, self.kwargs["case_id"])
        events = AuditEvent.objects.filter(case_id=case.pk, tenant_id=case.tenant_id).select_related("actor")
        if not acting_user(self.request).does_casework:
            events = events.filter(event__in=applicant_visible_codes())  # internal steps stay with the authority
        return events.order_by("seq")

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "casework": acting_user(self.request).does_casework}

    @extend_schema(operation_id="applications_history", summary="Verlauf des Vorgangs (Protokoll)", tags=TAG,
                   responses={200: HistoryEntrySerializer(many=True), **errors(404)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class NachforderungListView(CaseListView):
    serializer_class = NachforderungSerializer

    def get_queryset(self) -> QuerySet[Nachforderung]:
        case = access_case(self.request.user, self.kwargs["case_id"])
        return case.nachforderungen.order_by("-created_at", "pk")

    @extend_schema(operation_id="applications_nachforderungen", summary="Nachforderungen des Vorgangs",
                   tags=TAG, responses={200: NachforderungSerializer(many=True), **errors(404)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
