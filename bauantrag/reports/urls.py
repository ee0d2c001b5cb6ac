from django.urls import path

from bauantrag.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.csv", views.export, {"kind": "summary"}, name="export"),
    path("vorgaenge.csv", views.export, {"kind": "cases"}, name="export_cases"),
    path("ueberfaellig.csv", views.export, {"kind": "overdue"}, name="export_overdue"),
]
