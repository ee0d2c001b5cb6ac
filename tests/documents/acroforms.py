"""A Vordruck with form fields (AcroForm) like the official Bauantrag of NRW (Anlage I/1 zu VV BauPrüfVO: the same
sections, labels and tooltips), made blank with WeasyPrint and filled in electronically with pikepdf, as an
applicant's PDF program does: /V set on the fields, the check box's state ticked."""

from __future__ import annotations

import io
from html import escape

TEXT_FIELDS = (
    ("Bauherrschaft.Name", "Name, Vorname, Firma"),
    ("Bauherrschaft.Strasse", "Straße, Hausnummer"),
    ("Entwurfsverfassende.Name", "Name, Vorname (§ 67 Absatz 3 BauO NRW)"),
    ("Entwurfsverfassende.Mitgliedsnummer", "Mitgliedsnummer der Architekten- oder Ingenieurkammer des Landes"),
    ("Baugrundstueck.Gemarkung", "Gemarkung(en)"),
    ("Baugrundstueck.Flur", "Flur(e)"),
    ("Baugrundstueck.Flurstueck", "Flurstück(e)"),
    ("Vorhaben.Vollgeschosse", "Zahl der Vollgeschosse"),
)


def blank_vordruck() -> bytes:
    from weasyprint import HTML

    rows = "".join(f'<p>{escape(tip)}: <input type="text" name="{name}" title="{escape(tip)}"></p>'
                   for name, tip in TEXT_FIELDS)
    boxes = "".join(f'<input type="checkbox" name="Gebaeudeklasse_{n}" title="Gebäudeklasse {n}"> {n} '
                    for n in range(1, 6))
    html = (f'<html lang="de"><head><meta charset="utf-8"></head><body style="font-family: DejaVu Sans">'
            f"<h1>Bauantrag</h1><p>Anlage I/1 zu VV BauPrüfVO</p>{rows}"
            f"<p>Gebäudeklassen (§ 2 Absatz 3 BauO NRW): {boxes}</p></body></html>")
    return bytes(HTML(string=html).write_pdf(pdf_forms=True))


def fill(pdf: bytes, values: dict[str, str], ticked: tuple[str, ...] = ()) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        for field in document.Root.AcroForm.Fields:
            name = str(field.get("/T", ""))
            if name in values:
                field.V = pikepdf.String(values[name])
            if name in ticked:
                on = next(k for k in field.AP.N if k != "/Off") if "/AP" in field else "/Yes"
                field.V = pikepdf.Name(str(on))
                field.AS = pikepdf.Name(str(on))
        document.Root.AcroForm.NeedAppearances = True
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
