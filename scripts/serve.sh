#!/usr/bin/env bash
# Serve the web application (gunicorn) and the background worker (Celery, with the embedded beat scheduler for
# the periodic work: deadlines hourly, unsent notifications every 10 minutes, the sweeper of stuck pre-checks and
# text readings every 5 minutes) until Ctrl+C. The worker runs under supervision: when it dies (a crash, kill -9,
# out of memory) what is left of its process group is ended and it starts again, after a pause that grows from 1 to
# 30 seconds while it keeps dying within a minute of starting.
source "$(dirname "$0")/lib.sh"
export DJANGO_SETTINGS_MODULE=bauantrag.settings
BIND="${BAUANTRAG_BIND:-127.0.0.1:8000}"

supervise() {
  # Run "$@" in its own process group, again and again, until this subshell is told to stop.
  local pid="" pause=1 started status
  trap 'if [ -n "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; exit 0' INT TERM
  while true; do
    started=$SECONDS
    setsid "$@" &
    pid=$!
    status=0
    wait "$pid" || status=$?
    kill -KILL -- "-$pid" 2>/dev/null || true  # pool children the dead main process left behind
    pid=""
    if (( SECONDS - started >= 60 )); then pause=1; fi
    echo "==> Worker beendet (Status $status), Neustart in $pause s" >&2
    sleep "$pause"
    pause=$(( pause * 2 > 30 ? 30 : pause * 2 ))
  done
}

supervise "$VENV/bin/celery" -A bauantrag worker --beat --loglevel=warning --concurrency=1 &
SUPERVISOR=$!
echo "==> Bauantrag läuft auf http://$BIND (Beenden mit Strg+C)"
"$VENV/bin/gunicorn" bauantrag.wsgi --bind "$BIND" --workers 2 --access-logfile - --error-logfile - &
WEB=$!
stop() {
  trap - EXIT INT TERM
  kill -TERM "$WEB" "$SUPERVISOR" 2>/dev/null || true
  wait "$WEB" "$SUPERVISOR" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT
wait "$WEB"  # interruptible: a TERM (kill, systemd) ends web and worker, not only Ctrl+C
