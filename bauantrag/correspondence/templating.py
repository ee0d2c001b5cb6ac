"""Letter templates: Django template text with the project's default in files and the Kommune's own versions in
the database, rendered by a restricted engine into the plain text of a draft.

The engine knows only the tags and filters of ``template_library`` and no loader: a template cannot include
another, read a file or load tag libraries. The product is plain text (the draft the clerk edits), so it is
rendered without HTML escaping; the text is escaped once, where it becomes HTML (``letter_pdf.html``, autoescape
on). Escaping here too would print "&amp;" in a letter.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from django.core.exceptions import ValidationError
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.utils.translation import gettext as _

TEMPLATE_MAX = 20_000
SUBJECT_MAX = 300
_TEMPLATE_DIR = "letter_templates"


class SandboxEngine(Engine):
    default_builtins = ["bauantrag.correspondence.template_library"]


@cache
def engine() -> Engine:
    return SandboxEngine(dirs=[], app_dirs=False, loaders=[], libraries={}, autoescape=False, debug=False,
                         string_if_invalid="")


@dataclass(frozen=True)
class TemplateText:
    """The subject and body template of one letter kind; version 0 is the project's default."""

    kind: str
    subject: str
    body: str
    version: int = 0
    template_id: int | None = None

    @property
    def label(self) -> str:
        if self.version == 0:
            return _("Standardtext des Projekts")
        return _("Fassung %(n)s der Kommune") % {"n": self.version}


@cache
def default_template(kind: str) -> TemplateText:
    """The project's default text of the kind (letter_templates/<kind>.betreff.txt and <kind>.txt)."""
    folder = resources.files("bauantrag.correspondence").joinpath(_TEMPLATE_DIR)
    subject = folder.joinpath(f"{kind}.betreff.txt").read_text(encoding="utf-8").strip()
    body = folder.joinpath(f"{kind}.txt").read_text(encoding="utf-8")
    return TemplateText(kind=kind, subject=subject, body=body)


def current_template(tenant_id: uuid.UUID | str, kind: str) -> TemplateText:
    """The Kommune's newest version of the kind's template, else the project's default."""
    from bauantrag.correspondence.models import LetterTemplate

    row = LetterTemplate.objects.filter(tenant_id=tenant_id, kind=kind).order_by("-version").first()
    if row is None:
        return default_template(kind)
    return TemplateText(kind=kind, subject=row.subject, body=row.body, version=row.version, template_id=row.pk)


def template_hash(template: TemplateText) -> str:
    import hashlib

    return hashlib.sha256(f"{template.subject}\n\x00\n{template.body}".encode()).hexdigest()


def check(source: str, *, field: str) -> None:
    """ValidationError with a readable message if the template text is too long or not a valid template."""
    if len(source) > TEMPLATE_MAX:
        raise ValidationError({field: _("Die Vorlage ist zu lang (höchstens %(max)s Zeichen).") % {
            "max": TEMPLATE_MAX}})
    try:
        _compiled(source)
    except TemplateSyntaxError as exc:
        raise ValidationError({field: _("Die Vorlage enthält einen Fehler: %(error)s") % {"error": exc}}) from exc


_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Template output → letter text: trailing spaces gone, whitespace-only lines empty, at most one blank line
    between paragraphs (tags on their own lines leave blank lines behind)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


@lru_cache(maxsize=256)
def _compiled(source: str) -> Template:
    """A template text compiled once: the defaults and each Kommune version are rendered for many letters."""
    return engine().from_string(source)


def render(template: TemplateText, context: dict[str, Any]) -> tuple[str, str]:
    """(subject, body) of the letter: the subject on one line, the body as paragraphs of plain text."""
    subject = _compiled(template.subject).render(Context(context, autoescape=False))
    body = _compiled(template.body).render(Context(context, autoescape=False))
    return " ".join(subject.split())[:SUBJECT_MAX], tidy(body)
