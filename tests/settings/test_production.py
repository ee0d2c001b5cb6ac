"""bauantrag.settings.production passes Django's deployment checks behind a TLS proxy, in a fresh process."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # A clean environment: none of the suite's BAUANTRAG_* or DJANGO_* variables (the browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE in their process, which the deployment check rightly refuses).
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("BAUANTRAG_", "DJANGO_"))}
    environment.update(DJANGO_SETTINGS_MODULE="bauantrag.settings.production", BAUANTRAG_DATA_DIR=str(tmp_path),
                       BAUANTRAG_ALLOWED_HOSTS="bauantrag.kreis-unna.de", **env)
    return subprocess.run([sys.executable, "manage.py", *args], capture_output=True, text=True, cwd=REPO,
                          env=environment, timeout=120)


def test_check_deploy_finds_nothing(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING",
                    BAUANTRAG_SECRET_KEY=secrets.token_urlsafe(50), BAUANTRAG_CACHE_URL="redis://127.0.0.1:6379/1",
                    BAUANTRAG_TRUSTED_PROXIES="127.0.0.1", BAUANTRAG_CLAMD="unix:///run/clamav/clamd.ctl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_check_deploy_warns_of_a_login_throttle_that_cannot_hold(tmp_path: Path) -> None:
    """Without Redis the counters are not atomic across web processes; behind the proxy without trusted proxies
    every client is the proxy's address."""
    result = manage(tmp_path, "check", "--deploy", BAUANTRAG_SECRET_KEY=secrets.token_urlsafe(50))
    assert "accounts.W001" in result.stderr + result.stdout and "accounts.W002" in result.stderr + result.stdout


def test_check_deploy_warns_when_uploads_are_not_scanned_for_malware(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", "--deploy", BAUANTRAG_SECRET_KEY=secrets.token_urlsafe(50))
    assert "documents.W001" in result.stderr + result.stdout
    assert "Kein Virenscanner eingerichtet (BAUANTRAG_CLAMD ist leer)" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = manage(tmp_path, "check")
    assert result.returncode != 0 and "BAUANTRAG_SECRET_KEY muss in Produktion gesetzt sein" in result.stderr


HEADERS_PROBE = """
from django.test import Client
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="bauantrag.kreis-unna.de")
plain = Client(HTTP_HOST="bauantrag.kreis-unna.de").get("/konto/anmelden/")
page = client.get("/konto/anmelden/")
print("redirect", plain.status_code, plain.get("Location"))
print("status", page.status_code)
print("hsts", page.get("Strict-Transport-Security"))
print("csp", page.get("Content-Security-Policy"))
print("cookie", page.cookies["csrftoken"].output())
"""


def test_production_answers_with_hsts_csp_and_secure_cookies_only_over_https(tmp_path: Path) -> None:
    result = manage(tmp_path, "shell", "-c", HEADERS_PROBE, BAUANTRAG_SECRET_KEY=secrets.token_urlsafe(50))
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines.get("redirect") == "301 https://bauantrag.kreis-unna.de/konto/anmelden/", result.stdout + result.stderr
    assert lines["status"] == "200"
    assert lines["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in lines["csp"] and "script-src 'self';" in lines["csp"] + ";"
    assert "unsafe-inline" not in lines["csp"] and "frame-ancestors 'none'" in lines["csp"]
    assert "Secure" in lines["cookie"] and "SameSite=Lax" in lines["cookie"]
