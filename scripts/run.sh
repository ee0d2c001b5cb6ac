#!/usr/bin/env bash
# Set up and run the demo: installs what is missing, prepares SQLite and the document folder,
# loads the demo Kommune and serves http://127.0.0.1:8000 with its background worker.
source "$(dirname "$0")/lib.sh"
ensure_system_packages
ensure_venv requirements/base.txt
export DJANGO_SETTINGS_MODULE=bauantrag.settings
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
"$PY" manage.py load_demo
exec "$ROOT/scripts/serve.sh"
