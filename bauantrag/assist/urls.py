from django.urls import include, path

app_name = "assist"
urlpatterns = [
    path("", include("bauantrag.assist.extraction.urls")),
    path("", include("bauantrag.assist.summary.urls")),
]
