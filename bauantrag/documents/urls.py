from django.urls import path

from bauantrag.documents import views

app_name = "documents"
urlpatterns = [
    path("<uuid:document_id>/", views.download, name="download"),
    path("<uuid:document_id>/ansicht/", views.inline, name="inline"),
    path("<uuid:document_id>/text/", views.text, name="text"),
    path("<uuid:document_id>/text-status/", views.text_status, name="text_status"),
    path("vorgang/<uuid:case_id>/suche/", views.case_search, name="search"),
]
