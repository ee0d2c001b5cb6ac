#!/usr/bin/env bash
# Evaluations of the shipped models (figures, not pass/fail): `classifier`, `extraction` or `blind`.
source "$(dirname "$0")/lib.sh"
ensure_system_packages
ensure_venv requirements/test.txt
case "${1:-}" in
  classifier) "$PY" -m bauantrag.assist.classification.evaluate "${@:2}" ;;
  extraction) "$PY" -m bauantrag.assist.extraction.evaluate "${@:2}" ;;
  blind) "$PY" -m bauantrag.assist.blind "${@:2}" ;;
  *) echo "Aufruf: scripts/eval.sh classifier|extraction|blind" >&2; exit 2 ;;
esac
