"""Settings of the test suite (pytest passes `--ds=bauantrag.settings.test`): the embedded default, faster where
speed changes nothing a test checks."""

from bauantrag.settings.base import *  # noqa: F403
from bauantrag.settings.base import DATABASES

# Argon2 costs ~0.4 s per hash by design; the suite creates and logs in thousands of users. The production
# hashers are tested on their own (tests/accounts/test_registration.py sets them back).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A test database is thrown away: PostgreSQL need not wait for the disk at each commit.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].get("OPTIONS", {})
    DATABASES["default"]["OPTIONS"] = {**_options, "options": "-c synchronous_commit=off"}
