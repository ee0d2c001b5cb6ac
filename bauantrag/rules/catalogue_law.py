"""For the rule catalogue: which Fassungen each rule implements and why it answers „zu prüfen“ where the law itself
leaves a doubt (unconfirmed wording, a Fassung without text, a judgement the statute leaves open).

Keyed by rule id; completeness rules share the entry of their prefix. The reasons name the mismatch of the legal
review (``/work/shared/law/REVIEW-2026-12.md``, M1 …) they answer.
"""

from __future__ import annotations

BAUO = (
    "BauO NRW in der vom 22.09.2021 bis 31.12.2023 geltenden Fassung (Anträge bis 31.12.2023) und in der ab "
    "01.01.2024 geltenden Fassung (Anträge ab 01.01.2024); maßgeblich ist der Tag der Antragstellung (§ 90 Abs. 4 "
    "Satz 1 BauO NRW), auf Antrag der Bauherrschaft das geltende Recht (Satz 2). Für Anträge ab 01.09.2026 gilt eine "
    "neue Fassung, deren Wortlaut nicht vorliegt: angewandt wird der Wortlaut ab 01.01.2024."
)
PROCEDURE_2026 = (
    "Anträge ab 01.09.2026: die BauO NRW in der ab 01.09.2026 geltenden Fassung ist nicht veröffentlicht zugänglich "
    "(nur § 60 Abs. 1 und § 74 Abs. 1 Satz 1 zitiert, beide unverändert); angekündigt sind weitere verfahrensfreie "
    "Vorhaben und eine Genehmigungsfiktion. Jede Antwort nach §§ 62 bis 72 ist deshalb „zu prüfen“."
)
BAUPRUEFVO = (
    "BauPrüfVO NRW in der vom 09.07.2021 bis 25.11.2024 geltenden Fassung; für Anträge ab 26.11.2024 gilt die "
    "Fassung der VO vom 12.11.2024, deren Wortlaut nicht vorliegt (nach Titel und Art. 1 betrifft sie Altersgrenzen "
    "sachverständiger Personen). §§ 67, 68 BauO NRW nach der Fassung zur Zeit der Antragstellung."
)
BAUNVO = (
    "BauNVO in der ab 07.07.2023 geltenden Fassung (§§ 2 bis 7, 12, 13 seit 23.06.2021 unverändert). Für einen Plan "
    "gilt die Fassung bei öffentlicher Auslegung seines Entwurfs (§§ 25 bis 25g BauNVO): aus versionBauNVO, sonst "
    "aus dem Datum des Inkrafttretens (spätestens gültige Fassung). Ältere Fassungen sind nicht hinterlegt."
)

VERSIONS: dict[str, str] = {
    "bauo_nrw.2.3.gebaeudeklasse": BAUO,
    "bauo_nrw.50.2.grosser_sonderbau": BAUO,
    "bauo_nrw.62-65.verfahrensart": BAUO,
    "bauo_nrw.procedure_wish": BAUO,
    "bauo_nrw.6.abstandsflaechen": BAUO,
    "baupruefvo.completeness.": BAUPRUEFVO,
    "bplan.lage": "BauGB i.d.F. der Bek. vom 03.11.2017, zuletzt geändert durch Art. 8 Abs. 2 G v. 23.07.2026.",
    "bauo_nrw.2.6.vollgeschosse": BAUNVO + " Vollgeschossbegriff der BauO zum Datum des Plans: BauO NW 1962/1970 "
    "(bis 1984), BauO NW 1984/1995 und BauO NRW 2000 (1985–2018), § 2 Abs. 6 BauO NRW 2018 (ab 2019).",
}

DOUBTS: dict[str, str] = {
    "bauo_nrw.2.3.gebaeudeklasse": (
        "M23: In der Abschrift der Fassung ab 01.01.2024 fehlt in § 2 Abs. 3 Satz 1 Nr. 1 Buchst. b das Wort "
        "„freistehende“ (2021: „freistehende land- oder forstwirtschaftlich genutzte Gebäude“). Ob das eine "
        "Übertragungslücke oder eine Änderung ist, ist nicht bestätigt (eine Quelle). Wo es entscheidet – ein nicht "
        "freistehendes land- oder forstwirtschaftliches Gebäude, das sonst nicht Gebäudeklasse 1 wäre –, lautet die "
        "Antwort „zu prüfen“ mit beiden Klassen."
    ),
    "bauo_nrw.62-65.verfahrensart": (
        "M1: § 63 Abs. 1 Satz 1 Nr. 1 in der Fassung ab 01.01.2024 stellt „Wohngebäude der Gebäudeklassen 1 bis 4“ "
        "frei (bis 2023: 1 bis 3). Der Wortlaut liegt nur in einer konsolidierten Abschrift vor; die Freistellung "
        "ist ohnehin stets „zu prüfen“ (die Gemeinde kann das vereinfachte Verfahren verlangen, § 63 Abs. 2 Satz 1 "
        "Nr. 5), der Hinweis für die Bauaufsicht nennt die fehlende zweite Quelle. Verfahrensfrei ist stets „zu "
        "prüfen“, weil Ställe, Toiletten, Feuerstätten und das Gesamtvorhaben nicht abgefragt werden; bei Garagen "
        "zählen vorhandene Garagen mit („bis zu insgesamt 30 m²“, M15). Ein Sonderbau nach § 64 Abs. 2 (erneuerbare "
        "Energien, M16) bleibt im vereinfachten Verfahren, ob er unter die Richtlinie (EU) 2018/2001 fällt, prüft die "
        "Bauaufsicht. " + PROCEDURE_2026
    ),
    "bauo_nrw.procedure_wish": PROCEDURE_2026,
    "bauo_nrw.6.abstandsflaechen": (
        "§ 90 Abs. 4 BauO NRW betrifft die Verfahrensvorschriften; ob für Anträge vor 2024 bei § 6 das Recht zur Zeit "
        "der Entscheidung gilt (ab 2024: Abs. 8 insgesamt 18 m statt 15 m, Wärmepumpen), prüft die Bauaufsicht. "
        "Nicht ausgewertet: Abs. 6, 7, 9 bis 13."
    ),
    "baupruefvo.completeness.": (
        "M19: Für Gebäudeklassen 1 und 2 sind seit 01.01.2024 auch eingetragene Meisterinnen und Meister "
        "bauvorlageberechtigt (§ 67 Abs. 4a); die XBau-Codeliste hat dafür keine eigene Art, daher ist ein fehlender "
        "Nachweis dort „zu prüfen“. M12: Der Brandschutznachweis nach § 68 Abs. 2 Satz 1, Abs. 4 (ab 2024) ist vor "
        "der Baugenehmigung einzureichen, nicht mit dem Antrag – fehlt er, lautet die Antwort „zu prüfen“. "
        "Ob die BauPrüfVO ab 26.11.2024 die Bauvorlagen geändert hat, ist nicht bestätigt."
    ),
    "baunvo.art_der_nutzung": (
        "M14: WS, WB, MD, MDW, MU und MK sind nach dem Wortlaut entscheidbar; im Sondergebiet (§§ 10, 11) legt der "
        "Plan die Nutzung fest – „zu prüfen“. M7: Gilt für den Plan eine ältere BauNVO (oder ist das unklar), bleiben "
        "nur Antworten stehen, die in allen Fassungen seit 1962 gleich lauten (Wohngebäude im WR, WA, MI; "
        "Gewerbebetriebe im GE, GI; Wohngebäude im GE, GI unzulässig – nach allgemeiner Kenntnis, nicht am Wortlaut "
        "geprüft); alle anderen werden „zu prüfen“. Großflächiger Einzelhandel: 800 m² Verkaufsfläche nach der "
        "Rechtsprechung, 1 200 m² Geschossfläche als Regelvermutung des § 11 Abs. 3 Satz 3."
    ),
    "bauo_nrw.2.6.vollgeschosse": (
        "M6: Für Pläne vor 2019 gilt der Vollgeschossbegriff der damaligen BauO, deren Wortlaut nicht hinterlegt ist; "
        "der Antrag zählt nach § 2 Abs. 6 BauO NRW 2018. Annahme: die Begriffe unterscheiden sich höchstens in der "
        "Anrechnung eines Geschosses – „nicht erfüllt“ erst ab zwei Geschossen, sonst „zu prüfen“."
    ),
    "bplan.hoehe": (
        "M8: § 18 Abs. 2 BauNVO lässt geringfügige Abweichungen von einer zwingenden Höhe zu, ohne Zahl; die Software "
        "legt Abweichungen bis 0,50 m der Bauaufsicht vor („zu prüfen“) und wertet größere als „nicht erfüllt“."
    ),
}


def versions_of(rule: str) -> str:
    return VERSIONS.get(rule) or _by_prefix(VERSIONS, rule) or (BAUNVO if rule.startswith(("baunvo", "bplan")) else "")


def doubts_of(rule: str) -> str:
    return DOUBTS.get(rule) or _by_prefix(DOUBTS, rule)


def _by_prefix(table: dict[str, str], rule: str) -> str:
    return next((text for key, text in table.items() if key.endswith(".") and rule.startswith(key)), "")
