from django.contrib.auth import views as auth_views
from django.urls import path

from bauantrag.accounts import views

app_name = "accounts"
urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.mfa, name="mfa"),
    path("registrieren/", views.register, name="register"),
]
