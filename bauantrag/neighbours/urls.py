from django.urls import path

from bauantrag.neighbours import views

app_name = "neighbours"
urlpatterns = [
    path("vorgaenge/<uuid:case_id>/", views.page, name="page"),
]
