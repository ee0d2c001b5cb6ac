#!/usr/bin/env bash
# Set up and run all tests: lint, types, migrations check, the suite on SQLite and on PostgreSQL
# (with a real Celery worker on Redis and the browser tests in Debian's Chromium).
source "$(dirname "$0")/lib.sh"
ensure_system_packages chromium fonts-dejavu-core
ensure_venv requirements/test.txt
ensure_services
export DJANGO_SETTINGS_MODULE=bauantrag.settings
export BAUANTRAG_DATA_DIR="$ROOT/var/test"
echo "==> ruff";  "$VENV/bin/ruff" check .
echo "==> mypy";  "$VENV/bin/mypy" bauantrag
echo "==> import contracts"; "$VENV/bin/lint-imports"
echo "==> migrations"; "$PY" manage.py makemigrations --check --dry-run -v 0
echo "==> pytest (SQLite)"
BAUANTRAG_DATABASE_URL="sqlite://" "$PY" -m pytest -q -m "not worker and not browser" "$@"
echo "==> pytest (PostgreSQL, Redis worker, Chromium)"
BAUANTRAG_DATABASE_URL="postgres://postgres@127.0.0.1:5432/bauantrag" \
BAUANTRAG_BROKER_URL="redis://127.0.0.1:6379/15" \
  "$PY" -m pytest -q "$@"
