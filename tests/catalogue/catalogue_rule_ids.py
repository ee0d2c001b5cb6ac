"""Every rule id the engine can emit, read from the source of ``bauantrag/rules`` (not from the catalogue).

Module-level constants named ``*RULE``/``*RULE_ID`` give ids, ``*RULE_PREFIX`` give prefixes; a prefix is
completed by the constant first arguments of the module's calls (``_single("verfahrensfrei", ...)``) and by the
Bauvorlagen registry (``BAUVORLAGEN``), from which the per-Bauvorlage ids are formed. As a second net every
string literal that looks like a rule id (``bauo_nrw.…``, ``baupruefvo.…``, ``baunvo.…``, ``bplan.…``) counts.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN

RULES_DIR = Path(__file__).resolve().parents[2] / "bauantrag" / "rules"
ID_NAME = re.compile(r"(^|_)RULE(_ID)?$")
ID_LITERAL = re.compile(r"^(bauo_nrw|baupruefvo|baunvo|bplan)\.[a-z0-9_.\-]+$")


def rule_ids_in_code() -> set[str]:
    ids: set[str] = set()
    for path in sorted(RULES_DIR.rglob("*.py")):
        if path.name.startswith("catalogue"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prefixes = []
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                value = node.value.value
                if not isinstance(value, str):
                    continue
                if any(ID_NAME.search(name) for name in names):
                    ids.add(value)
                elif any(name.endswith("RULE_PREFIX") for name in names):
                    prefixes.append(value)
        literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        ids |= {text for text in literals if ID_LITERAL.match(text) and not text.endswith(".")}
        for prefix in prefixes:
            ids |= {prefix + slug for slug in BAUVORLAGEN}
            ids |= {prefix + arg for arg in _first_string_args(tree)}
    return ids


def _first_string_args(tree: ast.Module) -> set[str]:
    """Constant first arguments of calls to module-private helpers that build findings (``_single``)."""
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_single"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found
