#!/usr/bin/env bash
# Set up and run all tests: lint, types, import contracts, migrations check, the vulnerability audit of the pins
# (skipped with one line where no advisory data is reachable; fails on a found vulnerability), then pytest in three runs:
#   1. every test except the worker and browser tests on PostgreSQL, in 2 processes (pytest-xdist): the
#      database-free tests run here once, the database tests on the production database;
#   2. the tests with a real Celery worker on Redis and the browser tests (Debian's Chromium), one at a time;
#   3. the database tests again on SQLite (the embedded default), in 2 processes and in random order
#      (pytest-randomly; the seed is printed: rerun one order with BAUANTRAG_DATABASE_URL=sqlite:// and
#      `.venv/bin/pytest -p randomly --randomly-seed=N -m "db and not worker and not browser"`).
# Database and Redis are overridable so that several checkouts can test at once:
#   BAUANTRAG_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bauantrag; pytest-django adds test_…)
#   BAUANTRAG_TEST_BROKER_URL   (default redis://127.0.0.1:6379/15)
#   BAUANTRAG_TEST_PROCESSES    (default 2; 0 runs everything in one process)
# Arguments are passed to every pytest run, e.g. `bash scripts/test.sh tests/cases`.
source "$(dirname "$0")/lib.sh"
ensure_system_packages chromium fonts-dejavu-core
ensure_venv requirements/test.txt
ensure_services
export DJANGO_SETTINGS_MODULE=bauantrag.settings
export BAUANTRAG_DATA_DIR="$ROOT/var/test"
PG_URL="${BAUANTRAG_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bauantrag}"
BROKER_URL="${BAUANTRAG_TEST_BROKER_URL:-redis://127.0.0.1:6379/15}"
PROCESSES="${BAUANTRAG_TEST_PROCESSES:-2}"
PARALLEL=(-n "$PROCESSES")

pytest_run() {
  # pytest, where "no test selected" (exit 5, e.g. a path argument without worker tests) is not a failure.
  local status=0
  "$PY" -m pytest -q "$@" || status=$?
  if [ "$status" = 5 ]; then echo "(keine Tests in dieser Auswahl)"; return 0; fi
  return "$status"
}

echo "==> ruff";  "$VENV/bin/ruff" check .
echo "==> mypy";  "$VENV/bin/mypy" bauantrag
echo "==> import contracts"; "$VENV/bin/lint-imports"
echo "==> migrations"; BAUANTRAG_DATABASE_URL="sqlite://" "$PY" manage.py makemigrations --check --dry-run -v 0
echo "==> vulnerability audit of the pins"; "$PY" scripts/audit_pins.py requirements/test.txt
echo "==> pytest 1/3: all but worker and browser tests, PostgreSQL, $PROCESSES processes"
BAUANTRAG_DATABASE_URL="$PG_URL" BAUANTRAG_BROKER_URL="$BROKER_URL" \
  pytest_run -m "not worker and not browser" "${PARALLEL[@]}" "$@"
echo "==> pytest 2/3: real Celery worker on Redis and Chromium, PostgreSQL, one at a time"
BAUANTRAG_DATABASE_URL="$PG_URL" BAUANTRAG_BROKER_URL="$BROKER_URL" \
  pytest_run -m "worker or browser" "$@"
SEED="$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')"
echo "==> pytest 3/3: database tests on SQLite, random order (--randomly-seed=$SEED), $PROCESSES processes"
BAUANTRAG_DATABASE_URL="sqlite://" \
  pytest_run -m "db and not worker and not browser" -p randomly --randomly-seed="$SEED" "${PARALLEL[@]}" "$@"
