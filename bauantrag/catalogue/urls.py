from django.urls import path

from bauantrag.catalogue import views

app_name = "catalogue"
urlpatterns = [path("", views.regelwerk, name="regelwerk")]
