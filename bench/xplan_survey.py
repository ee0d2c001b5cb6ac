"""Survey of real XPlanGML files: read every plan under one or more directories and report what the reader and
the planning check make of it.

    XPLAN_SURVEY_DIR=/pfad/a:/pfad/b .venv/bin/python bench/xplan_survey.py [--out bericht.md] [--no-probes]

Without ``XPLAN_SURVEY_DIR`` (and without directories as arguments) the project's own copies of real plans in
``tests/data/xplan`` are surveyed. ``*.gml`` and ``*.xml`` files are read, and the ``*.gml`` members of ``*.zip``
archives (as the xplanbox test data ships them). Files with the same content are surveyed once.

Per file: the plans in it (name, XPlanGML version, areas, überbaubare Flächen with own values, values of 0),
warnings and errors of the reader, the reading time, and the probe buildings of ``xplan_probes`` (false ``fail``
findings on compliant probes; probes on and across Baulinien). Fetched plans are not part of the repository: the
table this prints is committed (``docs/xplan-survey.md``), the plans are not.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from xplan_probes import ProbeTally, baulinie_probes, compliant_probes  # noqa: E402

from bauantrag.formats.xplan import PlanFormatError, read_plans  # noqa: E402
from bauantrag.rules.planning.plan import Bebauungsplan  # noqa: E402

DEFAULT_DIR = REPO / "tests" / "data" / "xplan"
_MASS = ("grz", "grz_max", "gr", "gr_max", "gfz", "gfz_max", "gf", "gf_max", "bmz", "z", "z_max", "z_exact")


@dataclass
class FileResult:
    name: str
    copies: int = 1
    plans: list[Bebauungsplan] = field(default_factory=list)
    error: str = ""
    read_ms: float = 0.0
    probes: ProbeTally = field(default_factory=ProbeTally)


def sources(roots: list[Path]) -> Iterator[tuple[str, bytes]]:
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            label = str(path.relative_to(root)) if root.is_dir() else path.name
            suffix = path.suffix.lower()
            if suffix in (".gml", ".xml"):
                yield f"{root.name}/{label}", path.read_bytes()
            elif suffix == ".zip":
                try:
                    with zipfile.ZipFile(path) as archive:
                        for member in archive.namelist():
                            if member.lower().endswith(".gml"):
                                yield f"{root.name}/{label}!{member}", archive.read(member)
                except zipfile.BadZipFile:
                    yield f"{root.name}/{label}", b""


def _is_plan(data: bytes) -> bool:
    head = data[:200_000]
    return b"xplanung.de/xplangml" in head or b"_Plan" in head


def read(data: bytes) -> list[Bebauungsplan]:
    return list(read_plans(data))


def survey(roots: list[Path], probes: bool) -> list[FileResult]:
    results: dict[str, FileResult] = {}
    for label, data in sources(roots):
        if not _is_plan(data):
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in results:
            results[digest].copies += 1
            continue
        result = results[digest] = FileResult(label)
        start = time.perf_counter()
        try:
            result.plans = read(data)
        except PlanFormatError as exc:
            result.error = str(exc)
        result.read_ms = (time.perf_counter() - start) * 1000
        if probes:
            for plan in result.plans:
                result.probes.add(compliant_probes(plan))
                result.probes.add(baulinie_probes(plan))
    return sorted(results.values(), key=lambda r: r.name)


def zeros(plan: Bebauungsplan) -> int:
    """Values the plan gives as 0 (read as "not set")."""
    count = 0
    for feature in (*plan.areas, *plan.buildable_areas):
        count += len(feature.zero_values) + sum(len(h.zero_values) for h in feature.heights)
    return count


def buildable_with_values(plan: Bebauungsplan) -> int:
    return sum(1 for b in plan.buildable_areas if any(getattr(b, n, None) is not None for n in _MASS) or b.heights)


def _cell(text: str, width: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def render(results: list[FileResult]) -> str:
    total = ProbeTally()
    for result in results:
        total.add(result.probes)
    read_ok = [r for r in results if not r.error]
    versions = Counter(p.xplan_version for r in read_ok for p in r.plans)
    lines = [
        f"Dateien (verschiedene Inhalte): {len(results)} ({sum(r.copies for r in results)} mit Kopien); "
        f"gelesen: {len(read_ok)}; Fehler: {len(results) - len(read_ok)}; Pläne: {sum(len(r.plans) for r in read_ok)}; "
        f"Versionen: {', '.join(f'{v}: {n}' for v, n in sorted(versions.items()))}",
        f"Werte 0 (GRZ/GFZ/GF/Z/Höhen …): {sum(zeros(p) for r in read_ok for p in r.plans)}",
        f"Probehäuser regelkonform: {total.compliant}, davon mit falschem „nicht erfüllt“: {total.compliant_with_fail} "
        f"({', '.join(f'{k}: {v}' for k, v in sorted(total.fails_by_rule.items())) or '–'})",
        f"Probehäuser auf einer Baulinie: {total.on_baulinie}, davon beanstandet: {total.on_baulinie_flagged}; "
        f"über eine Baulinie geschoben: {total.crossing}, davon als Baulinie benannt: {total.crossing_named_baulinie}",
        "",
        "| Datei | Kopien | Pläne | Version | Flächen | üb. Fl. mit Werten | Werte 0 | ms | Probe: falsch/alle | "
        "Baulinie: beanstandet/alle | Fehler |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        probe = f"{r.probes.compliant_with_fail}/{r.probes.compliant}"
        on_line = f"{r.probes.on_baulinie_flagged}/{r.probes.on_baulinie}"
        lines.append(
            f"| {_cell(r.name, 200)} | {r.copies} | {len(r.plans)} | "
            f"{', '.join(sorted({p.xplan_version for p in r.plans})) or '–'} | {sum(len(p.areas) for p in r.plans)} | "
            f"{sum(buildable_with_values(p) for p in r.plans)} | {sum(zeros(p) for p in r.plans)} | {r.read_ms:.0f} | "
            f"{probe} | {on_line} | "
            f"{_cell(r.error) or '–'} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, help="Verzeichnisse (Standard: $XPLAN_SURVEY_DIR)")
    parser.add_argument("--out", type=Path, help="Bericht zusätzlich in diese Datei schreiben")
    parser.add_argument("--no-probes", action="store_true", help="ohne Probehäuser (nur lesen)")
    parser.add_argument("--messages", action="store_true", help="die Meldungen der beanstandeten Probehäuser zeigen")
    args = parser.parse_args(argv)
    roots = args.dirs or [Path(p) for p in os.environ.get("XPLAN_SURVEY_DIR", "").split(":") if p]
    if not roots:
        print(f"XPLAN_SURVEY_DIR nicht gesetzt: untersucht werden nur die Pläne in {DEFAULT_DIR.relative_to(REPO)}.")
        roots = [DEFAULT_DIR]
    missing = [str(root) for root in roots if not root.exists()]
    if missing:
        print(f"Verzeichnis fehlt: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = survey(roots, probes=not args.no_probes)
    report = render(results)
    print(report)
    if args.messages:
        for r in results:
            for message in r.probes.messages:
                print(f"{r.name}: {message}")
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
