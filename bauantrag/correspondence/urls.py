from django.urls import URLPattern

app_name = "correspondence"
urlpatterns: list[URLPattern] = []
