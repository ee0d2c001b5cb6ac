"""The automatic pre-check: status of the latest run, its findings, and the clerk's review of a finding."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from bauantrag.api.base import ApiView, errors
from bauantrag.api.serializers.findings import (
    CheckStatusSerializer,
    FindingDetailSerializer,
    FindingListSerializer,
    FindingReviewSerializer,
    ReviewRequestSerializer,
)
from bauantrag.api.views.applications import TAG, acting_user
from bauantrag.cases import actions
from bauantrag.cases.access import access_case, access_finding
from bauantrag.cases.models import Case, CheckRun, FindingReview

FINDINGS_TAG = ["Prüfbefunde"]


def _latest_run(case: Case) -> CheckRun | None:
    return case.check_runs.order_by("-round").first()


class CaseCheckView(ApiView):
    @extend_schema(operation_id="applications_check", summary="Stand der automatischen Vorprüfung", tags=TAG,
                   responses={200: CheckStatusSerializer, **errors(404)},
                   description="Zum Abfragen (Polling), bis `check_run.finished` true ist.")
    def get(self, request: Request, case_id: str) -> Response:
        case = access_case(request.user, case_id)
        return Response(CheckStatusSerializer({"check_run": _latest_run(case)}).data)


class CaseFindingsView(ApiView):
    @extend_schema(operation_id="applications_findings", summary="Befunde der letzten Vorprüfung", tags=TAG,
                   responses={200: FindingListSerializer, **errors(404)})
    def get(self, request: Request, case_id: str) -> Response:
        case = access_case(request.user, case_id)
        run = _latest_run(case)
        findings = (
            run.findings.order_by("position").prefetch_related(
                Prefetch("reviews", queryset=FindingReview.objects.select_related("reviewer"))
            )
            if run is not None else []
        )
        context = {"casework": acting_user(request).does_casework}
        return Response(FindingListSerializer({"check_run": run, "findings": findings}, context=context).data)


class FindingDetailView(ApiView):
    @extend_schema(operation_id="findings_retrieve", summary="Befund lesen", tags=FINDINGS_TAG,
                   responses={200: FindingDetailSerializer, **errors(404)})
    def get(self, request: Request, finding_id: str) -> Response:
        finding = access_finding(request.user, finding_id)
        context = {"casework": acting_user(request).does_casework}
        return Response(FindingDetailSerializer(finding, context=context).data)


class FindingReviewView(ApiView):
    @extend_schema(operation_id="findings_review", summary="Befund bestätigen oder abweichend bewerten",
                   tags=FINDINGS_TAG, request=ReviewRequestSerializer,
                   responses={201: FindingReviewSerializer, **errors(400, 403, 404)},
                   description="Die Bewertung wird neben dem Befund gespeichert, nie darüber. "
                               "Eine abweichende Bewertung braucht eine Begründung.")
    def post(self, request: Request, finding_id: str) -> Response:
        finding = access_finding(request.user, finding_id)
        serializer = ReviewRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        review = actions.review_finding(
            acting_user(request), finding,
            decision=data["decision"], status=data["status"], reason=data["reason"],
        )
        return Response(FindingReviewSerializer(review).data, status=status.HTTP_201_CREATED)
