"""Domain values of the check engine: the Vorhaben (input) and findings (output).

All values are frozen dataclasses; results are plain data that serialise to JSON through ``to_dict``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Status = Literal["pass", "fail", "needs_review"]
ProjectKind = Literal["neubau", "aenderung", "nutzungsaenderung"]
Use = Literal[
    "wohngebaeude",
    "buero_verwaltung",
    "verkaufsstaette",
    "gaststaette",
    "beherbergung",
    "versammlungsstaette",
    "kita",
    "schule",
    "krankenhaus",
    "pflege",
    "wohnheim",
    "garage",
    "gewerbe",
    "lager",
    "land_forstwirtschaft",
    "nebengebaeude",
    "sonstiges",
    # the further kinds of use the BauNVO distinguishes (§§ 2 to 14)
    "laden",
    "handwerk",
    "tankstelle",
    "gartenbau",
    "vergnuegungsstaette",
    "verwaltung",
    "anlage_kirchlich",
    "anlage_kulturell",
    "anlage_sozial",
    "anlage_gesundheitlich",
    "anlage_sportlich",
    "freie_berufe",
    "betriebswohnung",
    "erneuerbare_energien",
]
PlanningArea = Literal[
    "bebauungsplan_qualifiziert",
    "bebauungsplan_vorhabenbezogen",
    "bebauungsplan_einfach",
    "innenbereich_34",
    "aussenbereich_35",
]
Procedure = Literal[
    "verfahrensfrei",
    "genehmigungsfreistellung",
    "vereinfachtes_verfahren",
    "baugenehmigungsverfahren",
]

STATUSES: tuple[str, ...] = get_args(Status)
#: Evidence key of a ``pass`` that checked nothing: the plan sets no such limit, so the rule does not apply
#: ("nicht anwendbar"). Such a finding is not counted as "erfüllt".
NOTHING_CHECKED = "nothing_checked"
PROJECT_KINDS: tuple[str, ...] = get_args(ProjectKind)
USES: tuple[str, ...] = get_args(Use)
PLANNING_AREAS: tuple[str, ...] = get_args(PlanningArea)
PROCEDURES: tuple[str, ...] = get_args(Procedure)


class RuleError(RuntimeError):
    """A rule produced an invalid result. Never caught by the engine: a broken rule must not pass."""


@dataclass(frozen=True)
class DocumentRef:
    """A Bauvorlage present with the application; ``type_code`` is an XBau ``vorlagenantragstellung`` code."""

    type_code: str
    name: str


@dataclass(frozen=True)
class UsePart:
    """A further use of the same Vorhaben (mixed use), e.g. a Laden im Erdgeschoss of a Wohngebäude."""

    use: Use
    where: str = ""  # e.g. "Erdgeschoss"


@dataclass(frozen=True)
class Vorhaben:
    """The building project as the rules see it. ``None`` always means "not stated"."""

    project_kind: ProjectKind
    use: Use
    description: str = ""
    detached: bool | None = None
    units: int | None = None
    dwellings: int | None = None
    storeys_full: int | None = None
    storeys_above_ground: int | None = None
    height_m: float | None = None
    structure_height_m: float | None = None
    wall_height_mean_m: float | None = None
    gross_floor_area_m2: float | None = None
    largest_unit_floor_area_m2: float | None = None
    largest_storey_area_m2: float | None = None
    floor_area_m2: float | None = None
    gross_volume_m3: float | None = None
    sales_area_m2: float | None = None
    visitors: int | None = None
    guest_places_inside: int | None = None
    beds: int | None = None
    persons_cared: int | None = None
    garage_usable_area_m2: float | None = None
    has_aufenthaltsraum: bool | None = None
    underground: bool | None = None
    parcel_area_m2: float | None = None
    planning_area: PlanningArea | None = None
    plan_conforming: bool | None = None
    access_secured: bool | None = None
    procedure_requested: Procedure | None = None
    #: date of the application (Antragstellung); decides the Fassung of the BauO NRW (§ 90 Abs. 4). None: today
    submitted_on: dt.date | None = None
    #: the Bauherrschaft asks for the law in force instead of that of the submission date (§ 90 Abs. 4 Satz 2)
    newer_law_requested: bool | None = None
    #: further uses of the same Vorhaben besides ``use`` (the main use)
    uses: tuple[UsePart, ...] = ()
    #: Brutto-Grundfläche of garages already on the parcel (§ 62 Abs. 1 Satz 1 Nr. 1 Buchst. b: "insgesamt")
    existing_garages_area_m2: float | None = None
    documents: tuple[DocumentRef, ...] = ()
    address: Mapping[str, Any] | None = None
    parcel: Mapping[str, Any] | None = None
    applicant: Mapping[str, Any] | None = None
    designer: Mapping[str, Any] | None = None

    def document_codes(self) -> frozenset[str]:
        return frozenset(doc.type_code for doc in self.documents)

    def all_uses(self) -> tuple[Use, ...]:
        """The main use and every further use, each once, in order."""
        return tuple(dict.fromkeys((self.use, *(part.use for part in self.uses))))


@dataclass(frozen=True)
class Finding:
    """One rule's answer. ``pass`` for a classification rule means "determined".

    ``message`` is for everyone, the applicant included: plain, certain about what the software did, without
    internal identifiers. ``review_note`` holds the legal doubt for the clerk and the rule catalogue (an
    unconfirmed wording, a Fassung whose text is missing, a judgement the statute leaves open); it is never shown
    to the applicant.
    """

    rule: str
    status: Status
    legal_basis: str
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    law_version: str = ""
    review_note: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise RuleError(f"{self.rule}: unknown status {self.status!r}")
        if not (self.rule and self.legal_basis and self.message and self.law_version):
            raise RuleError(
                f"{self.rule or '<no rule id>'}: rule, legal_basis, message, law_version required"
            )
        try:
            json.dumps(self.evidence, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise RuleError(f"{self.rule}: evidence is not JSON-serialisable: {exc}") from exc

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "status": self.status,
            "legal_basis": self.legal_basis,
            "message": self.message,
            "evidence": self.evidence,
            "law_version": self.law_version,
            "review_note": self.review_note,
        }


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one pre-check run.

    ``procedure`` is the procedure the case proceeds in: the one the statute gives (``procedure_determined``), or
    the one the Bauherrschaft lawfully chose instead (§ 63 Abs. 2 Satz 2 BauO NRW). ``law`` records the Fassungen
    that govern the case and whose wording was applied.
    """

    procedure: Procedure | None
    building_class: int | None
    findings: tuple[Finding, ...]
    ruleset_version: str
    procedure_determined: Procedure | None = None
    law: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "procedure": self.procedure,
            "procedure_determined": self.procedure_determined,
            "building_class": self.building_class,
            "ruleset_version": self.ruleset_version,
            "law": self.law,
            "findings": [finding.to_dict() for finding in self.findings],
        }
