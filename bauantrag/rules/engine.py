"""Entry point of the check engine.

``run_precheck`` runs the rule set of a Land on a Vorhaben. Exceptions of a rule propagate: a broken rule is
never turned into a ``pass``. ``RULESET_VERSION`` is stored with every run; raise it whenever a rule, a legal
basis or a threshold changes.
"""

from __future__ import annotations

from collections.abc import Callable

from bauantrag.rules.model import CheckResult, RuleError, Vorhaben
from bauantrag.rules.nrw import precheck as nrw_precheck

RULESET_VERSION = "nrw-2026.11.1"

_LAENDER: dict[str, Callable[[Vorhaben], nrw_precheck.NrwOutcome]] = {"nrw": nrw_precheck.run}


def run_precheck(v: Vorhaben, *, land: str = "nrw") -> CheckResult:
    """Run the automatic pre-check: Gebäudeklasse, Sonderbau, Verfahrensart and Bauvorlagen."""
    try:
        rules = _LAENDER[land]
    except KeyError:
        raise ValueError(
            f"Kein Regelwerk für das Land {land!r}; verfügbar: {', '.join(sorted(_LAENDER))}"
        ) from None
    outcome = rules(v)
    ids = [finding.rule for finding in outcome.findings]
    if len(ids) != len(set(ids)):
        raise RuleError(f"duplicate rule ids in one run: {ids}")
    return CheckResult(
        procedure=outcome.procedure,
        building_class=outcome.building_class,
        findings=outcome.findings,
        ruleset_version=RULESET_VERSION,
    )
