# Shared steps of run.sh, test.sh and bench.sh. Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Bitte als root ausführen oder sudo installieren: $*" >&2; return 1; fi
}

apt_install() {
  # Install the Debian packages that are missing (checked with dpkg, so a second run is quick).
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> Debian-Pakete installieren: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

python_bin() {
  # Python 3.11: the machine's (pyenv or Debian 12's python3).
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
      command -v "$candidate"; return 0; fi
  done
  echo "Python 3.11 wird benötigt (Debian 12: apt-get install python3)." >&2; return 1
}

ensure_system_packages() {
  if command -v dpkg >/dev/null; then
    # tesseract: OCR of scanned Bauvorlagen (German); pango + DejaVu: WeasyPrint's letters and Bescheide.
    apt_install ca-certificates python3 python3-venv python3-dev gcc \
      tesseract-ocr tesseract-ocr-deu libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core "$@"
  fi
}

pip_quiet() {
  # pip, without the "Location ... is ignored" notes some machines' pip configuration prints.
  "$PY" -m pip "$@" 2> >(grep -v '^WARNING: Location' >&2)
}

ensure_venv() {
  # $1: requirements file (pinned). Reinstalls only when it changed.
  local req="$1" stamp="$VENV/.installed-$(basename "$1")"
  if [ ! -x "$PY" ]; then "$(python_bin)" -m venv "$VENV"; fi
  if [ ! -f "$stamp" ] || ! cmp -s "$stamp" <(cat requirements/*.txt pyproject.toml); then
    echo "==> Python-Pakete installieren ($req)"
    pip_quiet install -q --upgrade pip
    # Exactly the pinned versions, each checked against its hash (requirements/*.txt, compiled by `make lock`).
    pip_quiet install -q --require-hashes -r "$req"
    # The project itself, for the `bauantrag` command (build noise shown only if it fails).
    pip_quiet install -q --no-deps -e . >/dev/null 2>&1 || pip_quiet install --no-deps -e .
    cat requirements/*.txt pyproject.toml > "$stamp"
  fi
}

pg_running() { "$PY" - <<'PYEOF' 2>/dev/null
import psycopg
psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=2).close()
PYEOF
}

redis_running() { "$PY" -c 'import redis; redis.Redis(host="127.0.0.1", port=6379, socket_timeout=2).ping()' 2>/dev/null; }

ensure_services() {
  # PostgreSQL and Redis on 127.0.0.1, started (and installed) when they are not running.
  if ! pg_running; then
    command -v pg_ctlcluster >/dev/null || apt_install postgresql
    local version; version="$(ls /etc/postgresql | sort -V | tail -n1)"
    if ! grep -q "^host all all 127.0.0.1/32 trust" "/etc/postgresql/$version/main/pg_hba.conf"; then
      # Test-only cluster access: trust on loopback, as on the CI machines.
      as_root sed -i '1i host all all 127.0.0.1/32 trust' "/etc/postgresql/$version/main/pg_hba.conf"
    fi
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    for _ in $(seq 30); do pg_running && break; sleep 1; done
  fi
  if ! redis_running; then
    command -v redis-server >/dev/null || apt_install redis-server
    mkdir -p /tmp/bauantrag-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/bauantrag-redis
    for _ in $(seq 30); do redis_running && break; sleep 1; done
  fi
  pg_running || { echo "PostgreSQL läuft nicht auf 127.0.0.1:5432" >&2; return 1; }
  redis_running || { echo "Redis läuft nicht auf 127.0.0.1:6379" >&2; return 1; }
}
