"""Routes of the extraction (under /assistenz/, names in the "assist" namespace)."""

from django.urls import URLPattern, path

from bauantrag.assist.extraction import views

urlpatterns: list[URLPattern] = [
    path("dokument/<uuid:document_id>/angaben/", views.document_values, name="extraction_values"),
]
