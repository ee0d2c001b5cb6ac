"""The hand-computed NRW cases (``hand_cases``): each one gives what the statute gives, and no violation comes out
as „erfüllt“. The cases were written from the statute text before the engine was changed (23 cases; main at
eaff4ce got 10 right)."""

import pytest

from tests.rules.hand_cases import CASES, HandCase, evaluate


def test_es_gibt_mindestens_fuenfzehn_handgerechnete_faelle() -> None:
    assert len(CASES) >= 15
    assert len({case.key for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.key for case in CASES])
def test_jeder_handgerechnete_fall_ergibt_was_das_gesetz_ergibt(case: HandCase) -> None:
    outcome = evaluate(case)
    assert not outcome.dropped, f"Felder unbekannt: {outcome.dropped}"
    assert outcome.right, f"{case.title}: {'; '.join(outcome.problems)}\n{case.computation}"
    assert not outcome.violation_passed
