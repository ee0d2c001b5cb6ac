"""Check runs, findings and the clerk's reviews stored beside them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bauantrag.api.serializers.common import StrictSerializer
from bauantrag.cases.models import CheckRun, CheckRunStatus, Finding, FindingReview, Procedure, ReviewDecision
from bauantrag.cases.models.checks import FindingStatus


class FindingReviewSerializer(serializers.Serializer[FindingReview]):
    id = serializers.UUIDField(read_only=True)
    decision = serializers.ChoiceField(choices=ReviewDecision.choices, read_only=True)
    decision_label = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=FindingStatus.choices, read_only=True)
    status_label = serializers.SerializerMethodField()
    reason = serializers.CharField(read_only=True)
    reviewer = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(read_only=True)

    def get_decision_label(self, review: FindingReview) -> str:
        return str(ReviewDecision(review.decision).label)

    def get_status_label(self, review: FindingReview) -> str:
        return str(FindingStatus(review.status).label)

    def get_reviewer(self, review: FindingReview) -> str:
        return review.reviewer.display_name()


class ReviewRequestSerializer(StrictSerializer):
    decision = serializers.ChoiceField(choices=ReviewDecision.choices)
    status = serializers.ChoiceField(
        choices=FindingStatus.choices, required=False, allow_null=True, default=None,
        help_text="Abweichende Bewertung; nur bei decision=overridden",
    )
    reason = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default="",
        help_text="Begründung; bei decision=overridden erforderlich",
    )


class FindingSerializer(serializers.Serializer[Finding]):
    id = serializers.UUIDField(read_only=True)
    position = serializers.IntegerField(read_only=True)
    rule = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(choices=FindingStatus.choices, read_only=True)
    status_label = serializers.SerializerMethodField()
    legal_basis = serializers.CharField(read_only=True)
    message = serializers.CharField(read_only=True)
    evidence = serializers.JSONField(read_only=True)
    law_version = serializers.CharField(read_only=True)
    review_note = serializers.SerializerMethodField(
        help_text="Rechtliche Einschränkung für die Sachbearbeitung; nur für die Bauaufsicht sichtbar (sonst leer)"
    )
    reviews = serializers.SerializerMethodField(
        help_text="Bewertungen der Sachbearbeitung; nur für die Bauaufsicht sichtbar (sonst leer)"
    )
    link = serializers.SerializerMethodField()

    @extend_schema_field(FindingReviewSerializer(many=True))
    def get_reviews(self, finding: Finding) -> Any:
        if not self.context.get("casework"):
            return []
        return [FindingReviewSerializer(review).data for review in finding.reviews.all()]

    def get_review_note(self, finding: Finding) -> str:
        return finding.review_note if self.context.get("casework") else ""

    def get_status_label(self, finding: Finding) -> str:
        return str(FindingStatus(finding.status).label)

    def get_link(self, finding: Finding) -> str:
        return reverse("api:finding-detail", kwargs={"finding_id": finding.pk})


class FindingDetailSerializer(FindingSerializer):
    case_id = serializers.UUIDField(source="check_run.case_id", read_only=True)
    check_run_id = serializers.UUIDField(read_only=True)
    round = serializers.IntegerField(source="check_run.round", read_only=True)


class CheckRunSerializer(serializers.Serializer[CheckRun]):
    id = serializers.UUIDField(read_only=True)
    round = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=CheckRunStatus.choices, read_only=True)
    status_label = serializers.SerializerMethodField()
    finished = serializers.SerializerMethodField(
        help_text="true, sobald die Prüfung beendet ist (auch bei Fehler)"
    )
    procedure = serializers.CharField(read_only=True, help_text="Ermittelte Verfahrensart")
    procedure_label = serializers.SerializerMethodField()
    building_class = serializers.IntegerField(
        allow_null=True, read_only=True, help_text="Gebäudeklasse (§ 2 Abs. 3 BauO NRW)"
    )
    ruleset_version = serializers.CharField(read_only=True)
    law = serializers.JSONField(
        allow_null=True, read_only=True,
        help_text="Maßgebende und angewandte Gesetzesfassungen (Tag der Antragstellung)"
    )
    created_at = serializers.DateTimeField(read_only=True)
    started_at = serializers.DateTimeField(allow_null=True, read_only=True)
    finished_at = serializers.DateTimeField(allow_null=True, read_only=True)

    def get_status_label(self, run: CheckRun) -> str:
        return str(CheckRunStatus(run.status).label)

    def get_finished(self, run: CheckRun) -> bool:
        return run.status in (CheckRunStatus.DONE, CheckRunStatus.FAILED)

    def get_procedure_label(self, run: CheckRun) -> str:
        return str(Procedure(run.procedure).label) if run.procedure in Procedure.values else run.procedure


class CheckStatusSerializer(serializers.Serializer[object]):
    check_run = CheckRunSerializer(
        allow_null=True, read_only=True, help_text="null, solange nicht eingereicht"
    )


class FindingListSerializer(CheckStatusSerializer):
    findings = FindingSerializer(many=True, read_only=True)
