from django.urls import path

from bauantrag.neighbours import views

app_name = "neighbours"
urlpatterns = [
    path("vorgaenge/<uuid:case_id>/", views.page, name="page"),
    path("vorgaenge/<uuid:case_id>/einwendungen/<uuid:objection_id>/datei/", views.objection_file,
         name="objection_file"),
]
