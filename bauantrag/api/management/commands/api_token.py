"""The operator's API tokens: `api_token create|list|revoke` (each creation and revocation in the Kommune's trail)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from bauantrag.accounts.command_input import tenant_by_slug
from bauantrag.api.models import ApiToken, TokenScope
from bauantrag.api.tokens import create_token, revoke_token


class Command(BaseCommand):
    help = "API-Zugänge der Fachverfahren einer Kommune anlegen, auflisten und widerrufen."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Neuen Zugang anlegen; der Token wird einmal ausgegeben.")
        create.add_argument("--tenant", required=True, help="Kurzname der Kommune")
        create.add_argument("--name", required=True, help="Bezeichnung, z. B. das Fachverfahren")
        create.add_argument("--scope", required=True, choices=TokenScope.values)
        create.add_argument("--days", type=int, default=365, help="Gültigkeit in Tagen (1–730, Standard 365)")
        listing = sub.add_parser("list", help="Zugänge einer Kommune (ohne Token).")
        listing.add_argument("--tenant", required=True)
        revoke = sub.add_parser("revoke", help="Zugang sofort widerrufen.")
        revoke.add_argument("prefix", help="Kennung des Zugangs (8 Zeichen, siehe list)")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            tenant = tenant_by_slug(options["tenant"])
            try:
                issued = create_token(
                    None, tenant, name=options["name"], scope=options["scope"],
                    expires_at=timezone.now() + timedelta(days=options["days"]),
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
            self.stderr.write(f"API-Zugang {issued.token.prefix} für {tenant.name} angelegt, gültig bis "
                              f"{timezone.localtime(issued.token.expires_at):%d.%m.%Y}. Der Token wird nur "
                              f"jetzt angezeigt:")
            self.stdout.write(issued.secret)
        elif action == "list":
            tenant = tenant_by_slug(options["tenant"])
            for token in ApiToken.objects.filter(tenant=tenant):
                last = f"{timezone.localtime(token.last_used_at):%d.%m.%Y %H:%M}" if token.last_used_at else "nie"
                self.stdout.write(f"{token.prefix}\t{token.scope}\t{token.state_label()}\t"
                                  f"bis {timezone.localtime(token.expires_at):%d.%m.%Y}\tzuletzt {last}\t{token.name}")
        else:
            found = ApiToken.objects.select_related("tenant").filter(prefix=options["prefix"]).first()
            if found is None:
                raise CommandError(f"Kein API-Zugang mit der Kennung „{options['prefix']}“.")
            revoke_token(None, found)
            self.stdout.write(f"API-Zugang {found.prefix} ({found.name}, {found.tenant.name}) widerrufen.")
