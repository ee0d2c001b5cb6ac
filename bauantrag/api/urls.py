"""The versioned REST API: /api/v1/…  (namespace "api"). Unknown API paths answer with a JSON 404."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from bauantrag.api.base import not_found
from bauantrag.api.views import applications, documents, findings, workflow

app_name = "api"

_case = "applications/<uuid:case_id>/"

v1 = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("applications/", applications.ApplicationListView.as_view(), name="application-list"),
    path(_case, applications.ApplicationDetailView.as_view(), name="application-detail"),
    path(_case + "submit/", workflow.SubmitView.as_view(), name="application-submit"),
    path(_case + "resubmit/", workflow.ResubmitView.as_view(), name="application-resubmit"),
    path(_case + "confirm-completeness/", workflow.ConfirmCompletenessView.as_view(),
         name="application-confirm-completeness"),
    path(_case + "nachforderung/", workflow.NachforderungView.as_view(), name="application-nachforderung"),
    path(_case + "nachforderungen/", applications.NachforderungListView.as_view(),
         name="application-nachforderungen"),
    path(_case + "findings/", findings.CaseFindingsView.as_view(), name="application-findings"),
    path(_case + "check/", findings.CaseCheckView.as_view(), name="application-check"),
    path(_case + "history/", applications.CaseHistoryView.as_view(), name="application-history"),
    path(_case + "documents/", documents.CaseDocumentsView.as_view(), name="application-documents"),
    path("documents/<uuid:document_id>/", documents.DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<uuid:document_id>/content/", documents.DocumentContentView.as_view(),
         name="document-content"),
    path("findings/<uuid:finding_id>/", findings.FindingDetailView.as_view(), name="finding-detail"),
    path("findings/<uuid:finding_id>/review/", findings.FindingReviewView.as_view(), name="finding-review"),
]

urlpatterns = [
    path("v1/", include(v1)),
    re_path(r"^(?P<path>.*)$", not_found, name="not-found"),
]
