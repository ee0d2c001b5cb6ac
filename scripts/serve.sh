#!/usr/bin/env bash
# Serve the web application (gunicorn) and the background worker (Celery, with the embedded beat scheduler for
# the periodic work: deadlines hourly, unsent notifications every 10 minutes) until Ctrl+C.
source "$(dirname "$0")/lib.sh"
export DJANGO_SETTINGS_MODULE=bauantrag.settings
BIND="${BAUANTRAG_BIND:-127.0.0.1:8000}"
"$VENV/bin/celery" -A bauantrag worker --beat --loglevel=warning --concurrency=1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM
echo "==> Bauantrag läuft auf http://$BIND (Beenden mit Strg+C)"
"$VENV/bin/gunicorn" bauantrag.wsgi --bind "$BIND" --workers 2 --access-logfile - --error-logfile -
