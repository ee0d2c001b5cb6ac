from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bauantrag.formats.xplan import MAX_PLAN_BYTES


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XPlanGML-Datei"),
        help_text=format_lazy(
            _("Bebauungsplan im Format XPlanGML 4.1, 5.0 bis 5.4 oder 6.0 (Datei .gml oder .xml, höchstens {max} MB). "
              "Ein XPlanArchiv (ZIP) entpacken Sie bitte vorher."),
            max=MAX_PLAN_BYTES >> 20,
        ),
    )
