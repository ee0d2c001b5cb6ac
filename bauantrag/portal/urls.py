from django.urls import path

from bauantrag.portal import document_views, map_views, site_views, views

app_name = "portal"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("neu/", views.create, name="create"),
    path("<uuid:case_id>/", views.detail, name="detail"),
    path("<uuid:case_id>/bearbeiten/", views.edit, name="edit"),
    path("<uuid:case_id>/lage/", site_views.site, name="site"),
    path("<uuid:case_id>/lage/kartendaten/", map_views.site_map_data, name="site_map_data"),
    path("<uuid:case_id>/bauvorlagen/", views.upload, name="upload"),
    path("<uuid:case_id>/bauvorlagen/<uuid:document_id>/loeschen/", document_views.delete, name="delete_document"),
    path("<uuid:case_id>/bauvorlagen/<uuid:document_id>/ersetzen/", document_views.replace, name="replace_document"),
    path("<uuid:case_id>/einreichen/", views.submit, name="submit"),
    path("<uuid:case_id>/erneut-einreichen/", views.resubmit, name="resubmit"),
    path("<uuid:case_id>/eingangsbestaetigung/", views.receipt, name="receipt"),
    path("<uuid:case_id>/pruefung-status/", views.check_status, name="check_status"),
]
