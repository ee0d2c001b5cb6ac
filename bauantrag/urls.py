from django.contrib import admin
from django.urls import include, path

from bauantrag.accounts import map_settings, staff_views
from bauantrag.accounts import views as account_views
from bauantrag.api.views import tokens as api_tokens

urlpatterns = [
    path("", account_views.home, name="home"),
    path("konto/", include("bauantrag.accounts.urls")),
    path("antraege/", include("bauantrag.portal.urls")),
    path("bauaufsicht/", include("bauantrag.workspace.urls")),
    path("dokumente/", include("bauantrag.documents.urls")),
    path("plaene/", include("bauantrag.plans.urls")),
    path("flurstuecke/", include("bauantrag.parcels.urls")),
    path("kommune/karte/", map_settings.map_settings, name="tenant_map_settings"),
    path("api/", include("bauantrag.api.urls")),
    path("regelwerk/", include("bauantrag.catalogue.urls")),
    path("assistenz/", include("bauantrag.assist.urls")),
    path("post/", include("bauantrag.correspondence.urls")),
    path("beteiligung/", include("bauantrag.beteiligung.urls")),
    path("nachbarn/", include("bauantrag.neighbours.urls")),
    path("statistik/", include("bauantrag.reports.urls")),
    path("kommune/schnittstelle/", api_tokens.token_list, name="api_tokens"),
    path("kommune/schnittstelle/<str:prefix>/widerrufen/", api_tokens.token_revoke, name="api_token_revoke"),
    path("kommune/mitarbeitende/", staff_views.staff_list, name="staff_list"),
    path("kommune/mitarbeitende/<int:staff_id>/", staff_views.staff_detail, name="staff_detail"),
    path("kommune/mitarbeitende/<int:staff_id>/rolle/", staff_views.staff_role, name="staff_role"),
    path("kommune/mitarbeitende/<int:staff_id>/aktiv/", staff_views.staff_active, name="staff_active"),
    path("kommune/mitarbeitende/<int:staff_id>/einladung/", staff_views.staff_invitation, name="staff_invitation"),
    path("kommune/mitarbeitende/<int:staff_id>/faktor-zuruecksetzen/", staff_views.staff_mfa_reset,
         name="staff_mfa_reset"),
    path("kommune/mitarbeitende/<int:staff_id>/faktor-zuruecksetzen/bestaetigen/",
         staff_views.staff_mfa_reset_approve, name="staff_mfa_reset_approve"),
    path("kommune/archiv/", include("bauantrag.decision.urls")),
    path("gebuehren/", include("bauantrag.fees.urls")),
    path("verwaltung/", admin.site.urls),
]
