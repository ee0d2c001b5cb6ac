"""Applications (Vorgänge): the Vorhaben as input, the case with its state and deadlines as output."""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bauantrag.api.serializers.common import StrictModelSerializer, StrictSerializer
from bauantrag.api.serializers.documents import document_type_names
from bauantrag.audit.events import label as event_label
from bauantrag.audit.models import AuditEvent
from bauantrag.cases import workflow
from bauantrag.cases.display import actor_name
from bauantrag.cases.events import CaseEvent
from bauantrag.cases.models import Case, CaseState, Nachforderung, Vorhaben
from bauantrag.cases.vorhaben_fields import EDITABLE_FIELDS


class VorhabenSerializer(StrictModelSerializer[Vorhaben]):
    """The project data the applicant enters. Nothing else of a case can be written through the API."""

    class Meta:
        model = Vorhaben
        fields = EDITABLE_FIELDS


PLACEHOLDER = uuid.UUID(int=0)


class ApplicationLinksSerializer(serializers.Serializer[Case]):
    self = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    findings = serializers.SerializerMethodField()
    check = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()
    nachforderungen = serializers.SerializerMethodField()

    def _url(self, name: str, case: Case) -> str:
        # One reverse() per link name and list, not per case: a list page has 50 cases with six links each.
        patterns: dict[str, str] = self.__dict__.setdefault("_patterns", {})
        if name not in patterns:
            patterns[name] = reverse(f"api:{name}", kwargs={"case_id": PLACEHOLDER})
        return patterns[name].replace(str(PLACEHOLDER), str(case.pk))

    def get_self(self, case: Case) -> str:
        return self._url("application-detail", case)

    def get_documents(self, case: Case) -> str:
        return self._url("application-documents", case)

    def get_findings(self, case: Case) -> str:
        return self._url("application-findings", case)

    def get_check(self, case: Case) -> str:
        return self._url("application-check", case)

    def get_history(self, case: Case) -> str:
        return self._url("application-history", case)

    def get_nachforderungen(self, case: Case) -> str:
        return self._url("application-nachforderungen", case)


class ApplicationSerializer(serializers.Serializer[Case]):
    id = serializers.UUIDField(read_only=True)
    file_number = serializers.CharField(
        read_only=True, help_text="Aktenzeichen; leer, solange der Antrag Entwurf ist"
    )
    state = serializers.ChoiceField(choices=CaseState.choices, read_only=True)
    state_label = serializers.SerializerMethodField()
    round = serializers.IntegerField(read_only=True, help_text="0 = Entwurf, 1 = erste Einreichung, …")
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    submitted_at = serializers.DateTimeField(allow_null=True, read_only=True, help_text="Eingang")
    last_submitted_at = serializers.DateTimeField(allow_null=True, read_only=True)
    completeness_due = serializers.DateField(
        allow_null=True, read_only=True, help_text="Frist der Vollständigkeitsprüfung (§ 71 Abs. 1 BauO NRW)"
    )
    completed_at = serializers.DateTimeField(allow_null=True, read_only=True)
    decision_due = serializers.DateField(
        allow_null=True, read_only=True,
        help_text="Zeitpunkt der Entscheidung nach § 71 Abs. 6 BauO NRW, mitgeteilt mit der "
                  "Vollständigkeit (§ 71 Abs. 2 Nr. 1); leer vorher oder wenn das Gesetz keinen nennt"
    )
    verfahren_36a = serializers.BooleanField(
        read_only=True, help_text="Von der Bauaufsicht als Vorhaben nach § 36a BauGB eingeordnet (drei Monate für die "
                                  "Zustimmung der Gemeinde)"
    )
    decision = serializers.CharField(
        read_only=True, help_text="Ergebnis: approved, refused, withdrawn, withdrawn_fictitious; leer, solange offen"
    )
    decided_at = serializers.DateTimeField(
        allow_null=True, read_only=True, help_text="Versand des Bescheids bzw. Erfassung der Rücknahme"
    )
    decision_reason = serializers.CharField(read_only=True, help_text="Ablehnungsgründe bzw. Angaben zur Rücknahme")
    decision_conditions = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()), read_only=True,
        help_text="Nebenbestimmungen der Baugenehmigung: [{kind, text, fachstelle?, legal_basis?}]",
    )
    closed_at = serializers.DateTimeField(allow_null=True, read_only=True)
    retention_until = serializers.DateField(
        allow_null=True, read_only=True,
        help_text="Ende der Aufbewahrungsfrist; leer bei offenen Vorgängen und bei genehmigten "
                  "Vorhaben (aufzubewahren, solange die Anlage besteht, § 74 Abs. 5 Satz 3 BauO NRW)"
    )
    applicant = serializers.SerializerMethodField()
    possible_actions = serializers.SerializerMethodField(
        help_text="Übergänge, die der Status jetzt zulässt (unabhängig von Ihrer Rolle)"
    )
    vorhaben = VorhabenSerializer(read_only=True)
    links = ApplicationLinksSerializer(source="*", read_only=True)

    def get_state_label(self, case: Case) -> str:
        return str(CaseState(case.state).label)

    def get_applicant(self, case: Case) -> str:
        return case.applicant.display_name()

    def get_possible_actions(self, case: Case) -> list[str]:
        return [transition.name for transition in workflow.allowed(case)]


class NachforderungItemSerializer(StrictSerializer):
    document_type = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    title = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    finding = serializers.UUIDField(required=False, allow_null=True, default=None)

    def validate_document_type(self, value: str) -> str:
        if value and value not in document_type_names():
            raise serializers.ValidationError(_("Unbekannte Art der Bauvorlage."))
        return value


class NachforderungRequestSerializer(StrictSerializer):
    items = serializers.ListField(child=NachforderungItemSerializer(), max_length=100)
    message = serializers.CharField(max_length=8000, required=False, allow_blank=True, default="")
    deadline = serializers.DateField()


class NachforderungSerializer(serializers.Serializer[Nachforderung]):
    id = serializers.UUIDField(read_only=True)
    round = serializers.IntegerField(read_only=True)
    items = serializers.ListField(child=serializers.DictField(child=serializers.CharField()), read_only=True)
    message = serializers.CharField(read_only=True)
    deadline = serializers.DateField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    answered_at = serializers.DateTimeField(allow_null=True, read_only=True)
    reminded_at = serializers.DateTimeField(
        allow_null=True, read_only=True, help_text="Erinnerung vor Fristablauf gesendet"
    )
    expired_at = serializers.DateTimeField(
        allow_null=True, read_only=True,
        help_text="Frist ohne erneute Einreichung abgelaufen (Folge entscheidet die Bauaufsicht)"
    )
    original_deadline = serializers.DateField(
        allow_null=True, read_only=True, help_text="Frist vor der ersten Verlängerung"
    )


class HistoryEntrySerializer(serializers.Serializer[AuditEvent]):
    """One audit event. The applicant side sees the authority as „Bauaufsicht“ and no internal error text."""

    created_at = serializers.DateTimeField(read_only=True)
    event = serializers.CharField(read_only=True)
    event_label = serializers.SerializerMethodField()
    actor_label = serializers.SerializerMethodField()
    message = serializers.CharField(read_only=True)
    before = serializers.JSONField(read_only=True)
    after = serializers.SerializerMethodField()

    def get_event_label(self, entry: AuditEvent) -> str:
        return event_label(entry.event)

    def get_actor_label(self, entry: AuditEvent) -> str:
        if self.context.get("casework"):
            return entry.actor_label
        if entry.actor is not None and not entry.actor.is_applicant_side:
            return str(_("Bauaufsicht"))
        return actor_name(entry)

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_after(self, entry: AuditEvent) -> Any:
        if entry.event == CaseEvent.CHECK_FAILED and not self.context.get("casework"):
            return None
        return entry.after
