from typing import Any

from django.core.management.base import BaseCommand

from bauantrag.demo import seed as demo


class Command(BaseCommand):
    help = "Lädt die Demo (Stadt Musterstadt, Kreis Unna) und zeigt die Demo-Zugänge."

    def handle(self, *args: Any, **options: Any) -> None:
        created = demo.load()
        self.stdout.write("Demo geladen." if created else "Demo war bereits geladen.")
        self.stdout.write(demo.DEMO_PLAN_NOTE)
        self.stdout.write(f"\nDemo-Zugänge (Passwort für alle: {demo.DEMO_PASSWORD})")
        self.stdout.write("Dienstkonten brauchen einen TOTP-Code: Geheimnis in eine Authenticator-App eintragen")
        self.stdout.write("oder den aktuellen Code abrufen mit: .venv/bin/python manage.py totp_code BENUTZERNAME\n")
        for label, username, secret in demo.login_table():
            self.stdout.write(f"  {label:<42} {username:<40} TOTP: {secret}")
