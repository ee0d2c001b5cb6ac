from django.urls import path

from bauantrag.workspace import decision_views, views

app_name = "workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("vorgaenge/<uuid:case_id>/", views.case_view, name="case"),
    path("vorgaenge/<uuid:case_id>/vollstaendig/", views.confirm, name="confirm"),
    path("vorgaenge/<uuid:case_id>/nachforderung/", views.nachforderung, name="nachforderung"),
    path("vorgaenge/<uuid:case_id>/zuweisung/", views.assign_case, name="assign"),
    path("vorgaenge/<uuid:case_id>/protokoll/", views.history, name="history"),
    path("befunde/<uuid:finding_id>/bewertung/", views.review, name="review"),
    path("vorgaenge/<uuid:case_id>/entscheidung/", decision_views.decide, name="decision"),
    path("vorgaenge/<uuid:case_id>/ruecknahme/", decision_views.withdraw, name="withdrawal"),
    path("vorgaenge/<uuid:case_id>/nachforderung/frist/", decision_views.extend, name="extend_deadline"),
]
