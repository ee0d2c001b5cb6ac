"""Templates of the written Bauvorlagen (descriptions, calculations, certificates, letters)."""

from __future__ import annotations

from bauantrag.assist.corpus import vocab
from bauantrag.assist.corpus.builder import Doc
from bauantrag.assist.corpus.project import de_number


def _letter_start(doc: Doc, sender: str = "architect") -> None:
    p = doc.p
    if sender == "architect":
        doc.letterhead(doc.architect_lines())
    elif sender == "bauherr":
        doc.letterhead([doc.val("bauherr"), p.bauherr_street, p.bauherr_town])
    elif sender == "engineer":
        doc.letterhead([p.engineer_office, p.engineer.name, p.office_street, p.office_town])
    else:
        doc.letterhead([p.fire_office, p.fire_expert.name, p.office_town])
    if doc.chance(0.7):
        doc.address(
            [
                doc.w(
                    (f"Stadt {p.town}", f"Bürgermeister der Stadt {p.town}", f"{p.kreis} – Der Landrat"),
                    (f"Untere Bauaufsichtsbehörde {p.town}",),
                ),
                doc.w(("Bauaufsicht", "Untere Bauaufsichtsbehörde", "Fachbereich Bauordnung"), ("Bauordnungsamt",)),
                f"{p.plz} {p.town}",
            ]
        )
    doc.small(doc.place_date())


def _gk_text(doc: Doc) -> str:
    style = doc.rng.choice(("arabic", "arabic", "roman"))
    return doc.w(("Gebäudeklasse {g}", "GK {g}", "Gebäudeklasse: {g}"), ("Einstufung in Gebäudeklasse {g}",)).format(
        g=doc.val("gebaeudeklasse", style)
    )


# ------------------------------------------------------------------------------------------ Baubeschreibung
def _construction(doc: Doc) -> list[tuple[str, str]]:
    return doc.some(
        (
            (
                "Gründung",
                doc.rng.choice(
                    (
                        "Streifenfundamente aus Beton C25/30",
                        "Stahlbetonbodenplatte auf Frostschürze",
                        "elastisch gebettete Bodenplatte, WU-Beton",
                    )
                ),
            ),
            ("Außenwände", doc.rng.choice(vocab.MATERIALS_WALL)),
            ("Innenwände", doc.rng.choice(("Kalksandstein 11,5 cm", "Gipskarton-Ständerwände", "Porenbeton 11,5 cm"))),
            ("Decken", doc.rng.choice(("Stahlbetondecke 20 cm", "Holzbalkendecke", "Filigrandecke 22 cm"))),
            ("Dach", doc.rng.choice(vocab.MATERIALS_ROOF)),
            (
                "Treppen",
                doc.rng.choice(
                    (
                        "Stahlbetontreppe mit Natursteinbelag",
                        "Holztreppe, eingestemmt",
                        "Stahlwangentreppe mit Holzstufen",
                    )
                ),
            ),
            ("Heizung", doc.rng.choice(vocab.HEATING)),
            (
                "Entwässerung",
                doc.rng.choice(
                    (
                        "Anschluss an den öffentlichen Mischwasserkanal",
                        "Trennsystem; Niederschlagswasser wird versickert",
                        "Schmutzwasser in den Kanal, Regenwasser in Zisterne",
                    )
                ),
            ),
            ("Wasserversorgung", "Anschluss an das öffentliche Netz"),
            ("Fenster", doc.rng.choice(("Kunststofffenster, 3-fach-Verglasung", "Holz-Alu-Fenster, Uw = 0,9 W/m²K"))),
        ),
        4,
        9,
    )


def baubeschreibung_vordruck(doc: Doc) -> None:
    p = doc.p
    doc.code = "1502"
    doc.title = doc.w(
        ("Baubeschreibung", "Baubeschreibung (Vordruck)", "BAUBESCHREIBUNG"), ("Baubeschreibung nach § 5 BauPrüfVO",)
    )
    doc.small(doc.w(("Anlage I/4 zur VV BauPrüfVO", "Vordruck Baubeschreibung – Land NRW"), ("Amtlicher Vordruck",)))
    doc.h(doc.title)
    doc.table(
        [
            ["1", "Bauherrschaft", doc.val("bauherr")],
            ["2", "Baugrundstück", f"{p.street} {p.house_no}, {p.plz} {p.town}"],
            ["", "", doc.lage_line()],
            ["3", "Vorhaben", p.vorhaben],
            ["4", "Gebäudeklasse", doc.val("gebaeudeklasse")],
            ["5", "Anzahl der Vollgeschosse", doc.val("vollgeschosse")],
            ["6", "Brutto-Rauminhalt (DIN 277)", f"{doc.val('brutto_rauminhalt_m3')} m³"],
            *([["7", "Anzahl der Wohnungen", doc.val("wohneinheiten")]] if p.wohneinheiten else []),
        ],
        header=False,
    )
    doc.h(doc.w(("Konstruktion und Baustoffe", "Beschreibung der Bauteile"), ("Bauausführung",)), 2)
    doc.table([["Bauteil", "Ausführung"], *_construction(doc)])
    if doc.chance(0.6):
        doc.para(
            doc.w(
                (
                    "Die tragenden Bauteile erfüllen die Anforderungen der Gebäudeklasse.",
                    "Die Bauteile werden entsprechend den Anforderungen der BauO NRW ausgeführt.",
                ),
                ("Feuerwiderstand der Bauteile gemäß BauO NRW 2018.",),
            )
        )
    doc.signature()


def baubeschreibung_prosa(doc: Doc) -> None:
    p = doc.p
    doc.code = "1501"
    doc.title = doc.w(
        ("Baubeschreibung", "Baubeschreibung (formlos)", "Bau- und Leistungsbeschreibung"),
        ("Beschreibung des Bauvorhabens",),
    )
    if doc.chance(0.5):
        _letter_start(doc)
    doc.h(doc.title)
    doc.para(f"{doc.w(('Bauvorhaben:', 'Betr.:'))} {p.vorhaben}, {p.street} {p.house_no}, {p.town}")
    doc.para(
        doc.w(
            (
                "Das Baugrundstück ({l}) liegt im Ortsteil {g} und ist über die {s} erschlossen.",
                "Das Grundstück {l} ist derzeit unbebaut und wird von der {s} aus erschlossen.",
                "Auf dem Grundstück in der {s} ({l}) soll das oben genannte Vorhaben verwirklicht werden.",
            ),
            ("Gegenstand dieser Beschreibung ist das Grundstück {l} an der {s}.",),
        ).format(l=doc.lage_line(), g=p.gemarkung, s=p.street)
    )
    doc.para(
        doc.w(
            (
                "Geplant ist ein Gebäude mit {v} Vollgeschossen; es wird der {gk} zugeordnet.",
                "Das Gebäude erhält {v} Vollgeschosse und fällt in die {gk} nach § 2 Abs. 3 BauO NRW.",
            ),
            ("Mit {v} Vollgeschossen ergibt sich die {gk}.",),
        ).format(v=doc.val("vollgeschosse"), gk=_gk_text(doc))
    )
    if p.wohneinheiten and doc.chance(0.8):
        doc.para(f"Es entstehen {doc.val('wohneinheiten')} Wohneinheiten.")
    constr = _construction(doc)
    doc.para(
        " ".join(
            doc.w(("{k}: {v}.", "Die {k} werden als {v} ausgeführt.", "{k} – {v}."), ("Ausführung {k}: {v}.",)).format(
                k=k, v=v
            )
            for k, v in constr
        )
    )
    if doc.chance(0.6):
        doc.para(f"Der Brutto-Rauminhalt beträgt {doc.val('brutto_rauminhalt_m3')} m³.")
    if doc.chance(0.4):
        doc.para(
            f"Die Firsthöhe liegt bei {doc.val('firsthoehe_m')} m über Gelände, die Traufhöhe bei "
            f"{doc.val('traufhoehe_m')} m."
        )
    doc.signature()


def baubeschreibung_stichpunkte(doc: Doc) -> None:
    p = doc.p
    doc.code = "1501"
    doc.title = doc.w(("Baubeschreibung", "Kurzbaubeschreibung"), ("Baubeschreibung – Übersicht",))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv())
    doc.h(doc.w(("Allgemeine Angaben", "Angaben zum Gebäude"), ("Eckdaten",)), 2)
    items = [f"{_gk_text(doc)}", f"Vollgeschosse: {doc.val('vollgeschosse', doc.rng.choice(('', 'roman')))}"]
    if p.wohneinheiten:
        items.append(f"Wohneinheiten: {doc.val('wohneinheiten')}")
    if doc.chance(0.5):
        items.append(f"BRI: {doc.val('brutto_rauminhalt_m3')} m³")
    if doc.chance(0.5):
        items.append(f"Gebäudehöhe: {doc.val('gebaeudehoehe_m')} m")
    doc.ul(items)
    doc.h(doc.w(("Baukonstruktion", "Bauteile"), ("Ausführung",)), 2)
    doc.ul([f"{k}: {v}" for k, v in _construction(doc)])


def baubeschreibung_kurz(doc: Doc) -> None:
    doc.code = "1500"
    doc.title = "Baubeschreibung"
    doc.h(doc.w(("Baubeschreibung", "Baubeschreibung zum Bauantrag")))
    doc.para(
        f"{doc.p.vorhaben}. {doc.w(('Massivbauweise,', 'Holzständerbauweise,', 'Konstruktion:'))} "
        f"{doc.rng.choice(vocab.MATERIALS_WALL)}, {doc.rng.choice(vocab.MATERIALS_ROOF)}."
    )
    if doc.chance(0.5):
        doc.para(f"{_gk_text(doc)}, {doc.val('vollgeschosse')} Vollgeschoss(e).")


def baubeschreibung_bauteiltabelle(doc: Doc) -> None:  # held out
    doc.code = "1502"
    doc.title = doc.w(("Baubeschreibung",), ("Baubeschreibung – Bauteile und Baustoffe",))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(lage=doc.chance(0.5)))
    doc.table(
        [
            ["Bauteil", "Baustoff / Ausführung", "Feuerwiderstand"],
            *[
                [k, v, doc.rng.choice(("feuerhemmend", "hochfeuerhemmend", "feuerbeständig", "–"))]
                for k, v in _construction(doc)
            ],
        ]
    )
    doc.para(f"Einstufung: {_gk_text(doc)}; Nutzung: {doc.rng.choice(('Wohnen', 'Büro', 'Gewerbe'))}.")


# ------------------------------------------------------------------------------------------ Betriebsbeschreibung
def _business(doc: Doc) -> tuple[str, str, str, tuple[str, ...]]:
    if doc.p.business is not None:
        return doc.p.business
    return doc.rng.choice(vocab.BUSINESSES)


def _business_name(doc: Doc, business: tuple[str, str, str, tuple[str, ...]]) -> str:
    return doc.p.business_name or business[1].format(s=doc.p.architect.last, s2=doc.p.owner.last, f=doc.p.owner.first)


def betriebsbeschreibung_vordruck(doc: Doc) -> None:
    p = doc.p
    business = _business(doc)
    agrar = business[0] in ("landwirtschaft", "hofladen")
    doc.code = "1602" if agrar else "1601"
    doc.title = doc.w(
        (
            "Betriebsbeschreibung",
            "Betriebsbeschreibung für gewerbliche Anlagen"
            if not agrar
            else "Betriebsbeschreibung für landwirtschaftliche Betriebe",
        ),
        ("Angaben zum Betrieb",),
    )
    doc.h(doc.title)
    doc.kv(
        [
            ("Name des Betriebes", _business_name(doc, business)),
            ("Betriebsinhaber", doc.val("bauherr")),
            ("Betriebsstätte", f"{p.street} {p.house_no}, {p.plz} {p.town}"),
            ("Art des Betriebes", business[2]),
        ]
    )
    doc.h(doc.w(("Betriebszeiten", "Arbeitszeiten"), ("Öffnungs- und Betriebszeiten",)), 2)
    start, end = doc.rng.choice(((6, 18), (7, 17), (8, 20), (5, 14), (10, 23)))
    doc.table(
        [
            ["Tag", "von", "bis"],
            ["Montag bis Freitag", f"{start:02d}:00 Uhr", f"{end:02d}:00 Uhr"],
            ["Samstag", f"{start + 1:02d}:00 Uhr", f"{min(end, 14):02d}:00 Uhr"],
            ["Sonn- und Feiertage", "–", "–"],
        ]
    )
    doc.h(doc.w(("Beschäftigte", "Zahl der Beschäftigten"), ("Personal",)), 2)
    women = doc.rng.randint(0, p.employees)
    doc.kv(
        [
            ("männlich", str(p.employees - women)),
            ("weiblich", str(women)),
            ("davon Auszubildende", str(doc.rng.randint(0, 3))),
        ]
    )
    doc.h(doc.w(("Maschinen und Anlagen", "Technische Einrichtungen"), ("Betriebseinrichtungen",)), 2)
    doc.ul(doc.some(business[3], 2, 5))
    doc.h(doc.w(("Emissionen", "Lärm, Staub, Gerüche"), ("Immissionsschutz",)), 2)
    doc.para(
        doc.w(
            (
                "Lärmintensive Arbeiten finden ausschließlich in der geschlossenen Halle statt. Staub wird abgesaugt.",
                "Es entstehen keine erheblichen Geräusch- oder Geruchsemissionen; Tore bleiben während der Arbeit "
                "geschlossen.",
                "Der Anlieferverkehr beschränkt sich auf etwa {n} Lkw pro Tag zwischen 7 und 18 Uhr.",
            ),
            ("Die Immissionsrichtwerte der TA Lärm werden eingehalten; Lieferverkehr ca. {n} Fahrzeuge täglich.",),
        ).format(n=doc.rng.randint(1, 12))
    )
    if doc.chance(0.6):
        doc.h("Abfälle und wassergefährdende Stoffe", 2)
        doc.para(
            doc.rng.choice(
                (
                    "Altöl und Altreifen werden von einem zugelassenen Entsorger abgeholt.",
                    "Holzabfälle werden in einem Container gesammelt und verwertet.",
                    "Gülle wird im Güllebehälter (Lagerkapazität 6 Monate) gelagert.",
                    "Es werden keine wassergefährdenden Stoffe gelagert.",
                )
            )
        )
    doc.signature("bauherr")


def betriebsbeschreibung_brief(doc: Doc) -> None:
    business = _business(doc)
    doc.code = "1603"
    doc.title = doc.w(("Betriebsbeschreibung",), ("Beschreibung des Betriebsablaufs",))
    _letter_start(doc, "bauherr")
    doc.h(doc.w(("Betriebsbeschreibung", "Betriebsbeschreibung zum Bauantrag")), 2)
    doc.para(f"Betr.: {doc.p.vorhaben}, {doc.p.street} {doc.p.house_no}")
    doc.para(
        doc.w(
            (
                "Sehr geehrte Damen und Herren, hiermit beschreiben wir den geplanten Betrieb.",
                "Sehr geehrte Damen und Herren, zum o. g. Bauantrag reichen wir folgende Betriebsbeschreibung nach.",
            ),
            ("Guten Tag, zu unserem Antrag erläutern wir den vorgesehenen Betrieb wie folgt.",),
        )
    )
    doc.para(
        f"Der Betrieb „{_business_name(doc, business)}“ umfasst: {business[2]}. Es werden "
        f"{doc.p.employees} Personen beschäftigt. Betriebszeiten: montags bis freitags "
        f"{doc.rng.choice(('7:00 bis 17:00', '6:00 bis 22:00', '8:00 bis 18:30'))} Uhr."
    )
    doc.para(
        f"Eingesetzt werden u. a. {', '.join(doc.some(business[3], 2, 4))}. "
        + doc.w(
            (
                "Geräuschintensive Arbeiten erfolgen nur werktags.",
                "Die Anlieferung erfolgt über die Zufahrt an der Straße.",
            ),
            ("Emissionen sind nicht zu erwarten.",),
        )
    )
    doc.para("Mit freundlichen Grüßen")
    doc.sig([doc.val("bauherr")])


def betriebsbeschreibung_landwirtschaft(doc: Doc) -> None:
    doc.code = "1602"
    doc.title = doc.w(
        ("Betriebsbeschreibung für landwirtschaftliche Betriebe", "Betriebsbeschreibung Landwirtschaft"),
        ("Angaben zum landwirtschaftlichen Betrieb",),
    )
    doc.h(doc.title)
    doc.kv(
        [
            ("Betriebsinhaber", doc.val("bauherr")),
            ("Hofstelle", f"{doc.p.street} {doc.p.house_no}"),
            ("Bewirtschaftete Fläche", f"{doc.rng.randint(20, 260)} ha, davon {doc.rng.randint(5, 90)} ha Pachtland"),
            ("Betriebsform", doc.rng.choice(("Haupterwerb", "Nebenerwerb"))),
        ]
    )
    doc.table(
        [
            ["Tierart", "Bestand", "geplant", "GV"],
            *[
                [a, str(doc.rng.randint(10, 200)), str(doc.rng.randint(10, 240)), de_number(doc.rng.uniform(5, 160), 1)]
                for a in doc.some(
                    ("Milchkühe", "Jungvieh", "Kälber", "Mastschweine", "Sauen", "Legehennen", "Pferde"), 1, 3
                )
            ],
        ]
    )
    doc.para(
        doc.w(
            (
                "Die Futtergrundlage wird überwiegend auf eigenen Flächen erzeugt. Gülle wird in einem geschlossenen "
                "Behälter gelagert.",
                "Der Betrieb ist privilegiert nach § 35 Abs. 1 Nr. 1 BauGB. Festmist wird auf befestigter Mistplatte "
                "gelagert.",
            ),
            ("Lagerraum für Wirtschaftsdünger: ausreichend für mindestens sechs Monate.",),
        )
    )
    doc.signature("bauherr")


def betriebsbeschreibung_stichpunkte(doc: Doc) -> None:  # held out
    business = _business(doc)
    doc.code = "1600"
    doc.title = "Betriebsbeschreibung"
    doc.h(doc.w(("Betriebsbeschreibung – Kurzfassung",), ("Betrieb in Stichworten",)))
    doc.ul(
        [
            f"Betrieb: {_business_name(doc, business)}",
            f"Tätigkeit: {business[2]}",
            f"Mitarbeiter: {doc.p.employees}",
            f"Maschinen: {', '.join(doc.some(business[3], 1, 3))}",
            "Betriebszeit werktags, keine Nachtarbeit",
            "Lieferverkehr gering",
        ]
    )


# ------------------------------------------------------------------------------------------ Berechnung Maß
def _bplan(doc: Doc) -> str:
    return doc.w(
        ("Bebauungsplan Nr. {n} „{name}“", 'B-Plan Nr. {n} "{name}"', "BP {n} {name}"),
        ("rechtskräftiger Bebauungsplan {n} – {name}",),
    ).format(
        n=doc.rng.randint(1, 180),
        name=doc.rng.choice(
            ("Am Mühlenbach", "Nordfeld", "Gewerbegebiet Ost", "Kirchweg-Süd", "Im Sauerfeld", "Wohnpark Lindenhof")
        ),
    )


def mass_tabelle(doc: Doc) -> None:
    p = doc.p
    doc.code = "1901"
    doc.title = doc.w(
        ("Berechnung des Maßes der baulichen Nutzung", "Berechnung GRZ / GFZ", "Nachweis der GRZ und GFZ"),
        ("Maß der baulichen Nutzung – Berechnung",),
    )
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(bauherr=doc.chance(0.6)))
    if doc.chance(0.7):
        doc.para(f"Planungsrechtliche Grundlage: {_bplan(doc)}")
    allowed_grz = de_number(doc.rng.choice((0.3, 0.4, 0.4, 0.6)), 1)
    doc.table(
        [
            ["", "Fläche", "Wert"],
            ["Grundstücksfläche", doc.m2(p.grundstueck_m2), ""],
            ["Grundfläche (GR)", doc.m2(p.grundflaeche_m2), ""],
            ["Grundflächenzahl GRZ = GR / Grundstück", "", doc.val("grz")],
            ["zulässige GRZ", "", allowed_grz],
            ["Geschossfläche (GF)", doc.m2(p.geschossflaeche_m2), ""],
            ["Geschossflächenzahl GFZ = GF / Grundstück", "", doc.val("gfz")],
        ]
    )
    doc.para(
        doc.w(
            ("Die zulässigen Werte werden eingehalten.", "GRZ und GFZ liegen unter den festgesetzten Höchstwerten."),
            ("Die Festsetzungen des Bebauungsplans werden eingehalten.",),
        )
    )
    doc.signature()


def mass_formular(doc: Doc) -> None:
    p = doc.p
    doc.code = "1901"
    doc.title = doc.w(("Berechnung des Maßes der baulichen Nutzung",), ("Angaben zum Maß der baulichen Nutzung",))
    doc.small(doc.w(("Anlage I/3 zur VV BauPrüfVO", "Vordruck – § 3 Abs. 2 BauPrüfVO"), ("Anlage zum Bauantrag",)))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv())
    doc.table(
        [
            ["Festsetzung", "zulässig", "geplant"],
            ["GRZ", de_number(doc.rng.choice((0.3, 0.4, 0.6)), 1), doc.val("grz")],
            ["GFZ", de_number(doc.rng.choice((0.6, 0.8, 1.2)), 1), doc.val("gfz")],
            ["Zahl der Vollgeschosse", doc.rng.choice(("I", "II", "III", "II–III")), doc.val("vollgeschosse", "roman")],
            ["Bauweise", "o", "offen"],
        ]
    )
    doc.para(f"Grundstücksgröße: {doc.m2(p.grundstueck_m2)}")
    doc.signature()


def mass_ausfuehrlich(doc: Doc) -> None:
    p = doc.p
    doc.code = "1901"
    doc.title = doc.w(
        ("Berechnung des Maßes der baulichen Nutzung", "Flächenberechnung GRZ/GFZ (§§ 19, 20 BauNVO)"),
        ("GRZ-/GFZ-Ermittlung",),
    )
    doc.h(doc.title)
    doc.para(f"{p.vorhaben} – {doc.lage_line()}")
    doc.h(doc.w(("1. Grundflächenzahl (§ 19 BauNVO)", "Ermittlung der GRZ"), ("GRZ",)), 2)
    a, b = doc.rng.uniform(6, 16), doc.rng.uniform(6, 14)
    rows = [["Wohnhaus", f"{de_number(a)} × {de_number(b)}", doc.m2(a * b)]]
    for part in doc.some(("Garage", "Terrasse", "Carport", "Zufahrt", "Nebenanlage"), 1, 3):
        x, y = doc.rng.uniform(2, 7), doc.rng.uniform(2, 8)
        rows.append([part, f"{de_number(x)} × {de_number(y)}", doc.m2(x * y)])
    doc.table([["Bauteil", "Maße (m)", "Fläche"], *rows, ["Summe GR", "", doc.m2(p.grundflaeche_m2)]])
    doc.para(f"GRZ = {doc.num(p.grundflaeche_m2)} m² : {doc.num(p.grundstueck_m2)} m² = {doc.val('grz')}")
    if doc.chance(0.5):
        doc.para(
            "Überschreitung nach § 19 Abs. 4 BauNVO durch Garagen und Zufahrten: "
            + de_number(doc.rng.uniform(0.05, 0.2))
        )
    doc.h(doc.w(("2. Geschossflächenzahl (§ 20 BauNVO)", "Ermittlung der GFZ"), ("GFZ",)), 2)
    doc.para(f"GF = {doc.num(p.geschossflaeche_m2)} m²; GFZ = GF / Grundstücksfläche = {doc.val('gfz')}")


def mass_kurz(doc: Doc) -> None:
    doc.code = "1901"
    doc.title = "GRZ/GFZ"
    doc.h(doc.w(("Maß der baulichen Nutzung", "Berechnung GRZ / GFZ")))
    doc.para(
        f"Grundstück {doc.m2(doc.p.grundstueck_m2)}, GR {doc.m2(doc.p.grundflaeche_m2)} → GRZ "
        f"{doc.val('grz')}; GFZ {doc.val('gfz')}"
    )


def mass_fliesstext(doc: Doc) -> None:  # held out
    p = doc.p
    doc.code = "1901"
    doc.title = "Berechnung des Maßes der baulichen Nutzung"
    doc.h(doc.w(("Erläuterung zum Maß der baulichen Nutzung",), ("Nachweis Nutzungsmaß",)))
    doc.para(
        f"Das Baugrundstück hat eine Größe von {doc.m2(p.grundstueck_m2)}. Die geplante Bebauung überdeckt "
        f"{doc.m2(p.grundflaeche_m2)}, woraus sich eine Grundflächenzahl von {doc.val('grz')} ergibt. "
        f"Bei einer Geschossfläche von {doc.m2(p.geschossflaeche_m2)} beträgt die Geschossflächenzahl "
        f"{doc.val('gfz')}. Der {_bplan(doc)} wird damit eingehalten."
    )


# ------------------------------------------------------------------------------------------ Standsicherheit
_NORMS = (
    "DIN EN 1990",
    "DIN EN 1991-1-1",
    "DIN EN 1991-1-3 (Schnee)",
    "DIN EN 1991-1-4 (Wind)",
    "DIN EN 1992-1-1",
    "DIN EN 1995-1-1",
    "DIN EN 1996-1-1",
    "DIN EN 1997-1",
    "DIN EN 1993-1-1",
)


def _positions(doc: Doc, count: int) -> None:
    for n in range(1, count + 1):
        name = doc.rng.choice(
            (
                "Sparren",
                "Pfette",
                "Decke über EG",
                "Sturz",
                "Unterzug",
                "Stütze",
                "Fundament",
                "Treppenlauf",
                "Wand",
                "Ringbalken",
                "Kehlbalken",
                "Attika",
            )
        )
        doc.h(f"Pos. {n}{doc.rng.choice(('', '.1', '.2'))} {name}", 3)
        g, q = doc.rng.uniform(0.5, 7.5), doc.rng.uniform(0.5, 5.0)
        lines = [
            f"g = {de_number(g)} kN/m²",
            f"q = {de_number(q)} kN/m²",
            f"l = {de_number(doc.rng.uniform(1.0, 7.5))} m",
            f"M_Ed = {de_number(doc.rng.uniform(2, 90))} kNm",
            f"V_Ed = {de_number(doc.rng.uniform(2, 60))} kN",
        ]
        doc.ul(doc.some(lines, 3, 5))
        doc.para(
            doc.w(
                (
                    "gew.: {c}; Nachweis: η = {e} < 1,0 ✓",
                    "Gewählt {c}. Ausnutzung {e} – Nachweis erfüllt.",
                    "{c}  σ/f = {e} ≤ 1",
                ),
                ("Querschnitt {c}, Ausnutzungsgrad {e}.",),
            ).format(
                c=doc.rng.choice(
                    (
                        "KVH C24 8/20",
                        "HEB 160",
                        "Stb. C25/30, As = 3,93 cm²",
                        "BSH GL24h 12/28",
                        "KS 20-2,0 MW",
                        "IPE 200",
                        "Bst 500",
                    )
                ),
                e=de_number(doc.rng.uniform(0.2, 0.98)),
            )
        )


def statik_deckblatt(doc: Doc) -> None:
    p = doc.p
    doc.code = "2801"
    doc.title = doc.w(
        ("Statische Berechnung", "Standsicherheitsnachweis", "Tragwerksplanung – Statische Berechnung"), ("Statik",)
    )
    doc.h(doc.title)
    doc.kv(
        [
            *doc.vorhaben_kv(lage=doc.chance(0.4)),
            ("Aufsteller:", f"{p.engineer_office}, {p.engineer.name}"),
            ("Umfang:", f"{doc.rng.randint(12, 140)} Seiten"),
        ]
    )
    doc.h(doc.w(("Lastannahmen", "Einwirkungen"), ("Belastung",)), 2)
    doc.ul(
        [
            f"Schneelastzone {doc.rng.choice(('1', '2', '1a'))}, s_k = {de_number(doc.rng.uniform(0.65, 1.1))} kN/m²",
            f"Windzone {doc.rng.choice(('1', '2'))}, Geländekategorie {doc.rng.choice(('II', 'III', 'Mischprofil'))}",
            f"Nutzlast Wohnraum {de_number(doc.rng.choice((1.5, 2.0, 2.7)))} kN/m²",
            f"Erdbebenzone {doc.rng.choice(('0', '1', 'keine'))}",
        ]
    )
    doc.h(doc.w(("Normen und Grundlagen", "Berechnungsgrundlagen"), ("Technische Baubestimmungen",)), 2)
    doc.ul(doc.some(_NORMS, 3, 6))
    doc.page()
    _positions(doc, doc.rng.randint(2, 6))
    doc.signature("engineer")


def statik_positionen(doc: Doc) -> None:
    doc.code = "2815"
    doc.title = doc.w(("Statische Berechnung – Positionen",), ("Bautechnische Berechnung",))
    doc.small(f"{doc.p.engineer_office} · Projekt {doc.p.vorhaben} · Seite {doc.rng.randint(3, 60)}")
    _positions(doc, doc.rng.randint(3, 8))


def statik_bescheinigung(doc: Doc) -> None:
    p = doc.p
    doc.code = "2802"
    doc.title = doc.w(
        (
            "Bescheinigung des Standsicherheitsnachweises",
            "Bescheinigung über die Prüfung des Standsicherheitsnachweises",
        ),
        ("Prüfbescheinigung Standsicherheit",),
    )
    doc.h(doc.title)
    doc.small(
        doc.w(("nach § 68 Abs. 2 BauO NRW", "gemäß BauO NRW 2018"), ("(staatlich anerkannte/r Sachverständige/r)",))
    )
    doc.kv(doc.vorhaben_kv())
    doc.para(
        doc.w(
            (
                "Hiermit wird bescheinigt, dass der Standsicherheitsnachweis vollständig und richtig ist.",
                "Der Nachweis der Standsicherheit wurde geprüft; Bedenken bestehen nicht.",
            ),
            ("Die Standsicherheit des Tragwerks ist nachgewiesen.",),
        )
    )
    doc.para(
        f"Staatlich anerkannte/r Sachverständige/r für die Prüfung der Standsicherheit: {p.engineer.name}, "
        f"Fachrichtung {doc.rng.choice(('Massivbau', 'Holzbau', 'Metallbau'))}"
    )
    doc.signature("engineer")


def statik_lasten_tabelle(doc: Doc) -> None:
    doc.code = "2801"
    doc.title = doc.w(("Standsicherheitsnachweis – Lastaufstellung",), ("Lastzusammenstellung Tragwerk",))
    doc.h(doc.title)
    rows = [["Bauteil", "Aufbau", "g_k [kN/m²]", "q_k [kN/m²]"]]
    for part in doc.some(("Dach", "Decke über EG", "Decke über OG", "Balkon", "Treppe", "Kellerdecke"), 2, 5):
        rows.append(
            [
                part,
                doc.rng.choice(
                    (
                        "Ziegel, Lattung, Sparren",
                        "Estrich 6 cm, Dämmung, Stb 20 cm",
                        "Fliesen, Estrich, Stb 18 cm",
                        "Kies, Abdichtung, Dämmung, Stb",
                    )
                ),
                de_number(doc.rng.uniform(0.8, 7.5)),
                de_number(doc.rng.uniform(0.75, 4.0)),
            ]
        )
    doc.table(rows)
    doc.para(f"Bemessung nach {', '.join(doc.some(_NORMS, 2, 3))}.")
    _positions(doc, doc.rng.randint(1, 3))


def statik_holzbau_kurz(doc: Doc) -> None:  # held out
    doc.code = "2801"
    doc.title = "Standsicherheitsnachweis"
    doc.h(doc.w(("Nachweis der Standsicherheit – Carport/Garage",), ("Vereinfachter Tragsicherheitsnachweis",)))
    doc.para(
        f"Holzkonstruktion aus {doc.rng.choice(('KVH C24', 'BSH GL24h'))}, Pfosten 12/12, Pfetten 10/20. "
        f"Schnee s = {de_number(doc.rng.uniform(0.65, 1.0))} kN/m². Nachweise nach DIN EN 1995-1-1 erfüllt."
    )
    _positions(doc, 1)


# ------------------------------------------------------------------------------------------ Brandschutz
def brandschutz_gliederung(doc: Doc) -> None:
    p = doc.p
    doc.code = "2705"
    doc.title = doc.w(
        ("Brandschutzkonzept", "Brandschutzkonzept nach § 9 BauPrüfVO", "BRANDSCHUTZKONZEPT"),
        ("Brandschutztechnisches Konzept",),
    )
    doc.h(doc.title)
    doc.kv([*doc.vorhaben_kv(lage=doc.chance(0.5)), ("Verfasser:", f"{p.fire_office}, {p.fire_expert.name}")])
    doc.h("1 " + doc.w(("Allgemeines", "Grundlagen"), ("Aufgabenstellung",)), 2)
    doc.para(
        doc.w(
            (
                "Grundlage sind die BauO NRW 2018 und die Sonderbauverordnung (SBauVO) in der geltenden Fassung.",
                "Das Konzept beschreibt die Maßnahmen des vorbeugenden Brandschutzes für das Gebäude.",
            ),
            ("Geprüft wurden die Schutzziele des § 14 BauO NRW.",),
        )
    )
    doc.h("2 " + doc.w(("Gebäudebeschreibung", "Einstufung"), ("Objekt",)), 2)
    doc.para(
        f"{_gk_text(doc)}; {doc.val('vollgeschosse')} oberirdische Geschosse; Höhe nach § 2 Abs. 3 BauO NRW "
        f"{de_number(p.fussboden_og_m)} m; Gebäudehöhe {doc.val('gebaeudehoehe_m')} m."
    )
    doc.h("3 " + doc.w(("Rettungswege", "Flucht- und Rettungswege"), ("Rettungswegkonzept",)), 2)
    doc.para(
        doc.w(
            (
                "Der erste Rettungsweg führt über den notwendigen Treppenraum ins Freie. Der zweite Rettungsweg wird "
                "über "
                "Leitern der Feuerwehr sichergestellt (anleiterbare Fenster, Brüstungshöhe ≤ 1,20 m).",
                "Jede Nutzungseinheit hat zwei voneinander unabhängige Rettungswege; die Rettungsweglänge beträgt "
                "höchstens 35 m.",
            ),
            ("Erster und zweiter Rettungsweg sind baulich getrennt.",),
        )
    )
    doc.h("4 " + doc.w(("Bauteile und Brandabschnitte", "Feuerwiderstand der Bauteile"), ("Bauliche Maßnahmen",)), 2)
    doc.ul(
        doc.some(
            (
                "Tragende Wände F90 / feuerbeständig",
                "Decken feuerhemmend (F30)",
                "Trennwände F30",
                "Brandwand alle 40 m",
                "Türen zum Treppenraum T30-RS",
                "Rauchabzug im Treppenraum 1 m²",
                "Rauchwarnmelder in Aufenthaltsräumen",
                "Feuerlöscher nach ASR A2.2",
                "Flächen für die Feuerwehr nach DIN 14090",
                "Löschwasserversorgung 48 m³/h über 2 Stunden",
            ),
            3,
            7,
        )
    )
    if doc.chance(0.4):
        doc.h("5 Abweichungen", 2)
        doc.para("Abweichungen von bauordnungsrechtlichen Anforderungen werden nicht beantragt.")
    doc.signature("fire")


def brandschutz_tabelle(doc: Doc) -> None:
    doc.code = "2705"
    doc.title = doc.w(("Brandschutzkonzept",), ("Brandschutznachweis in Tabellenform",))
    doc.h(doc.title)
    doc.para(f"{doc.p.vorhaben} – {_gk_text(doc)}")
    doc.table(
        [
            ["Bauteil", "Anforderung BauO NRW", "Ausführung"],
            *[
                [part, req, doc.rng.choice(("erfüllt", req, "Stahlbeton", "Mauerwerk", "GK-Bekleidung 2x12,5"))]
                for part, req in doc.some(
                    (
                        ("Tragende Wände", "feuerhemmend"),
                        ("Decken", "feuerbeständig"),
                        ("Treppenraumwände", "Bauart von Brandwänden"),
                        ("Dach", "harte Bedachung"),
                        ("Trennwände", "F30"),
                        ("Türen Treppenraum", "dicht- und selbstschließend"),
                        ("Außenwände", "nichtbrennbar"),
                    ),
                    3,
                    6,
                )
            ],
        ]
    )
    doc.para(
        doc.w(
            ("Rettungswege: 1. RW Treppenraum, 2. RW Feuerwehrleiter.",),
            ("Zweiter Rettungsweg über Rettungsgeräte der Feuerwehr.",),
        )
    )


def brandschutz_nachweis_kurz(doc: Doc) -> None:
    doc.code = "2701"
    doc.title = doc.w(("Brandschutznachweis", "Nachweis des Brandschutzes"), ("Brandschutz – Kurznachweis",))
    doc.h(doc.title)
    doc.para(
        f"Für das Vorhaben {doc.p.vorhaben} ({_gk_text(doc)}) werden die Anforderungen an den Brandschutz "
        f"nach BauO NRW eingehalten. Rauchwarnmelder werden installiert, der zweite Rettungsweg ist über "
        f"{doc.rng.choice(('anleiterbare Fenster', 'einen Balkon', 'eine Außentreppe'))} gesichert."
    )
    doc.signature()


def brandschutz_erlaeuterung(doc: Doc) -> None:
    doc.code = "2706"
    doc.title = doc.w(
        ("Brandschutzerläuterung", "Erläuterungsbericht Brandschutz"), ("Erläuterung vorbeugender Brandschutz",)
    )
    _letter_start(doc, "fire")
    doc.h(doc.title)
    doc.para(
        doc.w(
            (
                "Das Gebäude wird in {gk} eingestuft. Die Decken werden feuerhemmend ausgebildet. Der notwendige Flur "
                "ist als Rettungsweg ausgebildet und rauchfrei zu halten.",
                "Für die Nutzungsänderung wird ein Brandabschnitt gebildet; die Trennwand wird als Brandwand "
                "hergestellt. "
                "Das Gebäude gehört zur {gk}.",
            ),
            ("Zur {gk}: Anforderungen an Rettungswege und Feuerwiderstand sind eingehalten.",),
        ).format(gk=_gk_text(doc))
    )
    doc.signature("fire")


def brandschutz_sonderbau(doc: Doc) -> None:  # held out
    doc.code = "2705"
    doc.title = "Brandschutzkonzept Sonderbau"
    doc.h(doc.w(("Brandschutzkonzept für einen Sonderbau",), ("Brandschutzkonzept (großer Sonderbau, § 50 BauO NRW)",)))
    doc.ul(
        [
            "Sonderbau nach § 50 BauO NRW",
            f"{_gk_text(doc)}",
            "Brandmeldeanlage Kategorie 1 nach DIN 14675",
            "Sicherheitsbeleuchtung",
            "Feuerwehraufzug",
            "Entrauchung über RWA",
            "Flucht- und Rettungsplan",
            "Brandschutzordnung Teil A–C",
        ]
    )


# ------------------------------------------------------------------------------------------ Stellplätze
def _satzung(doc: Doc) -> str:
    return doc.w(
        (
            "Stellplatzsatzung der Stadt {t}",
            "Satzung über notwendige Stellplätze ({t})",
            "§ 48 BauO NRW i. V. m. der Stellplatzsatzung",
        ),
        ("örtliche Stellplatzsatzung {t}",),
    ).format(t=doc.p.town)


def stellplatz_tabelle(doc: Doc) -> None:
    p = doc.p
    doc.code = "2301"
    doc.title = doc.w(
        ("Stellplatznachweis", "Nachweis der notwendigen Stellplätze", "Stellplatzberechnung"),
        ("Stellplatzbedarf – Nachweis",),
    )
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(lage=doc.chance(0.3)))
    doc.para(f"Grundlage: {_satzung(doc)}")
    rows = [["Nutzung", "Bezugsgröße", "Schlüssel", "erforderlich"]]
    if p.wohneinheiten:
        rows.append(
            [
                "Wohnungen",
                f"{doc.val('wohneinheiten')} WE",
                doc.rng.choice(("1,0 je WE", "1,5 je WE")),
                str(p.stellplaetze),
            ]
        )
    else:
        rows.append(
            [
                doc.rng.choice(("Büro", "Gewerbe", "Gaststätte", "Lager")),
                f"{doc.rng.randint(80, 1500)} m² NF",
                doc.rng.choice(("1 je 40 m²", "1 je 30 m²", "1 je 100 m²")),
                str(p.stellplaetze),
            ]
        )
    if doc.chance(0.5):
        rows.append(["Besucher", "", "10 %", str(max(1, p.stellplaetze // 10))])
    doc.table(rows)
    doc.para(
        f"{doc.w(('Nachgewiesen:', 'Auf dem Grundstück werden hergestellt:'), ('Vorhanden/geplant:',))} "
        f"{p.stellplaetze + doc.rng.randint(0, 2)} Stellplätze, davon {doc.rng.randint(0, 2)} barrierefrei; "
        f"{p.fahrrad} Fahrradabstellplätze."
    )
    doc.signature()


def stellplatz_brief(doc: Doc) -> None:
    p = doc.p
    doc.code = "2301"
    doc.title = "Stellplatznachweis"
    _letter_start(doc)
    doc.h(doc.w(("Stellplatznachweis zum Bauantrag",), ("Nachweis Stellplätze",)), 2)
    need = f"{doc.val('wohneinheiten')} Wohneinheiten" if p.wohneinheiten else "die gewerbliche Nutzung"
    doc.para(
        f"Sehr geehrte Damen und Herren, für {need} ergibt sich nach der {_satzung(doc)} ein Bedarf von "
        f"{p.stellplaetze} Kfz-Stellplätzen. Diese werden "
        f"{doc.rng.choice(('in der Tiefgarage', 'auf dem Grundstück', 'in Garage und Carport'))} "
        f"nachgewiesen (siehe Lageplan). Zusätzlich werden {p.fahrrad} Fahrradabstellplätze hergestellt."
    )
    doc.para("Mit freundlichen Grüßen")
    doc.sig([f"{p.architect_title} {doc.val('entwurfsverfasser')}"])


def stellplatz_fahrrad(doc: Doc) -> None:
    doc.code = "2302"
    doc.title = doc.w(("Fahrrad-Stellplatznachweis", "Nachweis Fahrradabstellplätze"), ("Fahrradstellplätze",))
    doc.h(doc.title)
    doc.table(
        [
            ["Nutzung", "Schlüssel", "erforderlich", "nachgewiesen"],
            [
                "Wohnen" if doc.p.wohneinheiten else "Beschäftigte",
                "2 je WE" if doc.p.wohneinheiten else "1 je 3 Beschäftigte",
                str(doc.p.fahrrad),
                str(doc.p.fahrrad + doc.rng.randint(0, 4)),
            ],
        ]
    )
    doc.para(
        doc.w(
            ("Die Abstellplätze sind überdacht und ebenerdig erreichbar.",),
            ("Abstellanlage mit Anlehnbügeln, überdacht.",),
        )
    )


def stellplatz_abloese(doc: Doc) -> None:
    doc.code = "2301"
    doc.title = "Stellplatznachweis / Ablösung"
    doc.h(doc.w(("Stellplatznachweis mit Antrag auf Ablösung",), ("Ablösung notwendiger Stellplätze",)))
    missing = doc.rng.randint(1, 4)
    doc.para(
        f"Von {doc.p.stellplaetze + missing} notwendigen Stellplätzen können {doc.p.stellplaetze} auf dem "
        f"Grundstück hergestellt werden. Für {missing} Stellplatz/Stellplätze wird die Ablösung gegen "
        f"Geldbetrag nach der {_satzung(doc)} beantragt."
    )


def stellplatz_liste(doc: Doc) -> None:  # held out
    doc.code = "2301"
    doc.title = "Stellplätze"
    doc.h(doc.w(("Stellplatzübersicht",), ("Übersicht Stellplätze und Garagen",)))
    doc.ul(
        [
            f"Stellplatz {n}: {doc.rng.choice(('Garage', 'Carport', 'offen', 'Tiefgarage'))}, "
            f"{doc.rng.choice(('2,50 × 5,00 m', '3,50 × 5,00 m (barrierefrei)', '2,30 × 5,00 m'))}"
            for n in range(1, doc.p.stellplaetze + 1)
        ][:10]
    )
    doc.para(f"Bedarf gemäß {_satzung(doc)}: {doc.p.stellplaetze}")


# ------------------------------------------------------------------------------------------ Bauvorlageberechtigung
def bvb_kammer(doc: Doc) -> None:
    p = doc.p
    doc.code = "0401" if p.kammer_short == "AKNW" else "0402"
    doc.title = doc.w(
        ("Bescheinigung der Architektenkammer", "Nachweis der Bauvorlageberechtigung", "Mitgliedsbescheinigung"),
        ("Eintragungsbestätigung",),
    )
    doc.letterhead([p.kammer, doc.rng.choice(("Zollhof 1, 40221 Düsseldorf", "Postfach, 40002 Düsseldorf"))])
    doc.h(doc.w(("Bescheinigung", "Bestätigung der Eintragung"), ("Nachweis",)))
    register = "Architektenliste" if p.kammer_short == "AKNW" else "Liste der bauvorlageberechtigten Ingenieure"
    doc.para(
        doc.w(
            (
                "Hiermit wird bescheinigt, dass {t} {n} unter der Mitgliedsnummer {k} in die {r} der {km} "
                "eingetragen ist.",
                "{t} {n}, {a}, ist seit dem {d} in der {r} eingetragen (Mitgliedsnummer {k}).",
            ),
            ("Wir bestätigen die Eintragung von {t} {n} in die {r}; Nr. {k}.",),
        ).format(
            t=p.architect_title,
            n=doc.val("entwurfsverfasser"),
            k=doc.val("kammer_nummer"),
            r=register,
            km=p.kammer,
            a=p.office_town,
            d=f"01.0{doc.rng.randint(1, 9)}.{doc.rng.randint(1988, 2020)}",
        )
    )
    doc.para(
        doc.w(
            (
                "Sie/Er ist berechtigt, die Berufsbezeichnung zu führen, und ist nach § 67 Abs. 3 BauO NRW "
                "bauvorlageberechtigt.",
                "Die Bauvorlageberechtigung nach § 67 BauO NRW besteht.",
            ),
            ("Damit ist die Bauvorlageberechtigung gemäß § 67 BauO NRW gegeben.",),
        )
    )
    doc.small(f"Düsseldorf, {doc.date(False)}")


def bvb_eigenerklaerung(doc: Doc) -> None:
    p = doc.p
    doc.code = "0400"
    doc.title = doc.w(
        ("Nachweis der Bauvorlageberechtigung", "Erklärung zur Bauvorlageberechtigung"),
        ("Angaben zur Bauvorlageberechtigung",),
    )
    doc.h(doc.title)
    doc.small("§ 67 BauO NRW")
    doc.kv(
        [
            ("Name, Vorname", f"{p.architect.last}, {p.architect.first}"),
            ("Büro", p.office),
            ("Anschrift", f"{p.office_street}, {p.office_town}"),
            ("Kammer", p.kammer),
            ("Mitgliedsnummer", doc.val("kammer_nummer")),
        ]
    )
    arch = p.kammer_short == "AKNW"
    doc.ul(
        [
            f"[{'x' if arch else ' '}] Architektin/Architekt (§ 67 Abs. 3 Nr. 1 BauO NRW)",
            f"[{' ' if arch else 'x'}] Bauingenieurin/Bauingenieur (§ 67 Abs. 3 Nr. 2 BauO NRW)",
            "[ ] Innenarchitektin/Innenarchitekt (§ 67 Abs. 3 Nr. 3 und 4 BauO NRW)",
            "[ ] Befähigung zum bautechnischen Verwaltungsdienst der Laufbahngruppe 2 (§ 67 Abs. 3 Nr. 6 BauO NRW)",
        ]
    )
    doc.para(
        doc.w(
            (
                "Ich versichere, dass ich bauvorlageberechtigt bin und eine ausreichende "
                "Berufshaftpflichtversicherung besteht.",
            ),
            ("Die Angaben sind richtig; eine Haftpflichtversicherung besteht.",),
        )
    )
    doc.sig([doc.place_date(), doc.val("entwurfsverfasser")])


def bvb_kurz(doc: Doc) -> None:
    p = doc.p
    doc.code = "0400"
    doc.title = "Bauvorlageberechtigung"
    doc.stamp(
        [
            p.office,
            f"{p.architect_title} {doc.val('entwurfsverfasser')}",
            f"{doc.w(('Mitglied der', 'Mitgl.'))} {p.kammer_short} {doc.val('kammer_nummer')}",
            doc.w(
                ("bauvorlageberechtigt gem. § 67 BauO NRW", "Bauvorlageberechtigung nach § 67 BauO NRW"),
                ("bauvorlageberechtigt",),
            ),
        ]
    )


def bvb_ausweis(doc: Doc) -> None:  # held out
    p = doc.p
    doc.code = "0401"
    doc.title = "Mitgliedsausweis"
    doc.h(doc.w(("Mitgliedsausweis",), ("Kammerausweis",)))
    doc.kv(
        [
            ("Kammer", p.kammer),
            ("Name", doc.val("entwurfsverfasser")),
            ("Mitglieds-Nr.", doc.val("kammer_nummer")),
            ("gültig bis", f"31.12.{p.datum.year + 2}"),
        ]
    )
    doc.small("Eintrag in die Liste der Bauvorlageberechtigten (§ 67 BauO NRW)")


# ------------------------------------------------------------------------------------------ Vollmacht
def vollmacht_formular(doc: Doc) -> None:
    p = doc.p
    doc.code = "0602"
    doc.title = doc.w(("Vollmacht", "Vollmacht für das Baugenehmigungsverfahren", "VOLLMACHT"), ("Bevollmächtigung",))
    doc.h(doc.title)
    doc.para(
        doc.w(
            (
                "Hiermit bevollmächtige(n) ich/wir, {b}, {ba},",
                "Ich/Wir, {b}, wohnhaft {ba}, erteile(n) hiermit",
            ),
            ("Der/Die Unterzeichnende(n) {b} ({ba}) bevollmächtigt/bevollmächtigen",),
        ).format(b=doc.val("bauherr"), ba=f"{p.bauherr_street}, {p.bauherr_town}")
    )
    doc.para(
        f"{p.architect.salutation} {p.architect_title} {doc.val('entwurfsverfasser')}, {p.office}, "
        f"{p.office_street}, {p.office_town}"
    )
    doc.para(
        doc.w(
            (
                "mich/uns im Baugenehmigungsverfahren für das Vorhaben {v} auf dem Grundstück {l} gegenüber der "
                "Bauaufsichtsbehörde "
                "zu vertreten, Anträge zu stellen, Unterlagen nachzureichen und Bescheide entgegenzunehmen.",
                "in allen Angelegenheiten des Bauantrags {v} ({l}) zu vertreten. Die Vollmacht umfasst die "
                "Einreichung und "
                "Änderung von Bauvorlagen sowie die Entgegennahme von Schreiben der Behörde.",
            ),
            ("umfassend in dem Verfahren {v}, {l}, zu vertreten, einschließlich Zustellungen.",),
        ).format(v=p.vorhaben, l=doc.lage_line() if doc.chance(0.6) else doc.lage_line(False))
    )
    if doc.chance(0.5):
        doc.para("Die Vollmacht gilt bis auf schriftlichen Widerruf.")
    doc.sig([f"{p.bauherr_town.split(' ', 1)[1]}, {doc.date()}", doc.val("bauherr"), "Unterschrift Vollmachtgeber"])


def vollmacht_brief(doc: Doc) -> None:
    p = doc.p
    doc.code = "0602"
    doc.title = "Vollmacht"
    _letter_start(doc, "bauherr")
    doc.h(doc.w(("Vollmacht zum Bauantrag", "Betreff: Vollmacht"), ("Vertretung im Bauantragsverfahren",)), 2)
    doc.para(
        f"Sehr geehrte Damen und Herren, hiermit teile ich mit, dass {p.architect.salutation} "
        f"{doc.val('entwurfsverfasser')} ({p.office}) bevollmächtigt ist, mich in dem Verfahren "
        f"„{p.vorhaben}“ zu vertreten und Bescheide in Empfang zu nehmen."
    )
    doc.para("Mit freundlichen Grüßen")
    doc.sig([doc.val("bauherr")])


def vollmacht_kurz(doc: Doc) -> None:
    p = doc.p
    doc.code = "0602"
    doc.title = "Vollmacht"
    doc.h("Vollmacht")
    doc.para(
        f"Ich bevollmächtige {doc.val('entwurfsverfasser')}, mich im Bauantragsverfahren {p.street} "
        f"{p.house_no} zu vertreten."
    )
    doc.sig([doc.date(False), doc.val("bauherr")])


def vollmacht_zustimmung(doc: Doc) -> None:
    p = doc.p
    doc.code = "0601"
    doc.title = doc.w(
        ("Zustimmung des Grundstückseigentümers", "Einverständniserklärung Eigentümer"), ("Eigentümerzustimmung",)
    )
    doc.h(doc.title)
    doc.para(
        f"Ich, {p.owner.name}, Eigentümer/in des Grundstücks {doc.lage_line()}, stimme dem Bauvorhaben "
        f"„{p.vorhaben}“ der Bauherrschaft {doc.val('bauherr')} zu und bevollmächtige diese, den Bauantrag "
        f"in meinem Namen zu stellen."
    )
    doc.sig([doc.date(False), p.owner.name, "Grundstückseigentümer/in"])


def vollmacht_gmbh(doc: Doc) -> None:  # held out
    p = doc.p
    doc.code = "0602"
    doc.title = "Vertretungsvollmacht"
    doc.h(doc.w(("Vertretungsvollmacht",), ("Vollmacht (Vertreterbestellung)",)))
    doc.para(
        f"Die {doc.val('bauherr')}, vertreten durch den Geschäftsführer {p.owner.name}, erteilt "
        f"{doc.val('entwurfsverfasser')} Vollmacht zur Vertretung gegenüber der Bauaufsicht der Stadt {p.town} "
        f"in Sachen {p.vorhaben}. Untervollmacht darf erteilt werden."
    )
    doc.sig([doc.place_date(), p.owner.name, "Geschäftsführer"])


# ------------------------------------------------------------------------------------------ sonstige
def sonst_wohnflaeche(doc: Doc) -> None:
    doc.code = "2204"
    doc.title = doc.w(("Wohnflächenberechnung", "Berechnung der Wohnfläche nach WoFlV"), ("Wohnflächenermittlung",))
    doc.h(doc.title)
    rows = [["Raum", "Maße", "Fläche m²"]]
    total = 0.0
    for room in doc.some(vocab.ROOMS[:18], 5, 12):
        a, b = doc.rng.uniform(1.2, 6.5), doc.rng.uniform(1.2, 5.5)
        factor = 0.5 if room in ("Terrasse", "Balkon", "Loggia") else 1.0
        total += a * b * factor
        rows.append(
            [room, f"{de_number(a)} × {de_number(b)}" + (" × 0,5" if factor < 1 else ""), de_number(a * b * factor)]
        )
    doc.table([*rows, ["Summe Wohnfläche", "", de_number(total)]])


def sonst_bri(doc: Doc) -> None:
    p = doc.p
    doc.code = "2201"
    doc.title = doc.w(
        (
            "Berechnung des Brutto-Rauminhalts nach DIN 277",
            "Berechnung des umbauten Raumes",
            "BRI-Berechnung (DIN 277)",
        ),
        ("Rauminhalt nach DIN 277",),
    )
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(lage=False))
    rows = [["Geschoss", "Grundfläche", "Höhe", "BRI"]]
    for floor in doc.some(("KG", "EG", "OG", "DG", "Spitzboden"), 2, 4):
        rows.append(
            [
                floor,
                doc.m2(doc.rng.uniform(60, 300)),
                f"{de_number(doc.rng.uniform(2.5, 3.4))} m",
                f"{de_number(doc.rng.uniform(150, 900))} m³",
            ]
        )
    doc.table([*rows, ["Summe", "", "", f"{doc.val('brutto_rauminhalt_m3')} m³"]])
    if doc.chance(0.5):
        doc.para(f"Rohbaukosten: {de_number(p.bri_m3 * doc.rng.uniform(300, 450), 2)} € (Rohbauwert je m³ lt. Tabelle)")


def sonst_abstandsflaechen(doc: Doc) -> None:
    doc.code = "2102"
    doc.title = doc.w(
        ("Berechnung der Abstandflächen", "Abstandsflächenberechnung nach § 6 BauO NRW"),
        ("Nachweis der Abstandsflächen",),
    )
    doc.h(doc.title)
    rows = [["Wand", "Wandhöhe H", "0,4 H", "mind. 3,00 m", "maßgebend"]]
    for side in ("Nord", "Ost", "Süd", "West"):
        h = doc.rng.uniform(3, 10)
        rows.append([side, de_number(h), de_number(0.4 * h), "3,00", de_number(max(3.0, 0.4 * h))])
    doc.table(rows)
    doc.para(doc.w(("Die Abstandsflächen liegen auf dem eigenen Grundstück.",), ("Überdeckungen treten nicht auf.",)))


def sonst_anschreiben(doc: Doc) -> None:
    p = doc.p
    doc.code = "1001"
    doc.title = "Anschreiben"
    _letter_start(doc)
    doc.h(
        doc.w(("Bauantrag {v}", "Einreichung Bauantrag – {v}"), ("Antrag auf Baugenehmigung: {v}",)).format(
            v=p.vorhaben
        ),
        2,
    )
    doc.para(
        doc.w(
            (
                "Sehr geehrte Damen und Herren, anbei erhalten Sie den Bauantrag mit folgenden Anlagen:",
                "Sehr geehrte Damen und Herren, namens und im Auftrag der Bauherrschaft reichen wir ein:",
            ),
            ("Guten Tag, beigefügt übersenden wir die Unterlagen:",),
        )
    )
    doc.ul(
        doc.some(
            (
                "Lageplan",
                "Bauzeichnungen (Grundrisse, Schnitte, Ansichten)",
                "Baubeschreibung",
                "Berechnung des Maßes der baulichen Nutzung",
                "Stellplatznachweis",
                "Nachweis der Bauvorlageberechtigung",
                "Auszug aus der Flurkarte",
                "Vollmacht",
                "Fotos",
                "Statistikbogen",
                "Brandschutzkonzept",
                "Standsicherheitsnachweis",
            ),
            3,
            8,
        )
    )
    doc.para("Für Rückfragen stehen wir gern zur Verfügung. Mit freundlichen Grüßen")
    doc.sig([f"{p.architect_title} {doc.val('entwurfsverfasser')}"])


def sonst_statistik(doc: Doc) -> None:
    doc.code = "2501"
    doc.title = doc.w(
        ("Erhebungsbogen für die Baustatistik", "Statistik der Baugenehmigungen – Erhebungsbogen"),
        ("Bautätigkeitsstatistik",),
    )
    doc.h(doc.title)
    doc.small("IT.NRW – Statistisches Landesamt · Hochbaustatistikgesetz (HBauStatG)")
    doc.kv(
        [
            (
                "Art der Bautätigkeit",
                doc.rng.choice(("Errichtung eines neuen Gebäudes", "Baumaßnahme an bestehendem Gebäude")),
            ),
            ("Gebäudeart", doc.rng.choice(("Wohngebäude", "Nichtwohngebäude"))),
            ("Zahl der Wohnungen", str(doc.p.wohneinheiten)),
            ("Rauminhalt", f"{de_number(doc.p.bri_m3, 0)} m³"),
            ("Veranschlagte Kosten", f"{doc.rng.randint(150, 4000)} Tsd. EUR"),
            ("Überwiegend verwendeter Baustoff", doc.rng.choice(("Ziegel", "Kalksandstein", "Holz", "Stahlbeton"))),
            ("Heizenergie", doc.rng.choice(vocab.HEATING)),
        ]
    )


def sonst_waermeschutz(doc: Doc) -> None:
    doc.code = "2805"
    doc.title = doc.w(("Nachweis Wärmeschutz nach GEG", "Energieausweis / GEG-Nachweis"), ("Wärmeschutznachweis",))
    doc.h(doc.title)
    doc.table(
        [
            ["Bauteil", "U-Wert [W/m²K]", "Referenz"],
            *[
                [b, de_number(doc.rng.uniform(0.1, 1.3)), de_number(doc.rng.uniform(0.2, 1.3))]
                for b in ("Außenwand", "Dach", "Bodenplatte", "Fenster")
            ],
        ]
    )
    doc.para(
        f"Jahres-Primärenergiebedarf Q_p = {de_number(doc.rng.uniform(20, 90))} kWh/(m²a); "
        f"H_T' = {de_number(doc.rng.uniform(0.2, 0.5))} W/(m²K). Anforderungen des GEG erfüllt."
    )


def sonst_abweichung(doc: Doc) -> None:
    doc.code = "0800"
    doc.title = doc.w(
        ("Antrag auf Abweichung", "Antrag auf Befreiung nach § 31 Abs. 2 BauGB"), ("Begründung Abweichung / Befreiung",)
    )
    _letter_start(doc)
    doc.h(doc.title, 2)
    doc.para(
        doc.w(
            (
                "Für das Vorhaben wird eine Abweichung von § 6 BauO NRW (Abstandsflächen) beantragt. Die "
                "Unterschreitung "
                "an der Ostseite beträgt {x} m. Nachbarliche Belange werden nicht beeinträchtigt.",
                "Wir beantragen eine Befreiung von der festgesetzten Baugrenze um {x} m für die Terrassenüberdachung. "
                "Die Grundzüge der Planung werden nicht berührt.",
            ),
            ("Die Abweichung ist mit den öffentlichen Belangen vereinbar; Überschreitung {x} m.",),
        ).format(x=de_number(doc.rng.uniform(0.2, 1.5)))
    )


def sonst_nachbar(doc: Doc) -> None:
    doc.code = "0903"
    doc.title = doc.w(("Nachbarzustimmung", "Zustimmungserklärung des Nachbarn"), ("Erklärung der Angrenzer",))
    doc.h(doc.title)
    doc.para(
        f"Ich, {doc.p.owner.name}, Eigentümer/in des Nachbargrundstücks, habe die Bauvorlagen zum Vorhaben "
        f"„{doc.p.vorhaben}“ eingesehen und stimme dem Vorhaben zu."
    )
    doc.sig([doc.date(False), doc.p.owner.name])


def sonst_baumschutz(doc: Doc) -> None:
    doc.code = "2902"
    doc.title = doc.w(("Angaben zum Baumschutz", "Baumbestandsplan mit Baumliste"), ("Baumschutz – Bestandsaufnahme",))
    doc.h(doc.title)
    doc.table(
        [
            ["Nr.", "Baumart", "Stammumfang", "Erhalt"],
            *[
                [
                    str(n),
                    doc.rng.choice(("Stieleiche", "Rotbuche", "Bergahorn", "Birke", "Walnuss", "Linde")),
                    f"{doc.rng.randint(60, 260)} cm",
                    doc.rng.choice(("ja", "nein, Fällung", "ja, Schutz")),
                ]
                for n in range(1, doc.rng.randint(3, 9))
            ],
        ]
    )
    doc.para("Baumschutzsatzung der Stadt: Ersatzpflanzungen werden vorgesehen.")


def sonst_entwaesserung(doc: Doc) -> None:
    doc.code = "3900"
    doc.title = doc.w(("Entwässerungsantrag", "Antrag auf Grundstücksentwässerung"), ("Entwässerungsgesuch",))
    doc.h(doc.title)
    doc.kv(
        [
            ("Grundstück", doc.lage_line(False)),
            ("Schmutzwasser", "Anschluss an öffentl. Kanal DN 250"),
            ("Niederschlagswasser", doc.rng.choice(("Versickerung über Mulde", "Einleitung in Mischwasserkanal"))),
            ("Befestigte Fläche", doc.m2(doc.rng.uniform(80, 800))),
        ]
    )


def sonst_schallschutz(doc: Doc) -> None:  # held out
    doc.code = "2804"
    doc.title = "Nachweis Schallschutz"
    doc.h(doc.w(("Schallschutznachweis nach DIN 4109",), ("Nachweis des Schallschutzes",)))
    doc.table(
        [
            ["Bauteil", "erf. R'w", "vorh. R'w"],
            *[
                [b, f"{doc.rng.randint(47, 57)} dB", f"{doc.rng.randint(50, 62)} dB"]
                for b in ("Wohnungstrennwand", "Wohnungstrenndecke", "Treppenhauswand")
            ],
        ]
    )


def sonst_rohbaukosten(doc: Doc) -> None:  # held out
    doc.code = "2601"
    doc.title = "Berechnung der Rohbaukosten"
    doc.h(doc.w(("Berechnung der Rohbaukosten",), ("Ermittlung der Rohbausumme",)))
    doc.table(
        [
            ["Gebäudeart", "BRI m³", "Rohbauwert €/m³", "Rohbaukosten €"],
            [
                doc.rng.choice(("Wohngebäude", "Bürogebäude", "Halle")),
                de_number(doc.p.bri_m3),
                de_number(doc.rng.uniform(300, 480)),
                de_number(doc.p.bri_m3 * doc.rng.uniform(300, 480)),
            ],
        ]
    )
    doc.para("Grundlage: Tabelle der Rohbauwerte (Anlage zur AVerwGebO NRW).")


def sonst_grundbuch(doc: Doc) -> None:  # held out
    doc.code = "3103"
    doc.title = "Grundbuchauszug"
    doc.h(
        doc.w(("Amtsgericht – Grundbuch von {g}",), ("Grundbuchauszug – Grundbuch von {g}",)).format(g=doc.p.gemarkung)
    )
    doc.kv(
        [
            ("Blatt", str(doc.rng.randint(100, 9999))),
            ("Bestandsverzeichnis", f"lfd. Nr. 1, {doc.lage_line()}"),
            ("Abteilung I", doc.p.owner.name),
            ("Abteilung II", "Grunddienstbarkeit (Wegerecht)"),
            ("Abteilung III", f"Grundschuld {de_number(doc.rng.uniform(50000, 400000), 2)} EUR"),
        ]
    )
