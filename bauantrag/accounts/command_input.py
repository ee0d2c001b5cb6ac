"""What the operator's import commands (plans, Flurstücke) share: the Kommune by its slug and a bounded file read."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.db import DatabaseError

from bauantrag.accounts.models import Tenant


def tenant_by_slug(slug: str) -> Tenant:
    try:
        tenant = Tenant.objects.filter(slug=slug).first()
    except DatabaseError as exc:
        raise CommandError(f"Die Datenbank ist nicht bereit (manage.py migrate ausgeführt?): {exc}") from exc
    if tenant is None:
        raise CommandError(f"Keine Kommune mit dem Kurznamen „{slug}“.")
    return tenant


def read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CommandError(f"Die Datei ist zu groß ({size / 1_048_576:.1f} MB, höchstens {max_bytes >> 20} MB).")
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"Die Datei {path} kann nicht gelesen werden: {exc.strerror or exc}") from exc
