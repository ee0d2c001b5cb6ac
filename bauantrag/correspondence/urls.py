from django.urls import path

from bauantrag.correspondence import template_views, views

app_name = "correspondence"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("briefkopf/", views.letterhead, name="letterhead"),
    path("vorlagen/", template_views.template_list, name="templates"),
    path("vorlagen/<slug:kind>/", template_views.template_edit, name="template_edit"),
    path("textbausteine/", template_views.textbausteine, name="textbausteine"),
    path("vorgang/<uuid:case_id>/", views.mailbox, name="mailbox"),
    path("vorgang/<uuid:case_id>/schreiben/neu/", views.letter_new, name="letter_new"),
    path("nachricht/<uuid:message_id>/", views.message_thread, name="message"),
    path("schreiben/<uuid:letter_id>/", views.letter_detail, name="letter"),
    path("schreiben/<uuid:letter_id>/senden/", views.letter_send, name="letter_send"),
    path("schreiben/<uuid:letter_id>/vorschau/", views.letter_preview, name="letter_preview"),
    path("schreiben/<uuid:letter_id>/pdf/", views.letter_pdf, name="letter_pdf"),
    path("schreiben/<uuid:letter_id>/anlagen/", views.letter_enclosures, name="letter_enclosures"),
]
