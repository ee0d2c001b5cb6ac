"""The fees of the Kommune as a CSV file for its cash system (Kassenverfahren, e.g. an import of Sollstellungen).

Format, chosen for the import interfaces of German municipal finance software and for Excel/LibreOffice:

* UTF-8 with byte order mark, ``;`` as delimiter, every field in double quotes (RFC 4180), CRLF line ends;
* amounts with a decimal comma and two decimals, no thousands separator (``877,20``);
* dates as TT.MM.JJJJ (German notation, which such imports and spreadsheets read as a date);
* text cells are made safe against formula injection (a leading ``=``, ``+``, ``-``, ``@``, TAB, CR or LF gets a
  ``'`` in front, CWE-1236), so a name like "=HYPERLINK(…)" stays text.

One row per fee with a Kassenzeichen (i.e. fixed): Kassenzeichen, Aktenzeichen, Schuldner (Name and Anschrift of
the Bauherrschaft as far as the application has them), Betrag, Fälligkeit, Haushaltsstelle, Tarifstellen,
Festsetzungsdatum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from bauantrag.accounts.models import Tenant
from bauantrag.cases.models import Vorhaben
from bauantrag.fees.models import CaseFee, FeeSettings
from bauantrag.formats.csv_sheet import safe_text, write

HEADER = ("Kassenzeichen", "Aktenzeichen", "Schuldner", "Anschrift des Schuldners", "Betrag (EUR)", "Fälligkeit",
          "Haushaltsstelle", "Tarifstelle", "Festsetzungsdatum")


def amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def german(day: dt.date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def fees_in(tenant: Tenant, first: dt.date | None, last: dt.date | None) -> QuerySet[CaseFee]:
    rows = CaseFee.objects.filter(tenant=tenant).exclude(kassenzeichen="").select_related("case", "case__vorhaben")
    if first:
        rows = rows.filter(assigned_at__date__gte=first)
    if last:
        rows = rows.filter(assigned_at__date__lte=last)
    return rows.order_by("assigned_at", "kassenzeichen")


def debtor(vorhaben: Vorhaben | None) -> tuple[str, str]:
    """Name and postal address of the Bauherrschaft as the application form gives them ("Straße, PLZ Ort")."""
    if vorhaben is None:
        return "", ""
    place = " ".join(part for part in (vorhaben.bauherr_postal_code, vorhaben.bauherr_city) if part)
    return vorhaben.bauherr_name, ", ".join(part for part in (vorhaben.bauherr_street, place) if part)


def rows_of(fees: Iterable[CaseFee], settings: FeeSettings) -> list[Sequence[str]]:
    result: list[Sequence[str]] = []
    for fee in fees:
        fixed = fee.fixed or {}
        places = sorted({line["tarifstelle"] for line in fixed.get("lines", []) if line["tarifstelle"]})
        name, address = debtor(getattr(fee.case, "vorhaben", None))
        result.append((
            fee.kassenzeichen, fee.case.file_number, name, address, amount(Decimal(fixed["total"])),
            german(fee.due_date), settings.booking_account, ", ".join(places),
            german(timezone.localdate(fee.assigned_at) if fee.assigned_at else None),
        ))
    return result


def render(rows: Iterable[Sequence[str]]) -> tuple[bytes, int]:
    """The file (the writer of formats.csv_sheet); every cell but the amount (column 5) is text made safe."""
    return write(HEADER, ([safe_text(cell) if index != 4 else cell for index, cell in enumerate(row)]
                          for row in rows))
