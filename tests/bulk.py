"""Many rows at once, for the tests that check a page's cost does not grow with the number of rows."""

from __future__ import annotations

import datetime as dt
import uuid

from bauantrag.cases.models import Case, Vorhaben
from bauantrag.cases.running_due import store as store_running_due


def copies_of(case: Case, count: int, first_due: dt.date) -> list[Case]:
    """``count`` copies of a real submitted case (case row and Vorhaben), each due one day later than the one
    before: the lifecycle does not matter here, only many rows."""
    vorhaben = Vorhaben.objects.get(pk=case.pk)
    copies = []
    for number in range(count):
        copy = Case.objects.get(pk=case.pk)
        copy.pk = uuid.uuid4()
        copy.file_number = f"KOPIE-{first_due:%Y%m%d}-{number:04d}"
        copy.completeness_due = first_due + dt.timedelta(days=number)
        copies.append(copy)
    Case.objects.bulk_create(copies)
    extra = []
    for copy in copies:
        row = Vorhaben.objects.get(pk=vorhaben.pk)
        row.pk = copy.pk
        row.case = copy
        extra.append(row)
    Vorhaben.objects.bulk_create(extra)
    store_running_due(c.pk for c in copies)  # bulk_create sends no signals
    return copies
