from django.urls import path

from bauantrag.documents import views

app_name = "documents"
urlpatterns = [
    path("<uuid:document_id>/", views.download, name="download"),
    path("<uuid:document_id>/ansicht/", views.inline, name="inline"),
]
