"""The entries of the rule catalogue: per rule id what it checks (German prose) and its worked examples.

The prose says what a rule is for; what it answers is never written here: the catalogue runs the examples
through the engine (``bauantrag.rules.catalogue``). Completeness entries are built from ``BAUVORLAGEN``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bauantrag.rules.catalogue_examples import (
    BAULINIE,
    BAUO,
    BUERO,
    EFH,
    EFH_BPLAN,
    EFH_COMPLETE,
    EFH_EINFACH,
    EFH_FREISTELLUNG,
    FIRST_10M,
    GARAGE,
    GK4_BPLAN,
    LADEN,
    NO_FAIL_CLASSIFICATION,
    PLANUNG,
    PRUEFVO,
    WERKSTATT,
    Entry,
    Example,
    bplan,
    doc,
    ex,
    house,
    rect,
    site,
    wa,
    without,
)
from bauantrag.rules.model import Status, Vorhaben
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN
from bauantrag.rules.nrw.baupruefvo.completeness import RULE_PREFIX
from bauantrag.rules.planning.plan import BuildableArea
from bauantrag.rules.planning.project import BuildingHeight

GK_FIELDS = ("detached", "units", "height_m", "gross_floor_area_m2", "largest_unit_floor_area_m2", "underground")
_NRW = (
    Entry(
        "bauo_nrw.2.3.gebaeudeklasse", BAUO, "Gebäudeklasse", "§ 2 Abs. 3 BauO NRW",
        "jedes Gebäude",
        "Die Gebäudeklasse (1 bis 5) wird aus Höhe, Zahl und Fläche der Nutzungseinheiten und der Lage "
        "(freistehend, unterirdisch) bestimmt.",
        (("pass", "Gebäudeklasse bestimmt"), ("needs_review", "eine für die Einstufung nötige Angabe fehlt")), (
            ex("pass", "Einfamilienhaus mit allen Angaben", EFH, *GK_FIELDS),
            ex("needs_review", "Einfamilienhaus ohne Höhenangabe", replace(EFH, height_m=None), *GK_FIELDS),
        ), NO_FAIL_CLASSIFICATION,
    ),
    Entry(
        "bauo_nrw.50.2.grosser_sonderbau", BAUO, "Großer Sonderbau", "§ 50 Abs. 2 Nr. 1 bis 18 BauO NRW",
        "jedes Vorhaben; geprüft werden die Nummern, über die die Antragsangaben entscheiden",
        "Es wird festgestellt, ob das Vorhaben ein großer Sonderbau ist (z. B. Verkaufsstätten über 2.000 m² "
        "Verkaufsfläche, Gebäude über 22 m Höhe); davon hängen Verfahrensart und Bauvorlagen ab.",
        (("pass", "festgestellt, ob großer Sonderbau oder nicht"),
         ("needs_review", "eine entscheidende Angabe fehlt oder eine Nummer ist aus dem Antrag nicht prüfbar")),
        (
            ex("pass", "Einfamilienhaus", EFH, "use", "height_m", "gross_floor_area_m2"),
            ex("needs_review", "Laden ohne Angabe der Verkaufsfläche", LADEN, "use", "sales_area_m2"),
        ), NO_FAIL_CLASSIFICATION,
    ),
    Entry(
        "bauo_nrw.62-65.verfahrensart", BAUO, "Verfahrensart", "§§ 62 bis 65 BauO NRW (§ 62 Abs. 1, § 63 Abs. 1 "
        "und 2, § 64 Abs. 1 und 2, § 65)",
        "jedes Vorhaben",
        "Bestimmt, ob das Vorhaben verfahrensfrei ist, unter die Genehmigungsfreistellung fällt oder im "
        "vereinfachten oder im Baugenehmigungsverfahren zu prüfen ist. Eine Genehmigungsfreistellung gibt es nicht, "
        "wenn dieselbe Vorprüfung einen Verstoß gegen den Bebauungsplan findet (§ 63 Abs. 2 Satz 1 Nr. 2) oder eine "
        "Abweichung bei den Abstandsflächen nötig wäre (Nr. 4).",
        (("pass", "Verfahrensart eindeutig bestimmt"),
         ("needs_review", "Angaben fehlen, oder die Einstufung hängt von einer Entscheidung der Gemeinde "
          "(Freistellung) oder von nicht abgefragten Umständen ab (verfahrensfrei), oder für den Antrag gilt eine "
          "Fassung der BauO NRW, deren Wortlaut nicht vorliegt (ab 01.09.2026)")),
        (
            ex("pass", "Einfamilienhaus im Innenbereich (§ 34 BauGB)", EFH, "planning_area", "use"),
            ex("needs_review", "Einfamilienhaus ohne Angabe der planungsrechtlichen Lage",
                replace(EFH, planning_area=None), "planning_area", "use"),
            ex("needs_review", "Wohngebäude der Gebäudeklasse 4 im qualifizierten Bebauungsplan (Antrag 2025)",
                GK4_BPLAN, "use", "height_m", "planning_area", "submitted_on"),
            ex("pass", "dasselbe Wohngebäude, Antrag vom 15.06.2023",
                replace(GK4_BPLAN, submitted_on=dt.date(2023, 6, 15)), "use", "height_m", "planning_area",
                "submitted_on"),
            ex("needs_review", "Einfamilienhaus im Innenbereich, Antrag vom 01.10.2026",
                replace(EFH, submitted_on=dt.date(2026, 10, 1)), "planning_area", "submitted_on"),
        ), NO_FAIL_CLASSIFICATION,
    ),
    Entry(
        "bauo_nrw.procedure_wish", BAUO, "Beantragte Verfahrensart", "§§ 62 bis 65 BauO NRW, § 63 Abs. 2 Satz 2",
        "Anträge, die eine Verfahrensart nennen",
        "Vergleicht die beantragte mit der ermittelten Verfahrensart.",
        (("pass", "gleich, oder vereinfachtes Verfahren statt Genehmigungsfreistellung beantragt"),
         ("needs_review", "jede andere Abweichung")),
        (
            ex("pass", "vereinfachtes Verfahren beantragt und ermittelt",
                replace(EFH, procedure_requested="vereinfachtes_verfahren"), "procedure_requested"),
            ex("needs_review", "Genehmigungsfreistellung beantragt, vereinfachtes Verfahren ermittelt",
                replace(EFH, procedure_requested="genehmigungsfreistellung"), "procedure_requested", "planning_area"),
        ), "Eine Abweichung ist kein Verstoß des Antrags, daher nie „nicht erfüllt“ (fail), sondern „zu prüfen“.",
    ),
)

#: per Bauvorlage: (applies to, Vorhaben with it present, what the pass example is, the code to take away)
_BV: dict[str, tuple[str, Vorhaben, str, str]] = {
    "flurkarte": ("vereinfachtes und Baugenehmigungsverfahren bei Vorhaben nach §§ 34, 35 BauGB",
                  EFH_COMPLETE, "Einfamilienhaus (§ 34 BauGB)", "1802"),
    "lageplan": ("alle genehmigungsbedürftigen und freigestellten Vorhaben", EFH_COMPLETE, "Einfamilienhaus", "1803"),
    "berechnung_mass": ("Vorhaben im Geltungsbereich eines Bebauungsplans", EFH_EINFACH,
                        "Einfamilienhaus im einfachen Bebauungsplan", "1901"),
    "bauzeichnungen": ("alle genehmigungsbedürftigen und freigestellten Vorhaben", EFH_COMPLETE, "Einfamilienhaus",
                       "2000"),
    "baubeschreibung": ("vereinfachtes und Baugenehmigungsverfahren", EFH_COMPLETE, "Einfamilienhaus", "1500"),
    "betriebsbeschreibung": ("gewerbliche und landwirtschaftliche Betriebe (vereinfachtes und "
                             "Baugenehmigungsverfahren)", WERKSTATT, "Kfz-Werkstatthalle", "1601"),
    "kostenermittlung": ("vereinfachtes und Baugenehmigungsverfahren", EFH_COMPLETE, "Einfamilienhaus", "2201"),
    "brandschutzkonzept": ("Baugenehmigungsverfahren (große Sonderbauten)", BUERO, "Bürogebäude (großer Sonderbau)",
                           "2705"),
    "barrierefrei_konzept": ("neu errichtete große Sonderbauten im Baugenehmigungsverfahren", BUERO,
                             "Bürogebäude (großer Sonderbau)", "2401"),
    "erklaerung_brandschutz": ("Genehmigungsfreistellung bei Gebäudeklasse 1 und 2", EFH_FREISTELLUNG,
                               "Einfamilienhaus im qualifizierten Bebauungsplan", "2712"),
    "bescheinigung_brandschutz": ("ab 01.01.2024 vereinfachtes und Baugenehmigungsverfahren, Gebäude außer GK 1–2, "
                                  "Wohngebäuden der GK 3, Kleingaragen und Sonderbauten (vor der Baugenehmigung)",
                                  replace(WERKSTATT, documents=(*WERKSTATT.documents, doc("2702"))),
                                  "Kfz-Werkstatthalle (Gebäudeklasse 3)", "2702"),
    "bauvorlageberechtigung": ("nicht verfahrensfreie Errichtung und Änderung von Gebäuden (außer § 67 Abs. 2 BauO "
                               "NRW)", replace(EFH_COMPLETE, height_m=8.0, largest_unit_floor_area_m2=80.0),
                               "Einfamilienhaus mit 8 m Höhe (Gebäudeklasse 4)", "0401"),
}
#: the provision that demands each Bauvorlage (the engine names the one for the procedure at hand)
_REQUIRED_BY = {
    "flurkarte": "§ 10 Abs. 1 Satz 1 Nr. 1",
    "lageplan": "§ 10 Abs. 1 Satz 1 Nr. 2, § 13 Abs. 1 Satz 1 Nr. 1",
    "berechnung_mass": "§ 10 Abs. 1, § 13 Abs. 1",
    "bauzeichnungen": "§ 10 Abs. 1 Satz 1 Nr. 3, § 13 Abs. 1 Satz 1 Nr. 2",
    "baubeschreibung": "§ 10 Abs. 1 Satz 1 Nr. 4",
    "betriebsbeschreibung": "§ 10 Abs. 1 Satz 1 Nr. 4",
    "kostenermittlung": "§ 10 Abs. 1 Satz 2",
    "brandschutzkonzept": "§ 11 Satz 1",
    "barrierefrei_konzept": "§ 11 Satz 2",
    "erklaerung_brandschutz": "§ 13 Abs. 1 Satz 3",
    "bescheinigung_brandschutz": "",
}
_SOFT = {
    "barrierefrei_konzept": (
        "Ob das Gebäude öffentlich zugänglich ist, fragt der Antrag nicht ab; fehlt das Konzept, lautet die "
        "Antwort daher nie „nicht erfüllt“ (fail), sondern „zu prüfen“."
    ),
    "bescheinigung_brandschutz": (
        "Die Bescheinigung ist vor Erteilung der Baugenehmigung einzureichen, nicht schon mit dem Antrag; fehlt "
        "sie, lautet die Antwort daher nie „nicht erfüllt“ (fail), sondern „zu prüfen“."
    ),
}


def _bauvorlage(slug: str) -> Entry:
    applies, v, what, code = _BV[slug]
    bv = BAUVORLAGEN[slug]
    soft = slug in _SOFT
    return Entry(
        RULE_PREFIX + slug, PRUEFVO, bv.name, _basis(slug, bv.paragraph), applies,
        f"Die Bauvorlage „{bv.name}“ muss beiliegen; anerkannt werden die XBau-Dokumentarten "
        + ", ".join(f"{c} ({n})" for c, n in bv.accepted.items()) + ".",
        (("pass", "vorhanden"), *(() if soft else (("fail", "fehlt, obwohl sie erforderlich ist"),)),
         ("needs_review", "nur teilweise oder unter einer Oberkategorie vorhanden, oder nur unter Bedingungen "
          "erforderlich, die der Antrag nicht zeigt")),
        (
            ex("pass", f"{what}, Bauvorlage beigefügt", v, "project_kind", "planning_area", show_documents=True),
            ex("needs_review" if soft else "fail", f"{what}, Bauvorlage fehlt", without(v, code),
                "project_kind", "planning_area", show_documents=True),
        ), _SOFT.get(slug, ""),
    )


def _basis(slug: str, paragraph: str) -> str:
    if slug == "bauvorlageberechtigung":
        return (
            "§ 67 Abs. 1, 2 und 4a BauO NRW (bei Genehmigungsfreistellung i.V.m. § 63 Abs. 8 Satz 1 in der Fassung bis "
            "2023, § 63 Abs. 7 Satz 1 ab 2024)"
        )
    if slug == "bescheinigung_brandschutz":
        return "§ 68 Abs. 2 Satz 1, Abs. 4 BauO NRW (Fassung ab 01.01.2024)"
    if slug == "erklaerung_brandschutz":
        return "§ 13 Abs. 1 Satz 3 BauPrüfVO NRW; ab 01.01.2024 auch § 68 Abs. 4 Satz 2 BauO NRW"
    return f"{_REQUIRED_BY[slug]} i.V.m. {paragraph.replace(' BauPrüfVO NRW', '')} BauPrüfVO NRW"


_COMPLETENESS = (
    *(_bauvorlage(slug) for slug in BAUVORLAGEN),
    Entry(
        RULE_PREFIX + "verfahrensart_offen", PRUEFVO, "Bauvorlagen bei offener Verfahrensart",
        "§ 10 Abs. 1, § 11, § 13 Abs. 1 BauPrüfVO NRW", "Vorhaben, deren Verfahrensart nicht bestimmt werden konnte",
        "Welche Bauvorlagen nötig sind, hängt von der Verfahrensart ab; ist sie offen, wird die Vollständigkeit "
        "später geprüft.",
        (("needs_review", "immer: die Verfahrensart ist noch offen"),),
        (ex("needs_review", "Einfamilienhaus ohne Angabe der planungsrechtlichen Lage",
             replace(EFH_COMPLETE, planning_area=None), "planning_area", show_documents=True),),
        "Diese Meldung gibt es nur als „zu prüfen“, nie als „erfüllt“ oder „nicht erfüllt“; sobald die "
        "Verfahrensart feststeht, treten an ihre Stelle die Meldungen zu den einzelnen Bauvorlagen. Es gibt daher "
        "kein Beispiel für „erfüllt“.",
    ),
    Entry(
        RULE_PREFIX + "verfahrensfrei", PRUEFVO, "Keine Bauvorlagen bei verfahrensfreien Vorhaben",
        "§ 62 Abs. 1 BauO NRW; § 10 Abs. 1, § 11, § 13 Abs. 1 BauPrüfVO NRW", "verfahrensfreie Vorhaben",
        "Für verfahrensfreie Vorhaben sind keine Bauvorlagen einzureichen.",
        (("pass", "immer"),),
        (ex("pass", "freistehende Garage mit 24 m²", GARAGE, "use", "gross_floor_area_m2", "wall_height_mean_m"),),
        "Diese Meldung ist immer „erfüllt“; ist das Vorhaben nicht verfahrensfrei, treten an ihre Stelle die "
        "Meldungen zu den einzelnen Bauvorlagen. Es gibt daher kein Beispiel für „nicht erfüllt“.",
    ),
)


def _p(expect: Status, title: str, v: Vorhaben = EFH_BPLAN, **kw: object) -> Example:
    kw.setdefault("site", site())
    kw.setdefault("plan", bplan())
    return Example(expect, title, v, ("use", "storeys_full", "floor_area_m2"), **kw)  # type: ignore[arg-type]


_FIRST, _FIRST_HIGH = (BuildingHeight("firsthoehe", 9.5),), (BuildingHeight("firsthoehe", 10.5),)
_PLANNING = (
    Entry(
        "bplan.lage", PLANUNG, "Lage im Bebauungsplan", "§ 30 Abs. 1 BauGB",
        "Anträge mit Lageplan-Geometrie",
        "Die Hauptgebäude werden in den Bebauungsplan gelegt: Sie müssen in genau einem Baugebiet innerhalb "
        "des Geltungsbereichs eines in Kraft getretenen Plans liegen; nur dann laufen die BauNVO-Regeln.",
        (("pass", "in genau einem Baugebiet eines in Kraft getretenen Plans"),
         ("needs_review", "kein Plan, kein Lageplan, mehrere oder kein Baugebiet, außerhalb des Geltungsbereichs, "
          "Plan nicht in Kraft")),
        (_p("pass", "Einfamilienhaus im allgemeinen Wohngebiet"),
         _p("needs_review", "Einfamilienhaus mit Lageplan, aber ohne Bebauungsplan", plan=None)),
        "Die Lage selbst ist kein Verstoß; Unklarheiten ergeben „zu prüfen“, nie „nicht erfüllt“ (fail).",
    ),
    Entry(
        "baunvo.art_der_nutzung", PLANUNG, "Art der baulichen Nutzung", "§§ 2 bis 11 BauNVO (je Baugebiet Abs. 2 "
        "und 3)", "Vorhaben in einem Baugebiet des Plans",
        "Die Nutzung muss im Baugebiet allgemein zulässig sein.",
        (("pass", "allgemein zulässig"), ("fail", "weder allgemein noch ausnahmsweise zulässig"),
         ("needs_review", "nur ausnahmsweise oder unter Bedingungen zulässig, ältere BauNVO, Baugebiet ohne "
          "geprüften Wortlaut")),
        (_p("pass", "Wohngebäude im allgemeinen Wohngebiet (WA)"),
         _p("fail", "Gaststätte im reinen Wohngebiet (WR)", replace(EFH_BPLAN, use="gaststaette"),
            plan=bplan(replace(wa(grz=0.4), id="WR1", special_use="1100")))),
    ),
    Entry(
        "baunvo.19.grz", PLANUNG, "Grundflächenzahl (GRZ)", "§ 19 Abs. 1, 2 und 4 BauNVO",
        "Vorhaben in einem Baugebiet mit festgesetzter GRZ oder Grundfläche",
        "Die überbaute Grundfläche geteilt durch die Grundstücksfläche im Bauland darf die GRZ nicht "
        "überschreiten (Garagen, Stellplätze, Nebenanlagen bis 50 % mehr, höchstens 0,8).",
        (("pass", "eingehalten"), ("fail", "überschritten"),
         ("needs_review", "Flächen nach § 19 Abs. 4 nicht angegeben oder Überschreitung nur nach Ermessen")),
        (_p("pass", "Haus 10 m × 8 m auf 840 m², GRZ 0,2", plan=bplan(wa(grz=0.2))),
         _p("fail", "Haus 16 m × 12 m auf 840 m², GRZ 0,2", site=site(house(7, 8, 16, 12)), plan=bplan(wa(grz=0.2)))),
    ),
    Entry(
        "baunvo.20.gfz", PLANUNG, "Geschossflächenzahl (GFZ)", "§ 20 Abs. 2 und 3 BauNVO",
        "Vorhaben in einem Baugebiet mit festgesetzter GFZ oder Geschossfläche",
        "Die Geschossfläche geteilt durch die Grundstücksfläche im Bauland darf die GFZ nicht überschreiten.",
        (("pass", "eingehalten oder nichts festgesetzt"), ("fail", "überschritten"),
         ("needs_review", "Geschossfläche nicht angegeben")),
        (_p("pass", "160 m² Geschossfläche auf 840 m², GFZ 0,4", plan=bplan(wa(grz=0.4, gfz=0.4))),
         _p("fail", "400 m² Geschossfläche auf 840 m², GFZ 0,4", replace(EFH_BPLAN, floor_area_m2=400.0),
            plan=bplan(wa(grz=0.4, gfz=0.4)))),
    ),
    Entry(
        "bauo_nrw.2.6.vollgeschosse", PLANUNG, "Zahl der Vollgeschosse", "§ 16 Abs. 2 Nr. 3, § 20 Abs. 1 BauNVO "
        "i.V.m. § 2 Abs. 6 BauO NRW", "Vorhaben in einem Baugebiet mit festgesetzter Zahl der Vollgeschosse",
        "Die Zahl der Vollgeschosse jedes Hauptgebäudes muss die Festsetzung (höchstens, mindestens, zwingend) "
        "einhalten; maßgeblich ist der Vollgeschossbegriff in der Fassung zum Datum des Plans.",
        (("pass", "eingehalten oder nichts festgesetzt"), ("fail", "nicht eingehalten"),
         ("needs_review", "Geschosszahl fehlt, Datum des Plans fehlt oder Plan außerhalb NRW")),
        (_p("pass", "zwei Vollgeschosse bei höchstens II", plan=bplan(wa(grz=0.4, z_max=2))),
         _p("fail", "drei Vollgeschosse bei höchstens II", replace(EFH_BPLAN, storeys_full=3),
            plan=bplan(wa(grz=0.4, z_max=2)))),
    ),
    Entry(
        "bplan.hoehe", PLANUNG, "Höhe baulicher Anlagen", "§ 16 Abs. 2 Nr. 4 und Abs. 4 BauNVO",
        "Vorhaben in einem Baugebiet mit festgesetzten Höhen",
        "Jede festgesetzte Höhe (Trauf-, Firsthöhe, Oberkante, …) wird mit der angegebenen Höhe desselben "
        "Bezugspunkts verglichen.",
        (("pass", "eingehalten oder nichts festgesetzt"), ("fail", "überschritten oder zwingende Höhe verfehlt"),
         ("needs_review", "Höhe nicht angegeben oder Bezugshöhe (z. B. NHN, Straßenmitte) nicht bekannt")),
        (_p("pass", "Firsthöhe 9,5 m bei höchstens 10 m", site=site(house(heights=_FIRST)),
            plan=bplan(wa(grz=0.4, heights=FIRST_10M))),
         _p("fail", "Firsthöhe 10,5 m bei höchstens 10 m", site=site(house(heights=_FIRST_HIGH)),
            plan=bplan(wa(grz=0.4, heights=FIRST_10M)))),
    ),
    Entry(
        "baunvo.23.baugrenze", PLANUNG, "Baugrenze", "§ 23 Abs. 3 und 5 BauNVO",
        "Vorhaben in einem Bebauungsplan",
        "Die Hauptgebäude müssen innerhalb der überbaubaren Grundstücksfläche (Baugrenzen) liegen; nur "
        "untergeordnete Gebäudeteile dürfen in geringfügigem Ausmaß vortreten (Lagetoleranz 5 cm für gerundete "
        "Koordinaten).",
        (("pass", "innerhalb"), ("fail", "das Gebäude selbst (mehr als ein Drittel seiner Breite) überschreitet die "
          "Baugrenze"),
         ("needs_review", "ein Gebäudeteil (höchstens ein Drittel der Gebäudebreite) tritt vor, Garagen/Nebengebäude "
          "außerhalb, keine überbaubare Fläche im Plan")),
        (_p("pass", "Haus innerhalb der Baugrenzen"),
         _p("fail", "Haus 2 m über die Baugrenze",
            plan=bplan(buildable=(BuildableArea("UB1", rect(5, 5, 13, 18)),)))),
        "„Geringfügig“ (§ 23 Abs. 3 Satz 2) ist keine Zahl: nur untergeordnete Gebäudeteile können vortreten (OVG "
        "NRW, Beschl. v. 24.05.1996 – 11 B 970/96); als Maß dient das der Vorbauten in § 6 Abs. 6 Satz 1 Nr. 2 BauO "
        "NRW (höchstens ein Drittel der Wandbreite, 1,60 m tief). Über ein Gebäudeteil entscheidet immer die "
        "Bauaufsicht.",
    ),
    Entry(
        "baunvo.23.baulinie", PLANUNG, "Baulinie", "§ 23 Abs. 2 BauNVO",
        "Grundstücke, die eine Baulinie quert",
        "Auf einer Baulinie muss gebaut werden; vortreten dürfen nur untergeordnete Gebäudeteile in geringfügigem "
        "Ausmaß (Lagetoleranz 5 cm für gerundete Koordinaten).",
        (("pass", "eine Außenwand steht auf der Baulinie"),
         ("fail", "das Gebäude selbst tritt über die Baulinie"),
         ("needs_review", "die Hauptgebäude stehen nicht (vollständig) auf ihr, oder ein Gebäudeteil tritt vor")),
        (_p("pass", "Haus mit der Außenwand auf der Baulinie", plan=bplan(lines=BAULINIE)),
         _p("fail", "Haus 2 m über die Baulinie hinaus", site=site(house(10, 8)),
            plan=bplan(buildable=(BuildableArea("UB1", rect(5, 10, 20, 18)),), lines=BAULINIE)),
         _p("needs_review", "Haus 2 m hinter der Baulinie", site=site(house(10, 12)), plan=bplan(lines=BAULINIE))),
        "Ein Zurücktreten hinter die Baulinie kann für Gebäudeteile zugelassen werden (§ 23 Abs. 2 Satz 2); ob das "
        "ganze Gebäude hinter ihr bleiben darf, hängt vom Plan ab – die Regel antwortet dann „zu prüfen“.",
    ),
    Entry(
        "baunvo.22.hausform", PLANUNG, "Hausform (Einzel-, Doppelhäuser, Hausgruppen)", "§ 22 Abs. 2 BauNVO",
        "Flächen, für die der Plan nur bestimmte Hausformen zulässt (XPlanGML bebauungsArt)",
        "Ein frei stehendes Hauptgebäude ist ein Einzelhaus; ein Gebäude mit einer Außenwand auf der "
        "Grundstücksgrenze ist angebaut (Doppelhaus, Hausgruppe oder Grenzbau). Hausformen der offenen Bauweise "
        "sind höchstens 50 m lang.",
        (("pass", "frei stehendes Einzelhaus, wo Einzelhäuser zulässig sind"),
         ("fail", "frei stehendes Haus mit einer Wohnung, wo nur Doppelhäuser oder Hausgruppen zulässig sind, oder "
          "länger als 50 m"),
         ("needs_review", "angebaut an die Grundstücksgrenze, oder frei stehend mit mehreren Wohnungen")),
        (_p("pass", "Einfamilienhaus frei stehend, zulässig nur Einzelhäuser", plan=bplan(wa(grz=0.4,
            bebauungsart="1000"))),
         _p("fail", "Einfamilienhaus frei stehend, zulässig nur Doppelhäuser", plan=bplan(wa(grz=0.4,
            bebauungsart="2000")))),
        "Ob ein angebautes Gebäude Hälfte eines Doppelhauses oder Teil einer Hausgruppe ist, hängt vom "
        "Nachbargebäude ab, das der Lageplan eines Grundstücks nicht zeigt; die Regel antwortet dann „zu prüfen“.",
    ),
    Entry(
        "bauo_nrw.6.abstandsflaechen", BAUO, "Abstandsflächen", "§ 6 Abs. 1 bis 5 BauO NRW",
        "Anträge mit Lageplan-Geometrie, mit oder ohne Bebauungsplan",
        "Vor jeder Außenwand liegt eine Abstandsfläche (0,4 H, mindestens 3 m; Sonderfälle nach Abs. 5); sie "
        "muss auf dem Grundstück oder bis zur Mitte öffentlicher Flächen liegen und darf sich nicht überdecken.",
        (("pass", "alle Abstandsflächen eingehalten"), ("fail", "eine Abstandsfläche liegt nicht auf dem Grundstück "
          "oder überdeckt sich"),
         ("needs_review", "Wand auf der Grenze, Garage/privilegierte Gebäude, Baulast, Wandhöhe fehlt, Baugebiet "
          "unbekannt")),
        (_p("pass", "Haus mit 10 m Abstand zu allen Grenzen"),
         _p("fail", "Haus 1 m vor der Grundstücksgrenze", site=site(house(1, 10)))),
    ),
)

ENTRIES: tuple[Entry, ...] = (*_NRW, *_COMPLETENESS, *_PLANNING)
