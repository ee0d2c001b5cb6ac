#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): every bench/*_bench.py, e.g. the pre-check time per example
# application and the XPlanGML import time of the largest sample plan.
source "$(dirname "$0")/lib.sh"
ensure_venv requirements/test.txt
for bench in bench/*_bench.py; do
  echo "==> $bench"
  "$PY" "$bench" "$@"
done
