"""Deadlines of a Beteiligung, in calendar months.

§ 36 Abs. 2 Satz 2 BauGB: the Einvernehmen of the Gemeinde is deemed given if it is not refused within two months
of the receipt of the request. Other Fachstellen get the period the Kommune set for them (default one month).

Computation (§ 31 Abs. 1 VwVfG NRW with §§ 187 Abs. 1, 188 Abs. 2 and 3 BGB, § 31 Abs. 3 VwVfG NRW), implemented
once in ``bauantrag.rules.calendar.add_months_deadline``:

* The day of receipt does not count; the deadline ends with the day of the later month that has the same number
  as the day of receipt: request on 15.01. + 2 Monate → 15.03.
* If the later month has no such day, the deadline ends with its last day: 31.12.2025 + 2 Monate → 28.02.2026,
  30.12.2027 + 2 Monate → 29.02.2028 (leap year).
* If the last day is a Saturday, Sunday or public holiday in NRW, the deadline ends with the next working day.

The request is delivered electronically in the Fachstelle's inbox the moment it is sent, so the day of receipt is
the day of the request (the Kommune's local date).
"""

from __future__ import annotations

import datetime as dt

from bauantrag.beteiligung.models import Fachstelle
from bauantrag.rules.calendar import add_months_deadline


def deadline_for(fachstelle: Fachstelle, received: dt.date) -> dt.date:
    """The last day for the Stellungnahme of ``fachstelle`` on a request received on ``received``."""
    return add_months_deadline(received, fachstelle.months)
