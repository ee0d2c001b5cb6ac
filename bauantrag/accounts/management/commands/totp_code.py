from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice

from bauantrag.accounts.totp import current_code


class Command(BaseCommand):
    help = "Zeigt den aktuellen TOTP-Code eines Kontos (für die Demo und Tests)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        device = TOTPDevice.objects.filter(user__username=options["username"], confirmed=True).first()
        if device is None:
            raise CommandError("Für dieses Konto ist kein TOTP-Gerät eingerichtet.")
        self.stdout.write(current_code(device))
