"""Known vulnerabilities of the pinned packages (requirements/test.txt, which holds every pin), with pip-audit.

Fails (exit 1) on a found vulnerability. Where no advisory service answers (no network, PyPI's vulnerability
data not served by the index in use, OSV unreachable), it says so in one line and passes: an unreachable
database is no finding. Usage: python scripts/audit_pins.py [requirements file]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UNREACHABLE = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "timed out")


def verdict(report: dict[str, Any]) -> tuple[int, str]:
    """(exit status, message) for pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    if vulnerable:
        lines = [f"  {d['name']} {d['version']}: " + ", ".join(
            f"{v['id']} (behoben in {', '.join(v.get('fix_versions') or ['–'])})" for v in d["vulns"])
            for d in vulnerable]
        return 1, "Bekannte Schwachstellen in den festen Paketversionen:\n" + "\n".join(lines)
    skipped = [d for d in dependencies if d.get("skip_reason")]
    if dependencies and len(skipped) == len(dependencies):
        return 0, (f"Schwachstellenprüfung übersprungen: keine Advisory-Datenbank erreichbar "
                   f"(alle {len(skipped)} Pakete ohne Auskunft, z. B. „{skipped[0]['skip_reason']}“).")
    checked = len(dependencies) - len(skipped)
    note = f", {len(skipped)} ohne Auskunft: {', '.join(d['name'] for d in skipped)}" if skipped else ""
    return 0, f"Schwachstellenprüfung: {checked} Pakete geprüft, keine bekannte Schwachstelle{note}."


def main(requirements: Path) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "audit.json"
        result = subprocess.run(  # noqa: S603 - our venv's pip-audit, fixed arguments
            [sys.executable, "-m", "pip_audit", "--requirement", str(requirements), "--require-hashes",
             "--disable-pip", "--progress-spinner", "off", "--format", "json", "--output", str(out)],
            capture_output=True, text=True, timeout=600,
        )
        if not out.exists():
            if any(marker in result.stderr for marker in UNREACHABLE):
                print("Schwachstellenprüfung übersprungen: keine Advisory-Datenbank erreichbar (Netz).")
                return 0
            print(result.stderr[-2000:], file=sys.stderr)
            return result.returncode or 1
        status, message = verdict(json.loads(out.read_text()))
    print(message)
    return status


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "requirements" / "test.txt"))
