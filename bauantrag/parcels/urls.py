from django.urls import path

from bauantrag.parcels import views

app_name = "parcels"
urlpatterns = [
    path("", views.parcel_list, name="list"),
    path("uebernehmen/", views.upload, name="upload"),
    path("suche/", views.search, name="search"),
    path("<uuid:parcel_id>/", views.detail, name="detail"),
]
