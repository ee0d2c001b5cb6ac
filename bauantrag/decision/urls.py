from django.urls import path

from bauantrag.decision import views

app_name = "decision"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("vermerk/", views.archive_offer, name="archive_offer"),
]
