#!/usr/bin/env bash
# Evaluations of the shipped models (figures, not pass/fail): `classifier` or `extraction`.
source "$(dirname "$0")/lib.sh"
ensure_system_packages
ensure_venv requirements/test.txt
case "${1:-}" in
  classifier) "$PY" -m bauantrag.assist.classification.evaluate "${@:2}" ;;
  extraction) "$PY" -m bauantrag.assist.extraction.evaluate "${@:2}" ;;
  *) echo "Aufruf: scripts/eval.sh classifier|extraction" >&2; exit 2 ;;
esac
