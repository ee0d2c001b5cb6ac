"""The values the summary is built from: facts (one German sentence and where it comes from) and suggestions.

A fact always names its source ("Formular", "Vorprüfung Runde 2, Befund bauo_nrw.2.3.gebaeudeklasse",
"Bauvorlage Baubeschreibung.pdf S. 2"), so that the clerk can check every sentence of a summary. A suggestion is
what the clerk is offered: a text, the sources it rests on and who made it (the template or a language model).

Other apps add facts through ``register_fact_provider`` (e.g. assist.extraction with the values it read from the
Bauvorlagen): ``provider(case) -> list[Fact]``. A provider must only read the case it is given.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bauantrag.registry import Registry

if TYPE_CHECKING:
    from bauantrag.cases.models import Case

logger = logging.getLogger(__name__)

TEMPLATE = "template"
LLM = "llm"


@dataclass(frozen=True)
class Fact:
    text: str  # one German sentence
    source: str  # where it comes from, for the clerk
    personal: bool = False  # names of people: shown to the clerk, never sent to a language model


@dataclass
class Section:
    key: str
    title: str
    facts: list[Fact] = field(default_factory=list)

    def add(self, text: str, source: str, *, personal: bool = False) -> None:
        self.facts.append(Fact(text, source, personal))


@dataclass
class CaseSummary:
    file_number: str
    sections: list[Section]

    @property
    def facts(self) -> list[Fact]:
        return [fact for section in self.sections for fact in section.facts]

    def as_text(self) -> str:
        """The summary as plain text, each sentence followed by its source."""
        blocks = []
        for section in self.sections:
            if section.facts:
                lines = [f"{section.title}:"] + [f"- {f.text} [Quelle: {f.source}]" for f in section.facts]
                blocks.append("\n".join(lines))
        return "\n\n".join(blocks)


@dataclass(frozen=True)
class Suggestion:
    """A text offered to the clerk. The clerk decides what to use; nothing is sent or stored by it."""

    text: str
    sources: tuple[str, ...]
    generated_by: str  # TEMPLATE or LLM
    title: str = ""
    note: str = ""  # e.g. why the language model's answer is not shown, or that nothing was found to ask for
    model: str = ""  # the language model, if one wrote the text
    server: str = ""  # the host of the Kommune's server that ran it
    grounds: int = 0  # for letter drafts: how many findings the draft rests on (0: nothing to write about)

    @property
    def by_llm(self) -> bool:
        return self.generated_by == LLM


FactProvider = Callable[[Any], list[Fact]]
FACT_PROVIDERS: Registry[FactProvider] = Registry("facts of the summary")


def register_fact_provider(key: str, provider: FactProvider) -> None:
    """Add facts to the summary's section "Angaben aus den Bauvorlagen" (key e.g. "assist.extraction")."""
    FACT_PROVIDERS.register(key, provider)


def provided_facts(case: Case) -> list[Fact]:
    facts: list[Fact] = []
    for key, provider in FACT_PROVIDERS.items():
        try:
            facts.extend(provider(case))
        except Exception:
            logger.exception("summary fact provider %s failed for case %s", key, getattr(case, "pk", None))
    return facts


def has_provider(key: str) -> bool:
    return key in FACT_PROVIDERS
