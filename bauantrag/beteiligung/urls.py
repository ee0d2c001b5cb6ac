from django.urls import path

from bauantrag.beteiligung import views

app_name = "beteiligung"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<uuid:beteiligung_id>/", views.detail, name="detail"),
    path("<uuid:beteiligung_id>/dokumente/<uuid:document_id>/", views.document, name="document"),
    path("<uuid:beteiligung_id>/zuruecknehmen/", views.withdraw, name="withdraw"),
    path("<uuid:beteiligung_id>/verlaengern/", views.extend, name="extend"),
    path("vorgaenge/<uuid:case_id>/anfragen/", views.start, name="start"),
    path("vorgaenge/<uuid:case_id>/paragraph-36a/", views.verfahren_36a, name="verfahren_36a"),
    path("fachstellen/", views.fachstellen, name="fachstellen"),
    path("fachstellen/neu/", views.fachstelle_create, name="fachstelle_create"),
    path("fachstellen/<uuid:fachstelle_id>/", views.fachstelle_detail, name="fachstelle"),
]
