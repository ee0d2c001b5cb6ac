"""Which Bauvorlagen a Vorhaben needs, by procedure (BauPrüfVO NRW §§ 10, 11, 13; § 67 BauO NRW).

See ``completeness`` for how the requirements are checked against the documents present.
"""

from __future__ import annotations

from dataclasses import dataclass

from bauantrag.rules.model import Procedure, Status, Vorhaben

_B_PLAN = frozenset({"bebauungsplan_qualifiziert", "bebauungsplan_vorhabenbezogen", "bebauungsplan_einfach"})
_OUTSIDE_PLAN = frozenset({"innenbereich_34", "aussenbereich_35"})
_BETRIEB_USES = frozenset(
    {"gewerbe", "lager", "verkaufsstaette", "gaststaette", "beherbergung", "land_forstwirtschaft"}
)


@dataclass(frozen=True)
class Requirement:
    slug: str
    basis: str
    required: bool | None
    condition: str = ""
    missing_status: Status = "fail"


def requirements(v: Vorhaben, procedure: Procedure, building_class: int | None) -> list[Requirement]:
    """The Bauvorlagen for a procedure that needs them (not for ``verfahrensfrei``)."""
    if procedure == "genehmigungsfreistellung":
        reqs = [
            _soft(
                v,
                Requirement("lageplan", "§ 13 Abs. 1 Satz 1 Nr. 1 i.V.m. § 3 BauPrüfVO NRW", True),
                site=True,
            ),
            _soft(
                v,
                Requirement(
                    "berechnung_mass", "§ 3 Abs. 2 BauPrüfVO NRW; Vordruck Anlage I/3 VV BauPrüfVO", True
                ),
                site=True,
            ),
            _soft(
                v, Requirement("bauzeichnungen", "§ 13 Abs. 1 Satz 1 Nr. 2 i.V.m. § 4 BauPrüfVO NRW", True)
            ),
            _brandschutz_erklaerung(building_class),
        ]
        return [*reqs, _bauvorlageberechtigung(v, "§ 67 Abs. 1 i.V.m. § 63 Abs. 8 Satz 1 BauO NRW")]
    reqs = _section_10(v)
    if procedure == "baugenehmigungsverfahren":
        reqs.append(
            Requirement(
                "brandschutzkonzept",
                "§ 11 Satz 1 i.V.m. § 9 BauPrüfVO NRW; § 70 Abs. 2 Satz 3 BauO NRW",
                True,
                "bei großen Sonderbauten nicht verzichtbar (§ 1 Abs. 2 Satz 4)",
            )
        )
        reqs.append(
            Requirement(
                "barrierefrei_konzept",
                "§ 11 Satz 2 i.V.m. § 9a BauPrüfVO NRW",
                None if v.project_kind == "neubau" else False,
                "erforderlich für neu zu errichtende öffentlich zugängliche Gebäude (§ 49 Abs. 2 BauO NRW), "
                "die große Sonderbauten sind; ob das Gebäude öffentlich zugänglich ist, ist nicht angegeben",
            )
        )
    return reqs


def _section_10(v: Vorhaben) -> list[Requirement]:
    area = v.planning_area
    flurkarte = Requirement(
        "flurkarte",
        "§ 10 Abs. 1 Satz 1 Nr. 1 i.V.m. § 2 BauPrüfVO NRW",
        None if area is None else area in _OUTSIDE_PLAN,
        "erforderlich bei Vorhaben nach §§ 34 und 35 BauGB; die planungsrechtliche Lage ist nicht angegeben",
    )
    mass = Requirement(
        "berechnung_mass",
        "§ 3 Abs. 2 BauPrüfVO NRW",
        None if area is None else area in _B_PLAN,
        "erforderlich im Geltungsbereich eines Bebauungsplans oder einer anderen Satzung nach dem BauGB; "
        "die planungsrechtliche Lage ist nicht angegeben",
    )
    betrieb = Requirement(
        "betriebsbeschreibung",
        "§ 10 Abs. 1 Satz 1 Nr. 4 i.V.m. § 5 Abs. 2 und 3 BauPrüfVO NRW",
        v.use in _BETRIEB_USES,
    )
    return [
        _soft(v, flurkarte, site=True),
        _soft(
            v, Requirement("lageplan", "§ 10 Abs. 1 Satz 1 Nr. 2 i.V.m. § 3 BauPrüfVO NRW", True), site=True
        ),
        _soft(v, mass, site=True),
        _soft(v, Requirement("bauzeichnungen", "§ 10 Abs. 1 Satz 1 Nr. 3 i.V.m. § 4 BauPrüfVO NRW", True)),
        _soft(
            v,
            Requirement("baubeschreibung", "§ 10 Abs. 1 Satz 1 Nr. 4 i.V.m. § 5 Abs. 1 BauPrüfVO NRW", True),
        ),
        _soft(v, betrieb),
        Requirement("kostenermittlung", "§ 10 Abs. 1 Satz 2 i.V.m. § 6 BauPrüfVO NRW", True),
        _bauvorlageberechtigung(v, "§ 67 Abs. 1 BauO NRW"),
    ]


def _soft(v: Vorhaben, req: Requirement, *, site: bool = False) -> Requirement:
    """§ 10 Abs. 2 (Änderung: no Flurkarte/Lageplan if the walls facing the neighbours stay unchanged) and
    Abs. 3 (Nutzungsänderung: drawings and descriptions only where needed) make a missing item a question."""
    if req.required is False:
        return req
    if v.project_kind == "aenderung" and site:
        why = (
            "bei Änderungen nicht erforderlich, wenn Länge und Höhe der den Nachbargrenzen "
            "zugekehrten Wände unverändert bleiben"
        )
        return Requirement(
            req.slug, req.basis + ", § 10 Abs. 2", req.required, _and(req, why), "needs_review"
        )
    if v.project_kind == "nutzungsaenderung" and not site:
        why = (
            "bei Nutzungsänderungen erforderlichenfalls bzw. bei genehmigungsbedürftigen baulichen Änderungen"
        )
        return Requirement(
            req.slug, req.basis + ", § 10 Abs. 3", req.required, _and(req, why), "needs_review"
        )
    return req


def _and(req: Requirement, why: str) -> str:
    return f"{req.condition}; {why}" if req.condition else why


def _brandschutz_erklaerung(building_class: int | None) -> Requirement:
    return Requirement(
        "erklaerung_brandschutz",
        "§ 13 Abs. 1 Satz 3 BauPrüfVO NRW",
        None if building_class is None else building_class in (1, 2),
        "erforderlich bei Gebäuden der Gebäudeklassen 1 und 2; die Gebäudeklasse ist nicht bestimmt",
    )


def _bauvorlageberechtigung(v: Vorhaben, basis: str) -> Requirement:
    slug = "bauvorlageberechtigung"
    if v.project_kind == "nutzungsaenderung":
        return Requirement(
            slug,
            basis,
            None,
            "§ 67 Abs. 1 gilt für die Errichtung und Änderung von Gebäuden; bei "
            "einer Nutzungsänderung nur, wenn sie mit baulichen Änderungen verbunden ist",
        )
    if v.use == "garage":
        area = v.garage_usable_area_m2 if v.garage_usable_area_m2 is not None else v.gross_floor_area_m2
        if area is None:
            return Requirement(
                slug,
                basis,
                None,
                "nicht erforderlich für Garagen bis 100 m² Nutzfläche "
                "(§ 67 Abs. 2 Nr. 1); die Nutzfläche ist nicht angegeben",
            )
        return Requirement(slug, basis, area > 100)
    if (
        v.storeys_above_ground == 1
        and v.has_aufenthaltsraum is False
        and v.largest_storey_area_m2 is not None
        and v.largest_storey_area_m2 <= 250
    ):
        return Requirement(
            slug,
            basis,
            None,
            "nicht erforderlich für eingeschossige Gebäude bis 250 m² ohne "
            "Aufenthaltsräume, Ställe, Aborte oder Feuerstätten (§ 67 Abs. 2 Nr. 4); Ställe, Aborte "
            "und Feuerstätten sind nicht angegeben",
        )
    return Requirement(slug, basis, True)
