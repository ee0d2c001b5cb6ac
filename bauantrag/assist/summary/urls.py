from django.urls import path

from bauantrag.assist.summary import settings_page, views

urlpatterns = [
    path("vorgang/<uuid:case_id>/zusammenfassung/", views.case_summary, name="summary"),
    path("sprachmodell/", settings_page.llm_settings, name="llm_settings"),
]
