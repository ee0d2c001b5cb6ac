"""``/regelwerk/``: the rule catalogue, public (no login) – municipalities and applicants may read it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bauantrag.rules.catalogue import build_catalogue
from bauantrag.rules.catalogue_render import INTRO, TITLE


@require_safe
def regelwerk(request: HttpRequest) -> HttpResponse:
    catalogue = build_catalogue()
    rules = {rule["rule"]: rule for rule in catalogue["rules"]}
    laws = [{"law": law["law"], "rules": [rules[r] for r in law["rules"]]} for law in catalogue["laws"]]
    context = {"title": TITLE, "intro": INTRO, "ruleset_version": catalogue["ruleset_version"], "laws": laws}
    return render(request, "catalogue/regelwerk.html", context)
