from django.contrib.auth import views as auth_views
from django.urls import path

from bauantrag.accounts import passwords, views

app_name = "accounts"
urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.mfa, name="mfa"),
    path("registrieren/", views.register, name="register"),
    path("passwort/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("passwort/vergessen/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("passwort/vergessen/gesendet/", passwords.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("passwort/neu/<uidb64>/<token>/", passwords.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("passwort/neu/fertig/", passwords.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
