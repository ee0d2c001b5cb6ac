"""Templates of the drawn Bauvorlagen: Lageplan, Flurkarte, Bauzeichnungen, Fotos (few words, labels)."""

from __future__ import annotations

from bauantrag.assist.corpus.builder import Doc
from bauantrag.assist.corpus.project import de_number


def _dim(doc: Doc, low: float = 0.8, high: float = 14.0) -> str:
    return de_number(doc.rng.uniform(low, high), doc.rng.choice((2, 2, 3)) if doc.chance(0.2) else 2)


def _neighbours(doc: Doc, count: int) -> list[str]:
    out = []
    base = int(doc.p.flurstueck.split("/")[0])
    for _ in range(count):
        number = str(max(1, base + doc.rng.randint(-12, 12)))
        if doc.chance(0.4):
            number += f"/{doc.rng.randint(1, 30)}"
        out.append(number)
    return out


def plankopf(doc: Doc, inhalt: str, massstab: str, compact: bool = False) -> list[str]:
    p = doc.p
    lines = []
    if not compact or doc.chance(0.6):
        lines.append(f"{doc.w(('Bauherr:', 'Bauherrschaft:', 'BH:'), ('Auftraggeber:',))} {doc.val('bauherr')}")
    lines.append(f"{doc.w(('Bauvorhaben:', 'Projekt:', 'BV:'), ('Vorhaben:',))} {p.vorhaben}")
    lines.append(f"{p.street} {p.house_no}, {p.plz} {p.town}")
    if doc.chance(0.5):
        lines.append(doc.lage_line())
    lines.append(f"{doc.w(('Planinhalt:', 'Inhalt:', 'Darstellung:'), ('Plan:',))} {inhalt}")
    lines.append(doc.w(("Maßstab {m}", "M {m}", "M. {m}", "Maßstab: {m}"), ("Mst. {m}",)).format(m=massstab))
    lines.append(f"{doc.w(('Datum:', 'Stand:', 'gez.:'), ('Planstand:',))} {doc.date(False)}")
    lines.append(
        f"{doc.w(('Plan-Nr.', 'Blatt', 'Zeichnungs-Nr.'), ('Plannummer',))} {doc.rng.randint(1, 40):02d}"
        + (f" Index {doc.rng.choice('abc')}" if doc.chance(0.4) else "")
    )
    lines.append(p.office)
    if not compact or doc.chance(0.5):
        lines.append(
            f"{doc.w(('Entwurfsverfasser:', 'Entwurf:', 'Planverfasser:'), ('Architekt:',))} "
            f"{doc.val('entwurfsverfasser')}"
        )
    return lines


# ------------------------------------------------------------------------------------------ Lageplan
def _lageplan_labels(doc: Doc) -> list[str]:
    p = doc.p
    labels = [p.street, doc.val("flurstueck"), *_neighbours(doc, doc.rng.randint(3, 7)), "N"]
    labels += doc.some(
        (
            "Baugrenze",
            "geplantes Wohnhaus",
            "geplanter Neubau",
            "vorh. Gebäude",
            "Garage",
            "Carport",
            "Zufahrt",
            "Grundstücksgrenze",
            "Abstandsfläche",
            "Stellplatz",
            "Terrasse",
            "Nachbarbebauung",
            "Gehweg",
            "Straßenbegrenzungslinie",
            "Baulinie",
            "Hecke",
            "Baum (Bestand)",
            "Mülltonnenplatz",
            "Fahrradabstellplatz",
            "Grenzabstand",
        ),
        5,
        11,
    )
    labels += [_dim(doc, 2.5, 25.0) for _ in range(doc.rng.randint(4, 10))]
    labels += [f"T = {de_number(doc.rng.uniform(3.0, 5.5), 2)}" for _ in range(doc.rng.randint(0, 4))]
    if doc.chance(0.5):
        labels.append(f"{doc.w(('Flur', 'Flur:'))} {doc.val('flur')}")
    if doc.chance(0.5):
        labels.append(f"Gemarkung {doc.val('gemarkung')}")
    doc.rng.shuffle(labels)
    return labels


def _legend(doc: Doc) -> list[str]:
    return doc.some(
        (
            "Legende",
            "Grundstücksgrenze",
            "Baugrenze lt. B-Plan",
            "Abstandsflächen (0,4 H)",
            "geplante Bebauung",
            "vorhandene Bebauung",
            "abzubrechende Bebauung",
            "Zufahrt / Stellplätze",
            "Grünfläche",
            "Höhenpunkte",
            "Flurstücksnummer",
            "Hausnummer",
        ),
        4,
        8,
    )


def lageplan_klassisch(doc: Doc) -> None:
    doc.title = doc.w(("Lageplan", "Lageplan zum Bauantrag", "LAGEPLAN"), ("Lageplan M 1:500",))
    massstab = doc.rng.choice(("1:500", "1:250", "1:500", "1:1000"))
    doc.drawing(
        "lageplan",
        [
            doc.title,
            *_lageplan_labels(doc),
            *_legend(doc),
            *plankopf(doc, doc.w(("Lageplan", "Lageplan mit Abstandsflächen")), massstab),
        ],
    )
    doc.code = "1803"


def lageplan_amtlich(doc: Doc) -> None:
    p = doc.p
    doc.title = doc.w(("Amtlicher Lageplan", "Amtlicher Lageplan zum Bauantrag"), ("Qualifizierter Lageplan",))
    doc.code = "1804"
    surveyor = f"{doc.rng.choice(('Dipl.-Ing.', 'M.Sc.', 'Dipl.-Ing. (FH)'))} {p.engineer.name}"
    labels = [
        doc.title,
        doc.w(("gem. § 3 BauPrüfVO NRW", "nach § 3 BauPrüfVO"), ("(§ 3 BauPrüfVO)",)),
        *_lageplan_labels(doc),
        "Höhen in m über NHN (DHHN2016)",
        f"{de_number(doc.rng.uniform(60, 190), 2)}",
        f"{de_number(doc.rng.uniform(60, 190), 2)}",
        "Grenzpunkt abgemarkt",
        "Maßstab 1:500",
        f"{doc.w(('Öffentlich bestellter Vermessungsingenieur', 'ÖbVI'))} {surveyor}",
        f"Katasterstand: {doc.date(False)}",
        doc.w(
            (
                "Die Darstellung des Liegenschaftskatasters stimmt mit dem Nachweis überein.",
                "Die Übereinstimmung mit dem Liegenschaftskataster wird bescheinigt.",
            ),
            ("Übereinstimmung mit dem Kataster bestätigt.",),
        ),
        *plankopf(doc, "Amtlicher Lageplan", "1:500", compact=True),
    ]
    doc.drawing("lageplan", labels)


def lageplan_mit_erlaeuterung(doc: Doc) -> None:
    lageplan_klassisch(doc)
    doc.page()
    doc.h(
        doc.w(
            ("Erläuterungen zum Lageplan", "Abstandsflächenberechnung zum Lageplan"),
            ("Anlage zum Lageplan: Abstandsflächen",),
        )
    )
    rows = [["Wand", "H (m)", "Faktor", "Tiefe T (m)", "vorh. Abstand (m)"]]
    for side in doc.some(("Nord", "Ost", "Süd", "West", "Nordost", "Südwest"), 2, 4):
        h = doc.rng.uniform(3.5, 9.5)
        rows.append([side, de_number(h), "0,4", de_number(max(3.0, 0.4 * h)), de_number(doc.rng.uniform(3.0, 12.0))])
    doc.table(rows)
    doc.para(
        doc.w(
            (
                "Die Abstandsflächen nach § 6 BauO NRW liegen vollständig auf dem eigenen Grundstück.",
                "Die Mindesttiefe von 3,00 m wird an allen Außenwänden eingehalten.",
                "Abstandsflächen dürfen sich nicht überdecken; dies ist im Lageplan dargestellt.",
            ),
            ("Die Abstandsflächen überdecken sich nicht und bleiben auf dem Baugrundstück.",),
        )
    )


def lageplan_aussenanlagen(doc: Doc) -> None:
    doc.title = doc.w(("Lageplan Außenanlagen", "Freiflächenplan / Lageplan Außenanlagen"), ("Außenanlagenplan",))
    doc.code = "1805"
    labels = [
        doc.title,
        *doc.some(
            (
                "Pflaster Betonstein grau",
                "Rasenfläche",
                "Hecke Liguster h = 1,20 m",
                "Stellplatz 1",
                "Stellplatz 2",
                "Rasengitter",
                "Mülltonnen",
                "Terrasse Holz",
                "Spielfläche",
                "Versickerungsmulde",
                "Baum Neupflanzung",
                "Zaun 1,00 m",
            ),
            5,
            10,
        ),
        *_lageplan_labels(doc)[:8],
        *plankopf(doc, "Außenanlagen", "1:200"),
    ]
    doc.drawing("lageplan", labels)


def lageplan_tabelle(doc: Doc) -> None:  # held out
    doc.title = doc.w(("Lageplan mit Flächenübersicht",), ("Lageplan und Grundstücksübersicht",))
    doc.code = "1803"
    doc.drawing("lageplan", [doc.title, *_lageplan_labels(doc)[:10], *plankopf(doc, "Lageplan", "1:500", True)])
    doc.table(
        [
            ["Fläche", "m²"],
            ["Grundstück", doc.m2(doc.p.grundstueck_m2)],
            ["überbaute Fläche", doc.m2(doc.p.grundflaeche_m2)],
            ["Zufahrten und Stellplätze", doc.m2(doc.rng.uniform(20, 140))],
        ]
    )


def lageplan_entwaesserung(doc: Doc) -> None:  # held out
    doc.title = doc.w(("Lageplan Entwässerung",), ("Entwässerungslageplan",))
    doc.code = "1806"
    labels = [
        doc.title,
        "SW DN 150",
        "RW DN 125",
        "Revisionsschacht",
        "Kontrollschacht KS 1",
        "Anschluss an öff. Kanal",
        "Rigole",
        *_lageplan_labels(doc)[:8],
        *plankopf(doc, "Entwässerung", "1:200", True),
    ]
    doc.drawing("lageplan", labels)


# ------------------------------------------------------------------------------------------ Flurkarte
def _kataster_authority(doc: Doc) -> str:
    p = doc.p
    if p.kreis == "kreisfreie Stadt":
        return doc.w(
            (f"Stadt {p.town} – Vermessungs- und Katasteramt", f"Stadt {p.town}, Amt für Geoinformation"),
            (f"Katasterbehörde der Stadt {p.town}",),
        )
    return doc.w(
        (f"{p.kreis} – Der Landrat – Kataster und Geoinformation", f"{p.kreis}, Fachbereich Vermessung und Kataster"),
        (f"Katasterbehörde {p.kreis}",),
    )


def _map_labels(doc: Doc) -> list[str]:
    labels = [
        doc.val("flurstueck"),
        *_neighbours(doc, doc.rng.randint(6, 14)),
        doc.p.street,
        *[str(doc.rng.randint(1, 90)) for _ in range(doc.rng.randint(2, 6))],
    ]
    doc.rng.shuffle(labels)
    return labels


def flurkarte_auszug(doc: Doc) -> None:
    p = doc.p
    doc.title = doc.w(
        ("Auszug aus dem Liegenschaftskataster", "Auszug aus dem Liegenschaftskataster – Flurkarte"),
        ("Liegenschaftskataster – Auszug",),
    )
    doc.code = "1802"
    labels = [
        doc.title,
        doc.w(
            ("Flurkarte NRW 1:1000", "Liegenschaftskarte 1:1000", "Flurkarte 1 : 1000"),
            ("Flurkarte NRW, Maßstab 1:1000",),
        ),
        _kataster_authority(doc),
        f"Gemarkung: {doc.val('gemarkung')}",
        f"Flur: {doc.val('flur')}",
        f"Flurstück: {doc.val('flurstueck')}",
        f"{p.plz} {p.town}, {p.street} {p.house_no}",
        f"Erstellt: {doc.date(False)}",
        *_map_labels(doc),
        *doc.some(
            (
                "Flurstücksgrenze",
                "Gebäude für Wohnen",
                "Gebäude für Handel und Gewerbe",
                "Nebengebäude",
                "Hausnummer",
                "Flurstücksnummer",
                "Grenzpunkt, abgemarkt",
                "Flurgrenze",
                "Gemarkungsgrenze",
                "Bauwerk",
                "Topographische Begrenzungslinie",
            ),
            3,
            7,
        ),
        doc.w(
            (
                "Dieser Auszug ist gesetzlich geschützt (§ 5 VermKatG NRW).",
                "Vervielfältigung nur mit Erlaubnis des Herausgebers.",
            ),
            ("Nutzung nach den Bestimmungen des VermKatG NRW.",),
        ),
        doc.w(("ETRS89 / UTM Zone 32N", "Koordinatenreferenzsystem: ETRS89/UTM32"), ("EPSG:25832",)),
    ]
    if doc.chance(0.5):
        labels.append(f"Antrag: {doc.rng.randint(100, 9999)}/{p.datum.year}")
    doc.drawing("flurkarte", labels)


def flurkarte_beglaubigt(doc: Doc) -> None:
    flurkarte_auszug(doc)
    doc.title = doc.w(("Beglaubigter Auszug aus der Flurkarte",), ("Amtlich beglaubigter Flurkartenauszug",))
    doc.stamp(
        [
            doc.w(
                (
                    "Die Übereinstimmung dieses Auszuges mit dem Liegenschaftskataster wird beglaubigt.",
                    "Für die Richtigkeit der Übereinstimmung mit der Flurkarte.",
                ),
                ("Beglaubigt – stimmt mit dem Kataster überein.",),
            ),
            _kataster_authority(doc),
            doc.place_date(),
            "Im Auftrag",
            "(Siegel)",
        ]
    )


def flurkarte_nachweis(doc: Doc) -> None:
    p = doc.p
    doc.title = doc.w(
        ("Flurstücksnachweis", "Auszug aus dem Liegenschaftskataster – Flurstücksnachweis"),
        ("Flurstücks- und Eigentumsnachweis",),
    )
    doc.code = "1802"
    doc.h("Auszug aus dem Liegenschaftskataster")
    doc.h(doc.title, 2)
    doc.small(_kataster_authority(doc))
    doc.kv(
        [
            ("Gemarkung", doc.val("gemarkung")),
            ("Flur", doc.val("flur")),
            ("Flurstück", doc.val("flurstueck")),
            ("Lage", f"{p.street} {p.house_no}"),
            ("Fläche", f"{de_number(p.grundstueck_m2, 0)} m²"),
            (
                "Tatsächliche Nutzung",
                doc.rng.choice(
                    (
                        "Wohnbaufläche",
                        "Industrie- und Gewerbefläche",
                        "Landwirtschaft, Ackerland",
                        "Fläche gemischter Nutzung",
                    )
                ),
            ),
            ("Buchungsblatt", f"{p.town} {doc.rng.randint(100, 9999)}"),
            ("Amtsgericht", p.town if p.kreis == "kreisfreie Stadt" else doc.rng.choice(("Unna", "Kamen", "Lünen"))),
        ]
    )
    doc.small(f"Erstellt am {doc.date(False)}. Dieser Auszug ist gesetzlich geschützt (§ 5 VermKatG NRW).")
    doc.page()
    doc.drawing("flurkarte", ["Flurkarte 1:1000", *_map_labels(doc)])


def flurkarte_online(doc: Doc) -> None:
    doc.title = doc.w(("Liegenschaftskarte", "Ausschnitt Liegenschaftskarte"), ("Liegenschaftskarte (ALKIS)",))
    doc.code = "1802"
    labels = [
        doc.title,
        doc.w(
            ("Geobasisdaten: Land NRW", "© Geobasis NRW", "Datenlizenz Deutschland – Namensnennung 2.0"),
            ("Quelle: Geobasis NRW, dl-de/by-2-0",),
        ),
        f"Gemarkung {doc.val('gemarkung')}",
        f"Flur {doc.val('flur')}",
        *_map_labels(doc),
        doc.w(("Maßstab 1:1000", "1:1000"), ("M 1:1000",)),
        f"Abruf: {doc.date(False)}",
    ]
    doc.drawing("flurkarte", labels)


def flurkarte_minimal(doc: Doc) -> None:  # held out
    doc.title = "Flurkarte"
    doc.code = "1802"
    doc.drawing(
        "flurkarte",
        ["Flurkarte", "Auszug Liegenschaftskataster", f"Flur {doc.val('flur')}", *_map_labels(doc)[:8], "1:1000"],
    )


# ------------------------------------------------------------------------------------------ Bauzeichnungen
def _rooms(doc: Doc, count: int) -> list[str]:
    from bauantrag.assist.corpus.vocab import ROOMS

    out = []
    for room in doc.some(ROOMS, count, count + 3):
        area = de_number(doc.rng.uniform(2.5, 38.0), 2)
        out.append(doc.w(("{r} {a} m²", "{r}\n{a} m²", "{r} ({a} m²)"), ("{r} A={a}m²",)).format(r=room, a=area))
    return out


def _floor(doc: Doc) -> str:
    return doc.rng.choice(
        (
            "Erdgeschoss",
            "Obergeschoss",
            "Dachgeschoss",
            "Kellergeschoss",
            "1. Obergeschoss",
            "2. Obergeschoss",
            "Staffelgeschoss",
        )
    )


def _grundriss_labels(doc: Doc, floor: str) -> list[str]:
    labels = [
        doc.w(("Grundriss {f}", "GRUNDRISS {F}", "Grundriß {f}"), ("{f} – Grundriss",)).format(f=floor, F=floor.upper())
    ]
    labels += _rooms(doc, doc.rng.randint(4, 9))
    labels += [_dim(doc) for _ in range(doc.rng.randint(6, 18))]
    labels += doc.some(
        (
            "OKFF ±0,00",
            "OKRD",
            "BRH 0,90",
            "RH 2,51",
            "DU",
            "WM",
            "17 Stg. 17,6/27,0",
            "T30-RS",
            "F90",
            "Schacht",
            "Kamin",
            "Abstr.",
            "lichte Höhe 2,60",
        ),
        2,
        6,
    )
    return labels


def _schnitt_labels(doc: Doc) -> list[str]:
    letter = doc.rng.choice(("A-A", "B-B", "1-1", "A–A"))
    labels = [doc.w(("Schnitt {l}", "SCHNITT {l}", "Gebäudeschnitt {l}"), ("Querschnitt {l}",)).format(l=letter)]
    labels.append(f"{doc.w(('OK First', 'Firsthöhe', 'First'), ('FH',))} +{doc.val('firsthoehe_m', 'plain')}")
    labels.append(f"{doc.w(('Traufe', 'Traufhöhe', 'OK Traufe'), ('TH',))} +{doc.val('traufhoehe_m', 'plain')}")
    labels.append(f"OKFF EG ±0,00 = {de_number(doc.rng.uniform(60, 180), 2)} ü. NHN")
    labels += doc.some(
        (
            "Gelände vorh.",
            "Gelände geplant",
            "Bodenplatte",
            "Dachaufbau",
            "Sparren 8/20",
            "Dämmung 200 mm",
            "Estrich",
            "Sauberkeitsschicht",
            "Geschosshöhe 2,875",
            "lichte Raumhöhe",
        ),
        3,
        7,
    )
    labels += [_dim(doc, 0.2, 4.0) for _ in range(doc.rng.randint(4, 10))]
    return labels


def _ansicht_labels(doc: Doc) -> list[str]:
    side = doc.rng.choice(("Nord", "Süd", "Ost", "West", "Nordost", "Straßenseite", "Gartenseite"))
    labels = [doc.w(("Ansicht {s}", "ANSICHT {S}", "{s}ansicht"), ("Fassade {s}",)).format(s=side, S=side.upper())]
    if doc.chance(0.6):
        labels.append(f"{doc.w(('Firsthöhe', 'OK First'))} {doc.val('firsthoehe_m', 'plain')}")
    if doc.chance(0.5):
        labels.append(f"{doc.w(('Traufhöhe', 'OK Traufe'))} {doc.val('traufhoehe_m', 'plain')}")
    labels += doc.some(
        (
            "Putz weiß",
            "Klinker rotbunt",
            "Fenster Kunststoff anthrazit",
            "Dachsteine anthrazit",
            "Holzverschalung Lärche",
            "Geländeoberfläche",
            "Rollladen",
            "Attika",
            "Regenfallrohr",
        ),
        2,
        5,
    )
    labels += [_dim(doc, 0.2, 9.0) for _ in range(doc.rng.randint(2, 6))]
    return labels


def bauzeichnung_grundriss(doc: Doc) -> None:
    floor = _floor(doc)
    doc.title = f"Grundriss {floor}"
    doc.code = "2001"
    doc.drawing("grundriss", [*_grundriss_labels(doc, floor), *plankopf(doc, f"Grundriss {floor}", "1:100", True)])


def bauzeichnung_schnitt(doc: Doc) -> None:
    doc.title = "Schnitt"
    doc.code = "2002"
    doc.drawing("schnitt", [*_schnitt_labels(doc), *plankopf(doc, "Schnitt", "1:100", True)])


def bauzeichnung_ansicht(doc: Doc) -> None:
    doc.title = "Ansichten"
    doc.code = "2003"
    labels = []
    for _ in range(doc.rng.randint(1, 2)):
        labels += _ansicht_labels(doc)
    doc.drawing("ansicht", [*labels, *plankopf(doc, "Ansichten", "1:100", True)])


def bauzeichnung_plansatz(doc: Doc) -> None:
    doc.title = doc.w(("Bauzeichnungen", "Planunterlagen Bauantrag", "Bauzeichnungen M 1:100"), ("Planmappe",))
    doc.code = "2000"
    for floor in doc.some(("Erdgeschoss", "Obergeschoss", "Dachgeschoss", "Kellergeschoss"), 1, 3):
        doc.drawing("grundriss", [*_grundriss_labels(doc, floor), *plankopf(doc, f"Grundriss {floor}", "1:100", True)])
        doc.page()
    doc.drawing("schnitt", [*_schnitt_labels(doc), *plankopf(doc, "Schnitt", "1:100", True)])
    doc.page()
    doc.drawing("ansicht", [*_ansicht_labels(doc), *_ansicht_labels(doc), *plankopf(doc, "Ansichten", "1:100", True)])


def bauzeichnung_plankopf(doc: Doc) -> None:  # held out
    doc.title = "Bauzeichnung"
    doc.code = "2000"
    floor = _floor(doc)
    doc.drawing("grundriss", _grundriss_labels(doc, floor)[:12] + _schnitt_labels(doc)[:5])
    rows = [
        [k, v]
        for k, v in (
            line.split(" ", 1) if " " in line else (line, "")
            for line in plankopf(doc, f"Grundriss {floor}, Schnitt", "1:100")
        )
    ]
    doc.table(
        [
            ["Planbezeichnung", f"Grundriss {floor} / Schnitt"],
            *rows,
            ["gez.", doc.p.architect.last],
            ["gepr.", doc.p.architect.first[0] + "."],
        ],
        header=False,
    )


# ------------------------------------------------------------------------------------------ Fotos
def _photo_captions(doc: Doc, count: int, numbered: str = "Foto") -> list[str]:
    from bauantrag.assist.corpus.vocab import PHOTO_MOTIFS

    out = []
    for n, motif in enumerate(doc.some(PHOTO_MOTIFS, count, count), start=1):
        fmt = doc.w(
            ("{k} {n}: {m}", "{k} {n} – {m}", "{n}. {m}", "{k} {n}\n{m}, aufgenommen am {d}"),
            ("Abb. {n}: {m} ({d})", "{m} [{k} {n}]"),
        )
        out.append(fmt.format(k=numbered, n=n, m=motif, d=doc.date(False)))
    return out


def fotos_doku(doc: Doc) -> None:
    doc.title = doc.w(
        ("Fotodokumentation", "Fotodokumentation Bestand", "Lichtbilder zum Bauantrag"),
        ("Bilddokumentation", "Fotoanlage"),
    )
    doc.code = "3700"
    doc.h(doc.title)
    doc.small(f"{doc.p.vorhaben}, {doc.p.street} {doc.p.house_no}, {doc.p.town}")
    captions = _photo_captions(doc, doc.rng.randint(2, 8), doc.w(("Foto", "Bild", "Abbildung")))
    for index, caption in enumerate(captions):
        if index and index % doc.rng.choice((2, 3, 4)) == 0:
            doc.page()
        doc.photo(caption)


def fotos_nur_bilder(doc: Doc) -> None:
    doc.title = "Fotos"
    doc.code = "3700"
    for n in range(1, doc.rng.randint(2, 6)):
        doc.photo(
            f"{doc.w(('Bild', 'Foto', 'IMG_'))}{'' if doc.chance(0.5) else ' '}"
            f"{n if doc.chance(0.6) else doc.rng.randint(1000, 9999)}"
        )


def fotos_montage(doc: Doc) -> None:
    doc.title = doc.w(("Fotomontage", "Fotomontage / Visualisierung"), ("Visualisierung des Vorhabens",))
    doc.code = "3700"
    doc.h(doc.title)
    doc.photo(doc.w(("Bestand – Blick von der Straße", "Foto Bestand"), ("Bestandssituation",)))
    doc.photo(
        doc.w(
            ("Planung – Fotomontage des Neubaus", "Montage: geplantes Gebäude im Straßenbild"),
            ("Zustand nach Fertigstellung (Simulation)",),
        )
    )
    doc.small(f"{doc.p.office}, {doc.date(False)}")


def fotos_tabelle(doc: Doc) -> None:  # held out
    doc.title = doc.w(("Fotodokumentation",), ("Fototabelle Ortsbesichtigung",))
    doc.code = "3700"
    doc.h(doc.title)
    captions = _photo_captions(doc, doc.rng.randint(2, 4))
    for caption in captions:
        doc.photo(caption)
    doc.table(
        [
            ["Nr.", "Blickrichtung", "Datum"],
            *[
                [str(n), doc.rng.choice(("Nord", "Süd", "Ost", "West")), doc.date(False)]
                for n in range(1, len(captions) + 1)
            ],
        ]
    )
