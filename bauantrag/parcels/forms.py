from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bauantrag.formats.cadastre import MAX_CADASTRE_BYTES


class ParcelUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Flurstücksdatei"),
        help_text=format_lazy(
            _(
                "Flurstücke aus dem Liegenschaftskataster als GeoJSON (z. B. „ALKIS vereinfacht“, EPSG:25832 oder "
                "WGS 84) oder als NAS-Datei (ALKIS, AX_Flurstueck), höchstens {max} MB. Vorhandene Flurstücke mit "
                "demselben Kennzeichen werden ersetzt."
            ),
            max=MAX_CADASTRE_BYTES >> 20,
        ),
    )


class ParcelSearchForm(forms.Form):
    gemarkung = forms.CharField(label=_("Gemarkung (Name oder Nummer)"), required=False, max_length=100)
    flur = forms.CharField(label=_("Flur"), required=False, max_length=3)
    flurstueck = forms.CharField(label=_("Flurstück"), required=False, max_length=12, help_text=_("z. B. 85 oder 85/2"))
