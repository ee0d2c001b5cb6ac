from django.urls import path

from bauantrag.fees import views

app_name = "fees"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("kasse.csv", views.export_csv, name="export"),
    path("vorgaenge/<uuid:case_id>/", views.case_fee_page, name="case"),
    path("tarif/", views.tariff, name="tariff"),
    path("tarif/einstellungen/", views.settings_page, name="settings"),
    path("tarif/saetze/neu/", views.rate_create, name="rate_create"),
    path("tarif/saetze/<uuid:rate_id>/", views.rate_detail, name="rate"),
    path("tarif/rohbauwerte/neu/", views.rohbauwert_create, name="rohbauwert_create"),
    path("tarif/rohbauwerte/<uuid:rohbauwert_id>/", views.rohbauwert_detail, name="rohbauwert"),
]
