#!/usr/bin/env bash
# Load benchmark of the pages (bench/load/run.py): needs PostgreSQL (BAUANTRAG_BENCH_LOAD_DATABASE_URL or the
# default postgres://postgres@127.0.0.1:5432/bauantrag_load, created if missing); fills it once with
# generate_load_data and keeps it for the next run.
source "$(dirname "$0")/lib.sh"
ensure_venv requirements/test.txt
URL="${BAUANTRAG_BENCH_LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bauantrag_load}"
"$PY" - "$URL" <<'PYEOF'
import sys
import psycopg
url = sys.argv[1]
base, name = url.rsplit("/", 1)
with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
        conn.execute(f'CREATE DATABASE "{name}"')
PYEOF
export BAUANTRAG_DATA_DIR="${BAUANTRAG_DATA_DIR:-$ROOT/.bench-load-data}"
mkdir -p "$BAUANTRAG_DATA_DIR"
"$PY" bench/load/run.py --database-url "$URL" "$@"
