"""Django settings of every installation, configured by environment variables (see README, "Betrieb").

The embedded default needs nothing: SQLite, local document folder, a Celery worker
on a filesystem broker. Production sets BAUANTRAG_DATABASE_URL (PostgreSQL) and
BAUANTRAG_BROKER_URL (Redis).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from bauantrag.secret_files import read_or_create
from bauantrag.settings.database import database
from bauantrag.settings.environment import read

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Parallel test processes (pytest-xdist names each in PYTEST_XDIST_WORKER) keep their files apart; "" = no subfolder.
DATA_DIR = Path(read("BAUANTRAG_DATA_DIR") or BASE_DIR / "var") / os.environ.get("PYTEST_XDIST_WORKER", "")
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key: str = read("BAUANTRAG_SECRET_KEY")
    if key:
        return key
    return read_or_create(DATA_DIR / "secret_key", lambda: secrets.token_urlsafe(50))


SECRET_KEY = _secret_key()
DEBUG: bool = read("BAUANTRAG_DEBUG")
ALLOWED_HOSTS: list[str] = read("BAUANTRAG_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS: list[str] = read("BAUANTRAG_CSRF_TRUSTED_ORIGINS")
PUBLIC_URL: str = read("BAUANTRAG_PUBLIC_URL")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_zxcvbn_password_validator",  # its German catalogue of zxcvbn's findings (accounts.password_policy)
    "bauantrag.accounts",
    "bauantrag.audit",
    "bauantrag.cases",
    "bauantrag.documents",
    "bauantrag.portal",
    "bauantrag.workspace",
    "bauantrag.plans",
    "bauantrag.parcels",
    "bauantrag.api",
    "bauantrag.catalogue",
    "bauantrag.notifications",
    "bauantrag.assist",
    "bauantrag.correspondence",
    "bauantrag.decision",
    "bauantrag.beteiligung",
    "bauantrag.neighbours",
    "bauantrag.fees",
    "bauantrag.reports",
    "bauantrag.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "bauantrag.audit.middleware.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "bauantrag.accounts.middleware.StaffMfaMiddleware",
    "bauantrag.accounts.security_events.DeniedAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bauantrag.accounts.session_limits.StaffSessionLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "bauantrag.urls"
WSGI_APPLICATION = "bauantrag.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "bauantrag" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bauantrag.panels.context_processors.nav_links",
            ],
        },
    },
]

DATABASES = {"default": database(read("BAUANTRAG_DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "bauantrag.accounts.password_policy.GuessablePasswordValidator"},
]
# zxcvbn's score (0–4) a new password must reach: 3 = "safely unguessable" for an attacker without the database,
# and words of this site that a password must not lean on (beside the person's own name and address).
PASSWORD_MINIMAL_STRENGTH = 3
PASSWORD_EXTRA_DICTIONARY = [
    "bauantrag", "bauaufsicht", "baugenehmigung", "bauamt", "passwort", "kennwort", "musterstadt", "verwaltung",
]
# A reset link is valid for one hour and only once (it is bound to the password hash and the last login).
PASSWORD_RESET_TIMEOUT = 60 * 60
# Staff sessions (accounts.session_limits) end after this much inactivity and at the latest this long after the login.
STAFF_IDLE_SECONDS: int = read("BAUANTRAG_STAFF_IDLE_MINUTES") * 60
STAFF_SESSION_SECONDS: int = read("BAUANTRAG_STAFF_SESSION_HOURS") * 60 * 60
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
OTP_TOTP_ISSUER = "Bauantrag"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # django_otp's own admin views never show a key (accounts/admin.py: none at all)

# German is the source language of all UI text (docs/decisions/0002). The browser's Accept-Language is not
# followed until a complete translation exists: Django's own strings would otherwise switch to English alone.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "bauantrag" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "bauantrag" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DOCUMENT_ROOT = Path(read("BAUANTRAG_DOCUMENT_ROOT") or DATA_DIR / "documents")
DOCUMENT_MAX_BYTES: int = read("BAUANTRAG_DOCUMENT_MAX_BYTES")
DOCUMENT_MAX_PER_CASE: int = read("BAUANTRAG_DOCUMENT_MAX_PER_CASE")
DOCUMENT_MAX_PER_USER_PER_DAY: int = read("BAUANTRAG_DOCUMENT_MAX_PER_DAY")
DOCUMENT_TENANT_QUOTA_BYTES: int = read("BAUANTRAG_DOCUMENT_TENANT_QUOTA_BYTES")  # 0 = no quota
# Encryption at rest: base64 of 32 random bytes; without it a key file is created in DATA_DIR on first use.
DOCUMENT_KEY: str = read("BAUANTRAG_DOCUMENT_KEY")
DOCUMENT_KEY_FILE = DATA_DIR / "document_key"
# The audit trail's key (HMAC of every event and checkpoint) and its checkpoints, both outside the database.
AUDIT_KEY_FILE = Path(read("BAUANTRAG_AUDIT_KEY_FILE") or DATA_DIR / "audit_key")
AUDIT_ANCHOR_DIR = Path(read("BAUANTRAG_AUDIT_ANCHOR_DIR") or DATA_DIR / "anchors")
AUDIT_ANCHOR_MAIL: str = read("BAUANTRAG_AUDIT_ANCHOR_MAIL")
SECURITY_ALERT_MAIL: str = read("BAUANTRAG_SECURITY_ALERT_MAIL")
# Virus scanner: tcp://host:3310 or unix:///run/clamav/clamd.ctl; empty = no scanner (documents marked so).
DOCUMENT_CLAMD: str = read("BAUANTRAG_CLAMD")
DOCUMENT_CLAMD_TIMEOUT: float = read("BAUANTRAG_CLAMD_TIMEOUT")
# Electronic seal of the letters (correspondence): PKCS#12 file of the authority's certificate; empty = unsealed.
SEAL_PKCS12: str = read("BAUANTRAG_SEAL_PKCS12")
SEAL_PASSWORD: str = read("BAUANTRAG_SEAL_PASSWORD")
# Reading the text of Bauvorlagen (documents.text): text layer, else Tesseract OCR, in a limited child process.
DOCUMENT_TEXT_MAX_PAGES: int = read("BAUANTRAG_TEXT_MAX_PAGES")
DOCUMENT_TEXT_PAGE_TIMEOUT: float = read("BAUANTRAG_TEXT_PAGE_TIMEOUT")  # seconds per page
DOCUMENT_TEXT_MEMORY_MB: int = read("BAUANTRAG_TEXT_MEMORY_MB")
# Reading Bebauungspläne and Flurstücke (plans, parcels) in a limited child process (bauantrag.sandbox).
IMPORT_MEMORY_MB: int = read("BAUANTRAG_IMPORT_MEMORY_MB")
IMPORT_TIMEOUT: float = read("BAUANTRAG_IMPORT_TIMEOUT")
DOCUMENT_OCR_COMMAND: str = read("BAUANTRAG_TESSERACT")
DOCUMENT_OCR_LANGUAGE: str = read("BAUANTRAG_OCR_LANGUAGE")
# Scanned pages of one document recognised at once on a worker (one Tesseract process each; at most its cores).
DOCUMENT_OCR_WORKERS: int = read("BAUANTRAG_OCR_WORKERS")
FILE_UPLOAD_HANDLERS = [
    "bauantrag.documents.limits.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# The cache holds the login-failure counters: shared by all web processes (files here, Redis in production).
_cache_url: str = read("BAUANTRAG_CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url.startswith("redis")
        else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(DATA_DIR / "cache")}
    )
}

# Only behind these proxies is X-Forwarded-For believed (accounts.client_address); empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES: list[str] = read("BAUANTRAG_TRUSTED_PROXIES")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE: bool = read("BAUANTRAG_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the one framed page (the PDF viewer, documents.views.inline) allows SAMEORIGIN itself
# Content-Security-Policy (django-csp): scripts and styles from our own static files only, never inline. The site
# page adds the origin of the Kommune's WMS to img-src (portal.site_views), the PDF viewer frame-ancestors 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # data: for the icons in Leaflet's and Leaflet-Geoman's style sheets
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Background work: Celery. Embedded default = a real worker on a filesystem broker.
CELERY_BROKER_URL: str = read("BAUANTRAG_BROKER_URL")
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem"):
    _broker_dir = DATA_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),  # kombu's default is ./control in the working directory
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # An unacknowledged task (acks_late) goes back to the queue when a worker has held it this long. It must
        # exceed the longest task, or a task still running is handed out a second time: the longest is reading a
        # Bauvorlage of BAUANTRAG_TEXT_MAX_PAGES pages at BAUANTRAG_TEXT_PAGE_TIMEOUT each (5 hours by default).
        # Work whose worker died is taken up long before by the sweeper (bauantrag.celery.leases).
        "visibility_timeout": int(DOCUMENT_TEXT_MAX_PAGES * DOCUMENT_TEXT_PAGE_TIMEOUT) + 3600,
        "socket_connect_timeout": 5,  # a broker that is down answers the web request in seconds, not minutes
    }
CELERY_TASK_ALWAYS_EAGER: bool = read("BAUANTRAG_TASKS_EAGER")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing a task after a commit tries briefly, then gives up; the work stays waiting for the sweeper
# (bauantrag.celery.queueing).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
# Work marked running whose last sign of life is older than this belongs to a dead worker and is queued again
# (bauantrag.celery.leases). At least two page timeouts, so a slow page of OCR never looks dead.
BACKGROUND_LEASE_SECONDS: float = max(float(read("BAUANTRAG_TASK_LEASE_SECONDS")), 2 * DOCUMENT_TEXT_PAGE_TIMEOUT)
# Periodic work, run by `celery -A bauantrag worker --beat` (scripts/serve.sh) or a separate `celery beat`.
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Checkpoints of the audit chains outside the database (audit.anchor); a changed chain is reported, not anchored.
    "audit.anchor": {"task": "bauantrag.audit.tasks.anchor_audit_chains", "schedule": 60 * 60},
    # Nachforderung deadlines: reminders before, expiry (with the proposed consequence) after. Idempotent.
    "cases.run_deadlines": {"task": "bauantrag.cases.tasks.run_deadlines", "schedule": 60 * 60},
    # Refused/withdrawn cases at the end of their retention: listed for the offer to the archive. Deletes nothing.
    "decision.offer_to_archive": {"task": "bauantrag.decision.tasks.offer_to_archive", "schedule": 24 * 60 * 60},
    # Notifications whose sending could not be queued when their action committed (broker down).
    "notifications.requeue_unsent": {
        "task": "bauantrag.notifications.tasks.requeue_unsent_notifications", "schedule": 10 * 60,
    },
    # Letters of case events (Eingangsbestätigung …) whose rendering could not be queued when the action committed.
    "correspondence.requeue_system_letters": {
        "task": "bauantrag.correspondence.tasks.requeue_system_letters", "schedule": 15 * 60,
    },
    # Pre-checks and readings of Bauvorlagen still waiting (the broker was down) or left running by a dead worker.
    "celery.sweep_stuck_work": {"task": "bauantrag.celery.tasks.sweep_stuck_work", "schedule": 5 * 60},
}

# Deadlines and the end of the procedure (bauantrag/cases/deadlines.py, bauantrag/decision/actions.py).
# Reminder to the applicant side this many working days before a Nachforderung's deadline.
NACHFORDERUNG_REMINDER_WORKING_DAYS: int = read("BAUANTRAG_NACHFORDERUNG_REMINDER_DAYS")
# Aufbewahrung (bauantrag/decision/retention.py). Approved cases have no end date: the Bauvorlagen are kept „so lange
# …, wie die Anlage besteht“ (§ 74 Abs. 5 Satz 3 BauO NRW); there is no setting for them. Refused and withdrawn cases:
# years after the end of the closing year (0 = dauerhaft), then offered to the archive (ArchivG NRW § 10 Abs. 4); no
# statutory period was found, so the default is a placeholder for the Kommune's Aktenplan. Nothing is deleted.
RETENTION_YEARS_NOT_APPROVED: int = read("BAUANTRAG_RETENTION_YEARS_NOT_APPROVED")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "bauantrag.api.authentication.MfaSessionAuthentication",
        "bauantrag.api.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "bauantrag.api.permissions.TokenScopePermission",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "bauantrag.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Bauantrag API",
    "DESCRIPTION": "Bauanträge, Bauvorlagen, Prüfbefunde und Vorgangsaktionen",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "FindingStatusEnum": "bauantrag.cases.models.checks.FindingStatus",
        "CheckRunStatusEnum": "bauantrag.cases.models.checks.CheckRunStatus",
        "ProcedureEnum": "bauantrag.cases.models.case.Procedure",
    },
}

# Notification e-mails: over SMTP when BAUANTRAG_SMTP_HOST is set, otherwise printed on the console.
EMAIL_HOST: str = read("BAUANTRAG_SMTP_HOST")
EMAIL_BACKEND: str = read("BAUANTRAG_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_USE_TLS: bool = read("BAUANTRAG_SMTP_STARTTLS")
EMAIL_PORT: int = read("BAUANTRAG_SMTP_PORT") or (587 if EMAIL_USE_TLS else 25)
EMAIL_HOST_USER: str = read("BAUANTRAG_SMTP_USER")
EMAIL_HOST_PASSWORD: str = read("BAUANTRAG_SMTP_PASSWORD")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL: str = read("BAUANTRAG_MAIL_SENDER")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Optional language model per Kommune (bauantrag.assist.summary): the tenant administrator enters the address of
# the Kommune's own OpenAI-compatible server. The operator must allow this at all (off: this server never sends a
# request to a language model) and may restrict the hosts (comma separated names or IPs; empty: any host).
LLM_ALLOWED: bool = read("BAUANTRAG_LLM_ALLOWED")
LLM_ALLOWED_HOSTS = tuple(h.strip().lower() for h in read("BAUANTRAG_LLM_HOSTS") if h.strip())

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": read("BAUANTRAG_LOG_LEVEL")},
}
