"""Templates for the kinds the pre-check demands beyond the first 13 classes (Antrag, Baulast, Barrierefreiheit,
Entwässerung, Kostenermittlung, Wärme-/Schallschutz, Hochbaustatistik, Brandschutz-Erklärung) and for documents
that are *not* a Bauvorlage (information pages, blank forms, law texts, Satzungen, letters, e-mails, invoices).

A page *about* a kind of Bauvorlage is not that Bauvorlage: the negatives below talk about the same topics with
the same words, but explain, ask or regulate instead of describing one Vorhaben with its values.
"""

from __future__ import annotations

from bauantrag.assist.corpus import vocab
from bauantrag.assist.corpus.builder import Doc
from bauantrag.assist.corpus.project import de_number

# --- Antragsformular (1101) -----------------------------------------------------------------------------------


def antrag_formular(doc: Doc) -> None:
    p = doc.p
    doc.code = "1101"
    doc.title = doc.w(("Antrag auf Baugenehmigung", "Bauantrag"), ("Antrag auf Erteilung einer Baugenehmigung",))
    doc.small(f"An die untere Bauaufsichtsbehörde {p.town} · Eingangsstempel")
    doc.h(doc.title)
    doc.kv(
        [
            ("Bauherrschaft", f"{doc.val('bauherr')}, {p.bauherr_street}, {p.bauherr_town}"),
            ("Entwurfsverfasser/in", f"{p.architect_title} {doc.val('entwurfsverfasser')}, {p.office}"),
            ("Baugrundstück", f"{doc.lage_line(False)}; {doc.lage_line()}"),
            ("Bezeichnung des Vorhabens", p.vorhaben),
            ("Gebäudeklasse", doc.val("gebaeudeklasse")),
            ("Zahl der Vollgeschosse", doc.val("vollgeschosse")),
            ("Zahl der Wohnungen", doc.val("wohneinheiten")),
        ]
    )
    procedure = doc.rng.choice(
        ("vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)", "Baugenehmigungsverfahren (§ 65 BauO NRW)")
    )
    doc.ul([f"[x] {procedure}", "[x] Errichtung", "[ ] Nutzungsänderung", "[ ] Abbruch"])
    doc.para(
        doc.w(
            ("Beigefügte Bauvorlagen: Lageplan, Bauzeichnungen, Baubeschreibung, Berechnungen.",),
            ("Anlagen gemäß beigefügtem Verzeichnis der Bauvorlagen.",),
        )
    )
    doc.sig([doc.place_date(), doc.val("bauherr"), f"{p.architect_title} {p.architect.name}"])


def antrag_schreiben(doc: Doc) -> None:
    p = doc.p
    doc.code = "1102"
    doc.title = "Antragsschreiben"
    doc.address([doc.val("bauherr"), p.bauherr_street, p.bauherr_town])
    doc.para(
        f"Betreff: {doc.w(('Bauantrag', 'Antrag auf Baugenehmigung'), ('Antrag zum Bauvorhaben',))} – {p.vorhaben}"
    )
    doc.para(
        f"Sehr geehrte Damen und Herren, hiermit {doc.w(('beantrage ich', 'beantragen wir'), ('beantragen wir',))} "
        f"die Baugenehmigung für das Vorhaben „{p.vorhaben}“ auf dem Grundstück {doc.lage_line()} "
        f"({doc.lage_line(False)}). Die Bauvorlagen hat {doc.val('entwurfsverfasser')} aufgestellt."
    )
    doc.sig([doc.date(), "Mit freundlichen Grüßen", p.bauherr])


# --- Kostenermittlung (2201, 2601, 2602) -------------------------------------------------------------------


def kosten_din276(doc: Doc) -> None:
    doc.code = "2602"
    doc.title = doc.w(("Kostenberechnung nach DIN 276", "Ermittlung der Herstellungskosten"), ("Kostenaufstellung",))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(lage=False))
    bgf = doc.p.geschossflaeche_m2 * doc.rng.uniform(1.1, 1.4)
    kg = {
        "300 Bauwerk – Baukonstruktionen": bgf * doc.rng.uniform(1200, 1900),
        "400 Bauwerk – Technische Anlagen": bgf * doc.rng.uniform(350, 700),
        "500 Außenanlagen": bgf * doc.rng.uniform(40, 160),
        "700 Baunebenkosten": bgf * doc.rng.uniform(250, 450),
    }
    rows = [["Kostengruppe", "Betrag (EUR)"], *[[k, de_number(v, 0)] for k, v in kg.items()]]
    rows.append(["Summe", de_number(sum(kg.values()), 0)])
    doc.table(rows)
    doc.para(f"Brutto-Grundfläche {doc.m2(bgf)}; Brutto-Rauminhalt {doc.val('brutto_rauminhalt_m3')} m³.")
    doc.signature()


# --- Wärme- und Schallschutz (2804, 2805, 2904) ------------------------------------------------------------


def schall_ta_laerm(doc: Doc) -> None:
    doc.code = "2904"
    doc.title = doc.w(("Schalltechnische Untersuchung", "Schallimmissionsprognose"), ("Geräuschimmissionsprognose",))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(lage=False))
    rows = [["Immissionsort", "Gebiet", "Beurteilungspegel tags/nachts", "Richtwert"]]
    for i in range(1, doc.rng.randint(3, 5)):
        area, day, night = doc.rng.choice((("WA", 55, 40), ("MI", 60, 45), ("GE", 65, 50)))
        lr = day - doc.rng.randint(3, 12)
        rows.append([f"IO {i}", area, f"{lr} / {max(20, lr - 14)} dB(A)", f"{day} / {night} dB(A)"])
    doc.table(rows)
    doc.para(
        "Die Immissionsrichtwerte der TA Lärm werden an allen maßgeblichen Immissionsorten eingehalten; "
        "kurzzeitige Geräuschspitzen überschreiten die Richtwerte nicht um mehr als 30 dB(A) tags."
    )
    doc.sig([doc.place_date(), doc.rng.choice(("Ingenieurbüro für Akustik", "Büro für Schallschutz und Bauphysik"))])


# --- Entwässerung (3900) -----------------------------------------------------------------------------------


_RAIN = ("Versickerung über Mulde", "Einleitung in den Regenwasserkanal", "Zisterne mit Überlauf")


def entwaesserung_berechnung(doc: Doc) -> None:
    doc.code = "3900"
    doc.title = doc.w(("Entwässerungsgesuch", "Antrag auf Grundstücksentwässerung"), ("Entwässerungsantrag",))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv())
    roof = doc.p.grundflaeche_m2 * doc.rng.uniform(1.0, 1.3)
    du = doc.rng.choice((6.5, 8.0, 9.3, 12.4))
    doc.ul(
        [
            f"Schmutzwasser: Summe der Anschlusswerte ΣDU = {de_number(du, 1)} l/s, "
            f"Qww = {de_number(0.5 * du**0.5)} l/s, Grundleitung DN {doc.rng.choice((125, 150))}",
            f"Niederschlagswasser: Dachfläche {doc.m2(roof)}, {doc.rng.choice(_RAIN)}",
            f"Rückstauebene: Straßenoberkante {de_number(doc.rng.uniform(40, 140))} m NHN",
        ]
    )
    doc.signature()


# --- Baulast (3100, 3101, 3104) ----------------------------------------------------------------------------


def baulast_erklaerung(doc: Doc) -> None:
    p = doc.p
    doc.code = "3101"
    doc.title = doc.w(
        ("Baulasterklärung", "Verpflichtungserklärung (Baulast)"), ("Erklärung zur Übernahme einer Baulast",)
    )
    doc.h(doc.title)
    kind = doc.rng.choice(
        (
            (
                "Abstandsflächenbaulast",
                "die Abstandsfläche des Nachbargebäudes auf einer Tiefe von {d} m zu übernehmen",
            ),
            ("Zufahrtsbaulast", "die Zufahrt über einen {d} m breiten Streifen dauernd zu dulden"),
            ("Stellplatzbaulast", "{n} Stellplätze für das Nachbargrundstück dauerhaft bereitzuhalten"),
        )
    )
    doc.para(
        f"Ich, {p.owner.name}, Eigentümer/in des Grundstücks {doc.lage_line()}, übernehme gegenüber der "
        f"Bauaufsichtsbehörde {p.town} nach § 85 BauO NRW die öffentlich-rechtliche Verpflichtung, "
        + kind[1].format(d=de_number(doc.rng.uniform(1.5, 4.0)), n=doc.rng.randint(1, 4))
        + f" ({kind[0]}). Die Fläche ist im beigefügten Lageplan dargestellt."
    )
    doc.sig([doc.date(), p.owner.name, "Unterschrift beglaubigt"])


def baulast_auszug(doc: Doc) -> None:
    doc.code = "3100"
    doc.title = "Auszug aus dem Baulastenverzeichnis"
    doc.h(doc.title)
    doc.kv([("Baulastenblatt Nr.", str(doc.rng.randint(100, 9999))), ("Grundstück", doc.lage_line())])
    doc.para(
        f"Lfd. Nr. 1: Die jeweiligen Eigentümer sind verpflichtet, "
        f"{doc.rng.choice(('eine Fläche freizuhalten', 'die Zuwegung zu dulden', 'Stellplätze bereitzuhalten'))}. "
        f"Eingetragen am {doc.date(False)}."
    )


# --- Barrierefreiheit (2401) -------------------------------------------------------------------------------


def barrierefrei_konzept(doc: Doc) -> None:
    doc.code = "2401"
    doc.title = doc.w(("Konzept zur Barrierefreiheit", "Barrierefrei-Konzept"), ("Nachweis der Barrierefreiheit",))
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv(lage=False))
    doc.ul(
        [
            f"Zugang stufenlos, Rampe {doc.rng.choice((4, 5, 6))} % Neigung, Zwischenpodest 1,50 m",
            f"Türen lichte Breite {doc.rng.choice(('0,90', '1,00'))} m, Schwellen höchstens 2 cm",
            "Bewegungsflächen 1,50 m x 1,50 m vor Aufzug und in Sanitärräumen (DIN 18040-1)",
            f"{doc.rng.randint(1, 3)} barrierefreie WC mit Notruf",
            "kontrastreiche Markierung von Glasflächen und Stufenkanten",
        ]
    )
    doc.signature()


# --- Hochbaustatistik (2501), second layout ----------------------------------------------------------------


def statistik_tabelle(doc: Doc) -> None:
    doc.code = "2501"
    doc.title = "Statistik der Baugenehmigungen"
    doc.h(doc.title)
    doc.table(
        [
            ["Merkmal", "Angabe"],
            ["Bauherr", doc.rng.choice(("Privater Haushalt", "Wohnungsunternehmen", "Unternehmen"))],
            ["Haustyp", doc.rng.choice(("Einzelhaus", "Doppelhaushälfte", "gereihtes Haus"))],
            ["Rauminhalt (m³)", de_number(doc.p.bri_m3, 0)],
            ["Wohnungen", str(doc.p.wohneinheiten)],
            ["Vollgeschosse", str(doc.p.vollgeschosse)],
            ["Heizenergie primär", doc.rng.choice(vocab.HEATING)],
            ["Veranschlagte Kosten (Tsd. EUR)", str(doc.rng.randint(180, 3500))],
        ]
    )


# --- Erklärung zum Brandschutz (2712, § 13 Abs. 1 Satz 3 BauPrüfVO) ---------------------------------------


def brandschutz_erklaerung(doc: Doc) -> None:
    doc.code = "2712"
    doc.title = doc.w(
        ("Erklärung zum Brandschutz", "Erklärung der Entwurfsverfasserin / des Entwurfsverfassers"),
        ("Brandschutzerklärung",),
    )
    doc.h(doc.title)
    doc.kv(doc.vorhaben_kv())
    doc.para(
        f"Hiermit erkläre ich, dass das Vorhaben den Anforderungen an den Brandschutz entspricht "
        f"(§ 13 Abs. 1 Satz 3 BauPrüfVO NRW). Gebäudeklasse {doc.val('gebaeudeklasse')}."
    )
    doc.signature()
