"""Which Bauvorlagen a Vorhaben needs, by procedure (BauPrüfVO NRW §§ 10, 11, 13; §§ 67, 68 BauO NRW).

See ``completeness`` for how the requirements are checked against the documents present. Citations that differ
between the Fassungen of the BauO NRW come from ``bauo_nrw.provisions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from bauantrag.rules.model import Procedure, Status, Vorhaben
from bauantrag.rules.nrw.bauo_nrw.procedure_tests import RESIDENTIAL_USES, SONDERBAU_TYPICAL_USES
from bauantrag.rules.nrw.bauo_nrw.provisions import BauOProvisions

_B_PLAN = frozenset({"bebauungsplan_qualifiziert", "bebauungsplan_vorhabenbezogen", "bebauungsplan_einfach"})
_OUTSIDE_PLAN = frozenset({"innenbereich_34", "aussenbereich_35"})
_BETRIEB_USES = frozenset(
    {
        "gewerbe", "lager", "verkaufsstaette", "gaststaette", "beherbergung", "land_forstwirtschaft", "laden",
        "handwerk", "tankstelle", "gartenbau", "vergnuegungsstaette",
    }
)
#: Bauvorlagen required by the BauO itself (the others by the BauPrüfVO).
BAUO_ITEMS = frozenset({"bauvorlageberechtigung", "bescheinigung_brandschutz"})
BEFORE_PERMIT = "vor Erteilung der Baugenehmigung"


@dataclass(frozen=True)
class Requirement:
    slug: str
    basis: str
    required: bool | None
    condition: str = ""
    missing_status: Status = "fail"
    due: str = ""  # "" with the application; else when it has to be submitted


@dataclass(frozen=True)
class Context:
    """What decides the requirements besides the Vorhaben."""

    procedure: Procedure
    building_class: int | None
    provisions: BauOProvisions
    large_sonderbau: bool | None = None


def requirements(v: Vorhaben, ctx: Context) -> list[Requirement]:
    """The Bauvorlagen for a procedure that needs them (not for ``verfahrensfrei``)."""
    if ctx.procedure == "genehmigungsfreistellung":
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
            _brandschutz_erklaerung(ctx.building_class),
        ]
        basis = f"§ 67 Abs. 1 i.V.m. {ctx.provisions.freistellung_bauvorlagen} BauO NRW"
        return [*reqs, _bauvorlageberechtigung(v, basis, ctx)]
    reqs = _section_10(v, ctx)
    if ctx.procedure == "baugenehmigungsverfahren":
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
    reqs.extend(_brandschutz_vor_genehmigung(v, ctx))
    return reqs


def _section_10(v: Vorhaben, ctx: Context) -> list[Requirement]:
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
        bool(_BETRIEB_USES & set(v.all_uses())),
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
        _bauvorlageberechtigung(v, "§ 67 Abs. 1 BauO NRW", ctx),
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


def _brandschutz_vor_genehmigung(v: Vorhaben, ctx: Context) -> list[Requirement]:
    """§ 68 Abs. 2 Satz 1, Abs. 4 BauO NRW (from 2024): fire safety proven before the Baugenehmigung."""
    if not ctx.provisions.brandschutz_vor_genehmigung or ctx.large_sonderbau:
        return []
    uses, gk = set(v.all_uses()), ctx.building_class
    garage_area = v.garage_usable_area_m2 if v.garage_usable_area_m2 is not None else v.gross_floor_area_m2
    if uses == {"garage"} and garage_area is not None:
        small = garage_area <= 100
        return [_fire("erklaerung_brandschutz" if small else "bescheinigung_brandschutz",
                      "§ 68 Abs. 4 Satz 1 Nr. 3, Satz 2 BauO NRW" if small else "§ 68 Abs. 2 Satz 1 BauO NRW")]
    if SONDERBAU_TYPICAL_USES & uses:
        return [_fire("bescheinigung_brandschutz", "§ 68 Abs. 2 Satz 1, Abs. 4 Satz 1 Nr. 4 BauO NRW", None,
                      "nicht erforderlich für Sonderbauten, deren Brandschutz die Bauaufsicht selbst prüft "
                      "(§ 68 Abs. 4 Satz 1 Nr. 4, Abs. 6); ob das Vorhaben ein Sonderbau ist, prüft die Bauaufsicht")]
    if gk is None:
        return [_fire("bescheinigung_brandschutz", "§ 68 Abs. 2 Satz 1, Abs. 4 BauO NRW", None,
                      "bei Gebäudeklasse 1 und 2 und bei Wohngebäuden der Gebäudeklasse 3 genügt eine Erklärung "
                      "der Entwurfsverfassenden (§ 68 Abs. 4); die Gebäudeklasse ist nicht bestimmt")]
    if gk <= 2 or (gk == 3 and uses <= RESIDENTIAL_USES):
        number = "Nr. 1" if gk <= 2 else "Nr. 2"
        return [_fire("erklaerung_brandschutz", f"§ 68 Abs. 4 Satz 1 {number}, Satz 2 BauO NRW")]
    return [_fire("bescheinigung_brandschutz", "§ 68 Abs. 2 Satz 1 BauO NRW")]


def _fire(slug: str, basis: str, required: bool | None = True, condition: str = "") -> Requirement:
    return Requirement(slug, basis, required, condition, "needs_review", BEFORE_PERMIT)


def _bauvorlageberechtigung(v: Vorhaben, basis: str, ctx: Context) -> Requirement:
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
    if ctx.provisions.meister_bauvorlageberechtigt and ctx.building_class in (1, 2):
        return Requirement(
            slug,
            basis.replace("§ 67 Abs. 1", "§ 67 Abs. 1 und 4a"),
            True,
            "für Gebäude der Gebäudeklassen 1 und 2 sind auch Meisterinnen und Meister des Maurer-, Betonbauer- "
            "oder Zimmererhandwerks bauvorlageberechtigt, die im Verzeichnis der eingeschränkt "
            "Bauvorlageberechtigten der Ingenieurkammer-Bau NRW eingetragen sind (§ 67 Abs. 4a); deren Nachweis ist "
            "die Eintragung",
            "needs_review",
        )
    return Requirement(slug, basis, True)
