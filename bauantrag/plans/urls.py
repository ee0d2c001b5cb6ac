from django.urls import path

from bauantrag.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("uebernehmen/", views.upload, name="upload"),
    path("<uuid:plan_id>/", views.detail, name="detail"),
    path("<uuid:plan_id>/xplan.gml", views.download, name="download"),
]
