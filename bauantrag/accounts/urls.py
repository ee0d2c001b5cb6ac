from django.contrib.auth import views as auth_views
from django.urls import path

from bauantrag.accounts import passwords, registration, staff_views, views

app_name = "accounts"
urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.mfa, name="mfa"),
    path("registrieren/", registration.register, name="register"),
    path("registrieren/gesendet/", registration.register_done, name="register_done"),
    path("bestaetigen/erneut/", registration.resend_verification, name="resend_verification"),
    path("bestaetigen/<str:token>/", registration.verify, name="verify_email"),
    path("einladung/<str:token>/", staff_views.accept_invitation, name="accept_invitation"),
    path("passwort/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("passwort/vergessen/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("passwort/vergessen/gesendet/", passwords.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("passwort/neu/<uidb64>/<token>/", passwords.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("passwort/neu/fertig/", passwords.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
