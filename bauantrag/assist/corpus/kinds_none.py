"""Documents that are not a Bauvorlage (class ``keine_bauvorlage``): what applicants upload by mistake.

Information pages and guides *about* a kind of Bauvorlage, blank forms (labels, boxes and lines without values),
law and Satzung texts, letters of the authority, e-mails, invoices, offers, court decisions. They share the topic
vocabulary of the Bauvorlagen on purpose, so that the classifier learns that "a page about X" is not "X".
"""

from __future__ import annotations

from bauantrag.assist.corpus.builder import Doc
from bauantrag.assist.corpus.project import de_number

# topic -> (name, sentences a guide or authority page writes about it, labels of its blank form)
TOPICS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "baubeschreibung": (
        "Baubeschreibung",
        (
            "Die Baubeschreibung ist Bestandteil der Bauvorlagen und erläutert das Vorhaben, soweit es sich nicht "
            "aus den Bauzeichnungen und dem Lageplan ergibt.",
            "Darin werden Konstruktion, Baustoffe, Heizung sowie Brutto-Rauminhalt und Nutzung beschrieben.",
        ),
        ("Gründung", "Außenwände", "Dachform", "Brutto-Rauminhalt", "Zahl der Vollgeschosse", "Heizung"),
    ),
    "vollmacht": (
        "Vollmacht",
        (
            "Die Bauherrschaft kann sich im Baugenehmigungsverfahren durch eine bevollmächtigte Person vertreten "
            "lassen; die Vollmacht ist schriftlich vorzulegen.",
            "Aus der Vollmacht muss hervorgehen, ob sie auch den Empfang von Bescheiden umfasst.",
        ),
        ("Vollmachtgeber (Name, Anschrift)", "Bevollmächtigte Person", "Umfang der Vollmacht", "Grundstück"),
    ),
    "statik": (
        "Standsicherheitsnachweis",
        (
            "Bauliche Anlagen müssen standsicher sein; der Nachweis wird von Tragwerksplanerinnen und "
            "Tragwerksplanern erstellt und berücksichtigt Eigengewicht, Schnee- und Windlasten.",
            "Ob der Nachweis bauaufsichtlich geprüft werden muss, richtet sich nach dem Kriterienkatalog.",
        ),
        ("Tragwerksplaner/in", "Kammer-Nr.", "Prüfpflicht nach Kriterienkatalog ja/nein", "Lastannahmen"),
    ),
    "brandschutz": (
        "Brandschutz",
        (
            "Der vorbeugende Brandschutz umfasst bauliche, anlagentechnische und organisatorische Maßnahmen, "
            "etwa Rettungswege, Brandwände und Feuerwehrzufahrten.",
            "Für große Sonderbauten ist ein Brandschutzkonzept erforderlich; bei Gebäuden der Gebäudeklassen 1 und "
            "2 genügt in der Regel eine Erklärung der Entwurfsverfasserin oder des Entwurfsverfassers.",
        ),
        ("Gebäudeklasse", "erster Rettungsweg", "zweiter Rettungsweg", "Brandwände", "Aufsteller/in"),
    ),
    "betrieb": (
        "Betriebsbeschreibung",
        (
            "Für gewerbliche Vorhaben ist neben der Baubeschreibung eine Betriebsbeschreibung einzureichen, die "
            "Betriebszeiten, Beschäftigte, Maschinen und Emissionen angibt.",
            "Die Angaben dienen der Prüfung durch die Arbeitsschutz- und Immissionsschutzbehörden.",
        ),
        ("Art des Betriebes", "Zahl der Beschäftigten", "Betriebszeiten von/bis", "Maschinen", "Emissionen"),
    ),
    "baulast": (
        "Baulast",
        (
            "Eine Baulast ist eine freiwillig gegenüber der Bauaufsichtsbehörde übernommene öffentlich-rechtliche "
            "Verpflichtung eines Grundstückseigentümers zu einem Tun, Dulden oder Unterlassen.",
            "Baulasten werden in das Baulastenverzeichnis eingetragen, nicht in das Grundbuch.",
        ),
        ("Belastetes Grundstück", "Begünstigtes Grundstück", "Inhalt der Baulast", "Unterschrift beglaubigt"),
    ),
    "entwaesserung": (
        "Grundstücksentwässerung",
        (
            "Für den Anschluss an die öffentliche Kanalisation ist ein Entwässerungsantrag mit Entwässerungsplan "
            "einzureichen.",
            "Schmutz- und Niederschlagswasser sind getrennt abzuleiten; die Rückstauebene ist zu beachten.",
        ),
        ("Grundstückseigentümer", "Schmutzwasser", "Niederschlagswasser", "Rückstauebene", "Anlagen"),
    ),
    "kosten": (
        "Baukosten",
        (
            "Die DIN 276 gliedert die Kosten im Bauwesen in Kostengruppen von 100 Grundstück bis 800 Finanzierung.",
            "Für die Gebühr der Baugenehmigung werden die Rohbaukosten aus dem Brutto-Rauminhalt ermittelt.",
        ),
        ("Kostengruppe", "Betrag", "Brutto-Rauminhalt", "Rohbauwert je m³"),
    ),
    "energie": (
        "Wärmeschutz und Schallschutz",
        (
            "Das Gebäudeenergiegesetz begrenzt den Jahres-Primärenergiebedarf und den Transmissionswärmeverlust.",
            "Der Schallschutz im Hochbau richtet sich nach DIN 4109; für Gewerbelärm gilt die TA Lärm.",
        ),
        ("U-Wert Außenwand", "Primärenergiebedarf", "Schalldämm-Maß", "Lärmpegelbereich"),
    ),
    "antrag": (
        "Bauantrag",
        (
            "Der Bauantrag ist schriftlich bei der unteren Bauaufsichtsbehörde einzureichen; beizufügen sind alle "
            "Bauvorlagen, die für die Beurteilung erforderlich sind.",
            "Bauherrschaft und Entwurfsverfasser unterschreiben den Antrag und die Bauvorlagen.",
        ),
        ("Bauherrschaft", "Entwurfsverfasser/in", "Baugrundstück", "Art des Vorhabens", "Verfahren"),
    ),
    "statistik": (
        "Hochbaustatistik",
        (
            "Nach dem Hochbaustatistikgesetz werden Baugenehmigungen und Baufertigstellungen statistisch erhoben.",
            "Den Erhebungsbogen füllt die Bauherrschaft aus; er wird an das Statistische Landesamt weitergeleitet.",
        ),
        ("Art der Bauherrschaft", "Gebäudeart", "Rauminhalt", "Wohnfläche", "Heizenergie"),
    ),
}


def _topic(doc: Doc) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return TOPICS[doc.rng.choice(sorted(TOPICS))]


def info_seite(doc: Doc) -> None:
    name, sentences, _ = _topic(doc)
    doc.code = ""
    doc.title = doc.w((f"{name} – was ist zu beachten?", f"Lexikon: {name}"), (f"Häufige Fragen zu: {name}",))
    doc.small(doc.w(("Startseite › Bürgerservice › Bauen", "Ratgeber Hausbau"), ("Service A–Z › Bauen und Wohnen",)))
    doc.h(doc.title)
    for sentence in sentences:
        doc.para(sentence)
    doc.para(
        doc.w(
            ("Weitere Informationen erhalten Sie bei Ihrer Bauaufsichtsbehörde.", "Zurück zur Übersicht"),
            ("Öffnungszeiten: Mo–Fr 8:30–12:00 Uhr. Formulare finden Sie im Downloadbereich.",),
        )
    )


def leeres_formular(doc: Doc) -> None:
    name, _, labels = _topic(doc)
    doc.code = ""
    doc.title = doc.w((f"{name} (Vordruck)", f"Formular {name}"), (f"Anlage {name}",))
    doc.h(doc.title)
    doc.small(doc.w(("Zutreffendes bitte ankreuzen oder ausfüllen",), ("(bitte in Blockschrift ausfüllen)",)))
    lines = [f"{label}: ______________________" for label in labels]
    lines.insert(1, "Gemarkung ________ Flur ____ Flurstück ______")
    doc.ul(lines, numbered=doc.chance(0.5))
    doc.ul(["☐ ja   ☐ nein", "☐ Neubau  ☐ Änderung  ☐ Nutzungsänderung"])
    doc.para("Ort, Datum ______________     Unterschrift ______________")


def gesetzestext(doc: Doc) -> None:
    _, sentences, _ = _topic(doc)
    doc.code = ""
    n = doc.rng.randint(3, 90)
    law = doc.rng.choice(("BauO NRW", "BauPrüfVO", "BauGB", "GEG", "LBO", "BayBO", "HBauStatG"))
    doc.title = f"§ {n} {law}"
    doc.h(doc.title)
    doc.para(f"(1) {sentences[0]}")
    doc.para(f"(2) {sentences[1]} Das Nähere regelt die oberste Bauaufsichtsbehörde durch Rechtsverordnung.")
    doc.para(f"(3) Absatz 1 gilt nicht für Vorhaben nach § {n + 1} Absatz 2 Nummer {doc.rng.randint(1, 9)}.")


def satzung(doc: Doc) -> None:
    doc.code = ""
    kind = doc.rng.choice(("Stellplatzsatzung", "Gestaltungssatzung", "Baumschutzsatzung", "Abwassersatzung"))
    doc.title = f"{kind} der Stadt {doc.p.town}"
    doc.h(doc.title)
    doc.para(
        f"Aufgrund des § 7 der Gemeindeordnung für das Land Nordrhein-Westfalen und des § 89 BauO NRW hat der Rat "
        f"der Stadt {doc.p.town} in seiner Sitzung am {doc.date(True)} folgende Satzung beschlossen:"
    )
    doc.para("§ 1 Geltungsbereich – Diese Satzung gilt für das gesamte Stadtgebiet.")
    doc.para("§ 2 Begriffe – Im Sinne dieser Satzung sind … § 3 Anforderungen … § 4 Ordnungswidrigkeiten …")
    doc.para("§ 5 Inkrafttreten – Diese Satzung tritt am Tage nach ihrer Bekanntmachung in Kraft.")


def behoerdenbrief(doc: Doc) -> None:
    p = doc.p
    doc.code = ""
    doc.title = "Schreiben der Bauaufsicht"
    doc.letterhead([f"Stadt {p.town}", "Der Bürgermeister – Bauordnungsamt", f"Aktenzeichen {p.aktenzeichen}"])
    doc.address([p.bauherr, p.bauherr_street, p.bauherr_town])
    body = doc.rng.choice(
        (
            "Ihr Bauantrag ist bei uns eingegangen. Wir prüfen die Vollständigkeit und melden uns.",
            "Ihr Antrag ist unvollständig. Bitte reichen Sie die fehlenden Unterlagen innerhalb eines Monats nach.",
            "Für die Bearbeitung Ihres Antrags setzen wir eine Gebühr fest; der Gebührenbescheid liegt bei.",
            "Wir beabsichtigen, Ihren Antrag abzulehnen, und geben Ihnen Gelegenheit zur Stellungnahme.",
        )
    )
    doc.para(f"Ihr Vorhaben: {p.vorhaben}, {doc.lage_line(False)}")
    doc.para(f"Sehr geehrte Damen und Herren, {body}")
    doc.sig([doc.date(), "Mit freundlichen Grüßen", "Im Auftrag"])


def email(doc: Doc) -> None:
    p = doc.p
    doc.code = ""
    doc.title = "E-Mail"
    doc.kv(
        [
            ("Von", f"{p.architect.last.lower()}@example.org"),
            ("An", "bauaufsicht@stadt.example"),
            ("Betreff", doc.rng.choice(("Rückfrage zum Bauantrag", "Termin", "AW: Nachforderung", "Stand?"))),
        ]
    )
    doc.para(
        doc.rng.choice(
            (
                "Hallo, können Sie mir sagen, wie weit die Prüfung ist? Der Rohbauer möchte anfangen. Gruß",
                "Guten Tag, anbei wie besprochen die Unterlagen, die restlichen schicke ich morgen. Viele Grüße",
                "Sehr geehrte Frau Meier, wir bitten um einen Termin zur Bauberatung nächste Woche. MfG",
            )
        )
    )


def rechnung(doc: Doc) -> None:
    p = doc.p
    doc.code = ""
    doc.title = doc.rng.choice(("Rechnung", "Angebot", "Auftragsbestätigung"))
    doc.letterhead([doc.rng.choice((p.office, "Bauunternehmung GmbH", "Dachdeckerei", "Elektro Service KG"))])
    doc.h(f"{doc.title} Nr. {doc.rng.randint(1000, 9999)}")
    rows = [["Pos.", "Leistung", "Betrag"]]
    for i in range(1, doc.rng.randint(3, 6)):
        rows.append(
            [
                str(i),
                doc.rng.choice(("Planungsleistung LPH 4", "Mauerarbeiten", "Dachlattung", "Anfahrt")),
                f"{de_number(doc.rng.uniform(80, 9000))} €",
            ]
        )
    doc.table(rows)
    doc.para("Zahlbar innerhalb von 14 Tagen ohne Abzug. Zzgl. 19 % USt.")


def urteil(doc: Doc) -> None:
    doc.code = ""
    court = doc.rng.choice(("Verwaltungsgericht Münster", "Oberverwaltungsgericht NRW", "VG Düsseldorf"))
    doc.title = f"{court}, Urteil"
    doc.h(doc.title)
    doc.para("Tenor: Die Klage wird abgewiesen. Die Klägerin trägt die Kosten des Verfahrens.")
    doc.para(
        "Tatbestand: Die Beteiligten streiten um die Erteilung einer Baugenehmigung für "
        f"{doc.p.vorhaben.lower()}. Die Beklagte lehnte den Antrag ab, weil sich das Vorhaben nicht einfüge."
    )
