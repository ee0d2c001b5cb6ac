#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): pre-check time per example application.
source "$(dirname "$0")/lib.sh"
ensure_venv requirements/test.txt
"$PY" bench/precheck_bench.py "$@"
