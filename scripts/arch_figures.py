"""Figures of the code's structure (issue 11): app-level import cycles, defensive imports, hand-made registries,
inline permission checks and domain parameters typed ``Any``. Reads the source with ``ast``; runs nothing.

    python scripts/arch_figures.py            # the figures
    python scripts/arch_figures.py --edges    # plus every app -> app import with file and line

"Runtime imports" are all imports (module level and inside functions, ``importlib.import_module`` with a literal)
except those under ``if TYPE_CHECKING:``; migrations are left out. An "app" is a folder under ``bauantrag/``; a
top-level module (``bauantrag/demo/seed.py``) counts as its own node.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "bauantrag"
PURE = ("rules", "formats")
PERMISSIONS = "bauantrag/accounts/permissions.py"  # the one place the check is written
DOMAIN_NAMES = {
    "case", "cases", "document", "documents", "user", "actor", "tenant", "letter", "finding", "beteiligung",
    "event", "nachforderung", "run", "vorhaben", "form", "fachstelle", "message", "check_run", "subject",
}
CASEWORK_INLINE = re.compile(r"does_casework.*tenant_id|tenant_id.*does_casework")
HANDMADE_REGISTRY = re.compile(r"^_[A-Z_]+: dict\[str, .*\] = \{\}$|^REGISTRY = Registry\(\)$", re.MULTILINE)
ONE_REGISTRY = re.compile(r"\bRegistry\(\"")


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "bauantrag" or len(parts) == 1:
        return None
    return parts[1] if (PKG / parts[1]).is_dir() else "bauantrag." + parts[1]


def module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


class Imports(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool) -> None:
        self.module, self.is_package = module, is_package
        self.found: list[tuple[str, int, bool]] = []  # (module, line, dynamic)

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.found += [(alias.name, node.lineno, False) for alias in node.names]

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        target = node.module or ""
        if node.level:
            base = self.module.split(".")[: None if self.is_package else -1]
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, *([node.module] if node.module else [])])
        self.found += [(f"{target}.{alias.name}", node.lineno, False) for alias in node.names]

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        first = node.args[0] if node.args else None
        if name in ("import_module", "__import__") and isinstance(first, ast.Constant) and isinstance(first.value, str):
            self.found.append((first.value, node.lineno, True))
        self.generic_visit(node)


def defensive(tree: ast.Module, found: list[tuple[str, int, bool]]) -> list[tuple[int, str]]:
    """Imports of the project's own apps that are guarded or dynamic: importlib with a literal, an import inside
    ``try: … except ImportError``, ``apps.is_installed``/``apps.get_model`` probing."""
    out = [(line, f"importlib {target}") for target, line, dynamic in found if dynamic and app_of(target)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Try):
            names = {getattr(e, "id", getattr(e, "attr", "")) for h in node.handlers if h.type is not None
                     for e in (h.type.elts if isinstance(h.type, ast.Tuple) else [h.type])}
            imports = [n for b in node.body for n in ast.walk(b) if isinstance(n, ast.ImportFrom)]
            if names & {"ImportError", "ModuleNotFoundError"} and any(app_of(i.module or "") for i in imports):
                out.append((node.lineno, "try/except ImportError"))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("is_installed", "get_model"):
            out.append((node.lineno, f"apps.{node.func.attr}"))  # type: ignore[union-attr]
    return out


def any_params(tree: ast.Module) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
                if arg.annotation is not None and ast.unparse(arg.annotation) == "Any" and arg.arg in DOMAIN_NAMES:
                    out.append((node.lineno, f"{node.name}({arg.arg})"))
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return result


def main(argv: list[str]) -> int:
    edges: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    guarded, typed_any, inline, registries = [], [], [], []
    shared_registries = 0
    for path in sorted(PKG.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        visitor = Imports(module_of(path), path.name == "__init__.py")
        visitor.visit(tree)
        app = app_of(module_of(path)) or "bauantrag"
        edges[app]
        for target, line, _dynamic in visitor.found:
            other = app_of(target)
            if other and other != app:
                edges[app].add(other)
                edges[other]
                where[(app, other)].append(f"{path.relative_to(ROOT)}:{line} {target}")
        name = str(path.relative_to(ROOT))
        guarded += [f"{name}:{line} {what}" for line, what in defensive(tree, visitor.found)]
        if app not in PURE:
            typed_any += [f"{name}:{line} {what}" for line, what in any_params(tree)]
        inline += [f"{name}:{n} {line.strip()}" for n, line in enumerate(source.splitlines(), 1)
                   if CASEWORK_INLINE.search(line) and name != PERMISSIONS]
        registries += [f"{name}: {m.group(0)}" for m in HANDMADE_REGISTRY.finditer(source)]
        shared_registries += len(ONE_REGISTRY.findall(source))
    found = cycles(edges)
    print(f"registries built on bauantrag.registry.Registry: {shared_registries}")
    print(f"app-level cycles: {len(found)}; apps in cycles: {sum(len(c) for c in found)}")
    for component in found:
        print("   ", ", ".join(component))
    for title, rows in (("defensive imports of own apps", guarded), ("hand-made registries", registries),
                        ("inline casework-for-this-Kommune checks", inline),
                        ("domain parameters typed Any (outside rules/, formats/)", typed_any)):
        print(f"{title}: {len(rows)}")
        for row in rows:
            print("   ", row)
    if "--edges" in argv:
        for (a, b), rows in sorted(where.items()):
            print(f"{a} -> {b}")
            for row in rows:
                print("   ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
