"""A letter cites the paragraph; the Fassung only where it is still in force on the day of the letter."""

from __future__ import annotations

import datetime as dt

from bauantrag.correspondence.reasons import _version


def test_an_expired_fassung_applied_as_the_last_known_wording_is_not_cited_to_the_applicant() -> None:
    expired = "BauPrüfVO NRW in der vom 09.07.2021 bis 25.11.2024 geltenden Fassung"
    assert _version(expired, dt.date(2026, 12, 7)) == ""
    assert _version(expired, dt.date(2024, 11, 25)) == f" ({expired})"  # the last day it was in force


def test_a_fassung_in_force_is_cited() -> None:
    current = "BauO NRW in der ab 01.01.2024 geltenden Fassung"  # in force until 31.08.2026
    assert _version(current, dt.date(2025, 6, 1)) == f" ({current})"
    assert _version(current, dt.date(2026, 12, 7)) == ""
    assert _version("", dt.date(2026, 12, 7)) == ""
