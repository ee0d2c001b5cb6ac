from django.urls import URLPattern

app_name = "beteiligung"
urlpatterns: list[URLPattern] = []
