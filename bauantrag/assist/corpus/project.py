"""A random but self-consistent Vorhaben (site, people, figures) that one document talks about."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from bauantrag.assist.corpus import vocab


def de_number(value: float, decimals: int = 2, thousands: bool = True) -> str:
    """German notation: 1.234,56 (thousands separator optional)."""
    text = f"{value:,.{decimals}f}" if thousands else f"{value:.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def norm_number(value: float, decimals: int = 2) -> str:
    """Normalised notation of Sample.fields: '.' decimal, no thousands separator, no trailing zeros."""
    text = f"{round(value, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass
class Person:
    first: str
    last: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def salutation(self) -> str:
        return "Frau" if self.female else "Herr"


@dataclass
class Project:
    town: str
    plz: str
    kreis: str
    gemarkung: str
    flur: str
    flurstueck: str
    street: str
    house_no: str
    bauherr: str  # as written in the documents
    bauherr_person: Person | None
    bauherr_street: str
    bauherr_town: str
    architect: Person
    architect_title: str
    office: str
    office_street: str
    office_town: str
    kammer: str  # e.g. "Architektenkammer Nordrhein-Westfalen"
    kammer_short: str
    kammer_nummer: str  # as written, e.g. "A 12345" or "AKNW 123456"
    profession: str  # "Architekt/in", "Bauingenieur/in"
    engineer: Person
    engineer_office: str
    fire_expert: Person
    fire_office: str
    building: str  # key of vocab.BUILDINGS
    vorhaben: str
    gk: int
    vollgeschosse: int
    wohneinheiten: int
    grundstueck_m2: float
    grundflaeche_m2: float
    grz: float
    gfz: float
    geschossflaeche_m2: float
    bri_m3: float
    traufhoehe_m: float
    firsthoehe_m: float
    gebaeudehoehe_m: float
    fussboden_og_m: float  # Fußbodenhöhe of the highest Geschoss (§ 2 Abs. 3 BauO NRW)
    stellplaetze: int
    fahrrad: int
    business: tuple[str, str, str, tuple[str, ...]] | None
    business_name: str
    employees: int
    datum: date
    aktenzeichen: str
    owner: Person  # Grundstückseigentümer (for Vollmacht, Zustimmung)

    @property
    def address(self) -> str:
        return f"{self.street} {self.house_no}, {self.plz} {self.town}"

    @property
    def lage(self) -> str:
        return f"{self.street} {self.house_no}"


def _person(rng: random.Random) -> Person:
    female = rng.random() < 0.5
    first = rng.choice(vocab.FIRST_F if female else vocab.FIRST_M)
    return Person(first, rng.choice(vocab.SURNAMES), female)


def _street(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(vocab.STREET_FULL)
    return rng.choice(vocab.STREET_STEMS) + rng.choice(vocab.STREET_SUFFIX)


def _house_no(rng: random.Random) -> str:
    number = str(rng.randint(1, 180))
    return number + (rng.choice("abc") if rng.random() < 0.12 else "")


def _pattern(rng: random.Random, patterns: tuple[str, ...], town: str) -> str:
    return rng.choice(patterns).format(
        s=rng.choice(vocab.SURNAMES),
        s2=rng.choice(vocab.SURNAMES),
        f=rng.choice(vocab.FIRST_F + vocab.FIRST_M)[0],
        t=town,
    )


def _flurstueck(rng: random.Random) -> str:
    base = str(rng.randint(12, 1450))
    roll = rng.random()
    if roll < 0.5:
        return f"{base}/{rng.randint(1, 40)}"
    return base


def _kammer_nummer(rng: random.Random, architect: bool) -> tuple[str, str, str]:
    if architect:
        kammer, short = "Architektenkammer Nordrhein-Westfalen", "AKNW"
        form = rng.choice(("A {n5}", "AKNW {n6}", "{n6}", "A-{n5}", "Nr. {n6}"))
    else:
        kammer, short = "Ingenieurkammer-Bau Nordrhein-Westfalen", "IK-Bau NRW"
        form = rng.choice(("{n5}", "IK-Bau {n6}", "B {n5}", "Nr. {n5}"))
    number = form.format(n5=rng.randint(10000, 99999), n6=rng.randint(100000, 999999))
    return kammer, short, number.removeprefix("Nr. ")


def random_project(rng: random.Random) -> Project:
    town, plz, gemarkungen, kreis = rng.choice(vocab.TOWNS)
    building, vorhaben, gk_range, vg_range, we_range = rng.choice(vocab.BUILDINGS)
    gk = rng.randint(*gk_range)
    vollgeschosse = rng.randint(*vg_range)
    we = rng.randint(*we_range)
    vorhaben = vorhaben.format(we=we)
    grundstueck = float(
        rng.randint(320, 3400) if building not in ("halle", "stall", "buero") else rng.randint(1800, 9000)
    )
    grz = round(rng.choice((0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)) * rng.uniform(0.55, 1.0), 2)
    grundflaeche = round(grundstueck * grz, 2)
    geschossflaeche = round(grundflaeche * vollgeschosse * rng.uniform(0.85, 1.0), 2)
    gfz = round(geschossflaeche / grundstueck, 2)
    geschoss_h = rng.choice((2.75, 2.8, 2.9, 3.0, 3.1))
    fussboden_og = round((vollgeschosse - 1) * geschoss_h + rng.choice((0.0, 0.3, 0.45, 0.6)), 2)
    traufhoehe = round(vollgeschosse * geschoss_h + rng.uniform(0.2, 0.8), 2)
    firsthoehe = round(traufhoehe + rng.uniform(1.8, 4.9), 2)
    gebaeudehoehe = firsthoehe if rng.random() < 0.7 else traufhoehe
    bri = round(grundflaeche * (traufhoehe + 0.5 * (firsthoehe - traufhoehe)) * rng.uniform(0.8, 1.05), 2)
    architect = _person(rng)
    is_architect = rng.random() < 0.82
    kammer, kammer_short, kammer_nummer = _kammer_nummer(rng, is_architect)
    if is_architect:
        title = rng.choice(vocab.TITLES_ARCH_F if architect.female else vocab.TITLES_ARCH_M)
        profession = "Architektin" if architect.female else "Architekt"
    else:
        title = rng.choice(vocab.TITLES_ENG)
        profession = "Bauingenieurin" if architect.female else "Bauingenieur"
    roll = rng.random()
    bauherr_person: Person | None = _person(rng)
    assert bauherr_person is not None
    if roll < 0.55:
        bauherr = bauherr_person.name
    elif roll < 0.72:
        partner = rng.choice(vocab.FIRST_F if not bauherr_person.female else vocab.FIRST_M)
        bauherr = f"{bauherr_person.first} und {partner} {bauherr_person.last}"
    elif roll < 0.82:
        bauherr = f"{bauherr_person.last}, {bauherr_person.first}"
    else:
        bauherr = _pattern(rng, vocab.COMPANY_PATTERNS, town)
        bauherr_person = None
    business = None
    business_name = ""
    if building in ("halle", "gewerbe", "stall", "buero") or rng.random() < 0.1:
        candidates = [b for b in vocab.BUSINESSES if (b[0] in ("landwirtschaft", "hofladen")) == (building == "stall")]
        business = rng.choice(candidates)
        business_name = _pattern(rng, (business[1],), town)
    start = date(2023, 1, 2)
    datum = start + timedelta(days=rng.randint(0, 1200))
    bauherr_town_tuple = rng.choice(vocab.TOWNS)
    return Project(
        town=town,
        plz=plz,
        kreis=kreis,
        gemarkung=rng.choice(gemarkungen),
        flur=str(rng.randint(1, 42)),
        flurstueck=_flurstueck(rng),
        street=_street(rng),
        house_no=_house_no(rng),
        bauherr=bauherr,
        bauherr_person=bauherr_person,
        bauherr_street=f"{_street(rng)} {_house_no(rng)}",
        bauherr_town=f"{bauherr_town_tuple[1]} {bauherr_town_tuple[0]}",
        architect=architect,
        architect_title=title,
        office=_pattern(rng, vocab.OFFICE_PATTERNS, town),
        office_street=f"{_street(rng)} {_house_no(rng)}",
        office_town=f"{plz} {town}",
        kammer=kammer,
        kammer_short=kammer_short,
        kammer_nummer=kammer_nummer,
        profession=profession,
        engineer=_person(rng),
        engineer_office=_pattern(rng, vocab.ENGINEER_PATTERNS, town),
        fire_expert=_person(rng),
        fire_office=_pattern(rng, vocab.FIRE_PATTERNS, town),
        building=building,
        vorhaben=vorhaben,
        gk=gk,
        vollgeschosse=vollgeschosse,
        wohneinheiten=we,
        grundstueck_m2=grundstueck,
        grundflaeche_m2=grundflaeche,
        grz=grz,
        gfz=gfz,
        geschossflaeche_m2=geschossflaeche,
        bri_m3=bri,
        traufhoehe_m=traufhoehe,
        firsthoehe_m=firsthoehe,
        gebaeudehoehe_m=gebaeudehoehe,
        fussboden_og_m=fussboden_og,
        stellplaetze=max(1, round(we * rng.choice((1.0, 1.5, 2.0)))) if we else rng.randint(2, 30),
        fahrrad=max(2, we * 2) if we else rng.randint(4, 20),
        business=business,
        business_name=business_name,
        employees=rng.randint(2, 45),
        datum=datum,
        aktenzeichen=f"{rng.choice(('63', 'BA', '6.3', '61'))}/{rng.randint(100, 2999)}/{datum.year}",
        owner=_person(rng),
    )
