#!/usr/bin/env bash
# Fault benchmark (figures, not a speed test): kill -9 the Celery worker mid-task BAUANTRAG_FAULT_KILLS times
# (default 100) and count what is lost; prints kills, kills that hit a running task, what was unfinished after the
# last kill and how long the sweeper took to finish it. Needs PostgreSQL and Redis like `make test`
# (BAUANTRAG_TEST_DATABASE_URL, BAUANTRAG_TEST_BROKER_URL). Run by `make bench-kills`; CI runs 10 in the test suite.
source "$(dirname "$0")/../scripts/lib.sh"
ensure_venv requirements/test.txt
ensure_services
export DJANGO_SETTINGS_MODULE=bauantrag.settings
export BAUANTRAG_DATA_DIR="$ROOT/var/test"
export BAUANTRAG_FAULT_KILLS="${BAUANTRAG_FAULT_KILLS:-100}"
BAUANTRAG_DATABASE_URL="${BAUANTRAG_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bauantrag}" \
BAUANTRAG_BROKER_URL="${BAUANTRAG_TEST_BROKER_URL:-redis://127.0.0.1:6379/15}" \
  "$PY" -m pytest -q -s -n 0 -p no:randomly tests/worker/test_worker_kills.py
