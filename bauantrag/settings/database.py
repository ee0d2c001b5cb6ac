"""BAUANTRAG_DATABASE_URL to Django's DATABASES entry, parsed by django-environ: options given as URL parameters
(`?sslmode=require&connect_timeout=5`) reach the driver; the project's defaults fill in what the URL leaves open."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import environ

SQLITE_DEFAULTS: dict[str, Any] = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
SCHEMES = ("sqlite", "postgres", "postgresql")


def database(url: str, data_dir: Path) -> dict[str, Any]:
    """`sqlite://` = data_dir/db.sqlite3, `sqlite:////abs/path.sqlite3`, `postgres://user:pass@host:port/db?…`."""
    scheme = urlparse(url).scheme
    if scheme not in SCHEMES:
        raise ValueError(f"BAUANTRAG_DATABASE_URL: unsupported scheme {scheme!r} (sqlite or postgres)")
    if url.rstrip("/") == "sqlite:":
        url = f"sqlite:///{data_dir / 'db.sqlite3'}"
    config: dict[str, Any] = dict(environ.Env.db_url_config(url))
    if scheme == "sqlite":
        config["OPTIONS"] = {**SQLITE_DEFAULTS, **config.get("OPTIONS", {})}
    else:
        config.setdefault("CONN_MAX_AGE", 60)
        config.setdefault("CONN_HEALTH_CHECKS", True)
        config["PORT"] = str(config.get("PORT") or "")
    return config
