"""A contract type for import-linter (pyproject.toml, ``[tool.importlinter]``): what an app may take from another.

An app may import another app's public modules and names (actions, access, models, …), never

* a private module or name of another app (``documents.views._response``): make it public where it belongs;
* another app's views (``bauantrag.x.views``, ``bauantrag.x.views.*``, ``bauantrag.x.*_views``): what two apps'
  pages share belongs to a lower layer. Only the root URLconf (``bauantrag.urls``) may import views.

Apps are the packages directly under the container (``bauantrag``).
"""

from __future__ import annotations

import re
from typing import Any

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

_FROM_IMPORT = re.compile(r"^\s*from\s+\S+\s+import\s+\(?(?P<names>[^)#]*)")


def _app(module: str, container: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == container and len(parts) > 1 else None


def _is_views(module: str) -> bool:
    parts = module.split(".")[2:]
    return "views" in parts or any(part.endswith("_views") for part in parts)


def _is_private(module: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in module.split(".")[2:])


def _private_names(line: str) -> list[str]:
    match = _FROM_IMPORT.match(line)
    if not match:
        return []
    names = [name.split(" as ")[0].strip() for name in match.group("names").split(",")]
    return [name for name in names if name.startswith("_") and not name.startswith("__")]


class AppBoundariesContract(Contract):
    container = fields.StringField()
    url_conf = fields.StringField()

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        violations: list[dict[str, Any]] = []
        for importer in sorted(graph.modules):
            source = _app(importer, self.container)
            if source is None:
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = _app(imported, self.container)
                if target is None or target == source:
                    continue
                for detail in graph.get_import_details(importer=importer, imported=imported):
                    reason = self._reason(importer, imported, detail["line_contents"])
                    if reason:
                        violations.append({"importer": importer, "imported": imported, "reason": reason,
                                           "line": detail["line_number"]})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def _reason(self, importer: str, imported: str, line: str) -> str:
        if _is_private(imported):
            return "a private module of another app"
        names = _private_names(line)
        if names:
            return f"a private name of another app ({', '.join(names)})"
        if _is_views(imported) and importer != self.url_conf:
            return "another app's views"
        return ""

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            output.print_error(
                f"{violation['importer']} -> {violation['imported']} (l.{violation['line']}): {violation['reason']}",
                bold=False,
            )
        output.new_line()
