"""Settings of a production installation behind a TLS-terminating reverse proxy (nginx, Apache, a load balancer)
that sets `X-Forwarded-Proto: https`: `DJANGO_SETTINGS_MODULE=bauantrag.settings.production`.

Passes `manage.py check --deploy` without warnings (tests/settings/test_production.py). Everything else is read
from the same environment variables as the embedded default; BAUANTRAG_SECRET_KEY must be set here.
"""

from bauantrag.settings.base import *  # noqa: F403
from bauantrag.settings.environment import read

SECRET_KEY = read("BAUANTRAG_SECRET_KEY")
if len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "BAUANTRAG_SECRET_KEY muss in Produktion gesetzt sein (mindestens 50 Zeichen, z. B. "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )
DEBUG = False

# The proxy terminates TLS and tells Django so; only a proxy that overwrites this header may sit in front.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS: int = read("BAUANTRAG_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
