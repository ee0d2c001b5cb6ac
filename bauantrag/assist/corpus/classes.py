"""The document classes of the classifier and their XBau codes (code list ``vorlagenantragstellung`` 4.0).

| class                  | label                                             | code | declared codes of the class  |
| ---------------------- | ------------------------------------------------- | ---- | ---------------------------- |
| lageplan               | Lageplan                                          | 1803 | 1803, 1804, 1805, 1806, 3102 |
| bauzeichnungen         | Bauzeichnungen                                    | 2000 | 2000–2006                    |
| baubeschreibung        | Baubeschreibung                                   | 1500 | 1500, 1501, 1502             |
| betriebsbeschreibung   | Betriebsbeschreibung                              | 1600 | 1600–1603                    |
| berechnung_mass        | Berechnung des Maßes der baulichen Nutzung        | 1901 | 1900, 1901                   |
| standsicherheit        | Standsicherheitsnachweis                          | 2801 | 2801–2803, 2810–2812, 2815f. |
| brandschutz            | Brandschutz (Konzept, Nachweis oder Erklärung)    | 2705 | 2700–2702, 2705, 2706, 2712  |
| stellplatz             | Stellplatznachweis                                | 2301 | 2300, 2301, 2302             |
| bauvorlageberechtigung | Nachweis der Bauvorlageberechtigung               | 0400 | 0400–0405                    |
| flurkarte              | Flurkarte (Auszug aus dem Liegenschaftskataster)  | 1802 | 1801, 1802                   |
| vollmacht              | Vollmacht                                         | 0602 | 0600, 0601, 0602             |
| fotos                  | Fotos                                             | 3700 | 3700, 3202, 3203             |
| antrag                 | Antragsformular (Bauantrag)                       | 1101 | 1101, 1102                   |
| kostenermittlung       | Kostenermittlung / Brutto-Rauminhalt              | 2201 | 2201, 2600, 2601, 2602       |
| waerme_schallschutz    | Wärme- oder Schallschutznachweis                  | 2805 | 2804, 2805, 2808, 2809, 2904 |
| entwaesserung          | Entwässerung (Antrag, Berechnung)                 | 3900 | 3900                         |
| baulast                | Baulast (Erklärung, Baulastenverzeichnis)         | 3100 | 3100, 3101, 3104             |
| barrierefreiheit       | Barrierefreiheit (Konzept, Nachweis)              | 2401 | 2400–2403                    |
| statistik              | Statistischer Erhebungsbogen                      | 2501 | 2500, 2501, 2502             |
| sonstige               | sonstige Bauvorlage                               | 9999 | every other code of the list |
| keine_bauvorlage       | keine Bauvorlage (reject class)                   | –    | none (never declared)        |

Flurkarte (1802 "Liegenschaftskarte / Flurkarte"), Vollmacht (0602 "Nachweis der Vertretungsvollmacht") and Fotos
(3700 "Fotos, Fotomontagen zum Bauvorhaben") exist in the list; "others" is 9999 "Weitere, nicht näher
spezifizierte Anlage". A few generic group codes say too little to compare with (2800 Bautechnische Nachweise, 0900
Beteiligung, 0901/0902 signed plans, 2100 Berechnungen, 1100 Anträge, 1800 Lageplan und
Liegenschaftskarte): :func:`class_of_code` returns None for
them and no disagreement is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bauantrag.assist.corpus import kinds_extra as ke
from bauantrag.assist.corpus import kinds_none as kn
from bauantrag.assist.corpus import kinds_plans as kp
from bauantrag.assist.corpus import kinds_text as kt
from bauantrag.assist.corpus.builder import Doc

Template = Callable[[Doc], None]


@dataclass(frozen=True)
class DocClass:
    name: str
    label: str
    code: str
    codes: tuple[str, ...]
    variants: dict[str, Template]
    heldout: frozenset[str]  # variant names generated only for the test split


def _c(
    name: str, label: str, code: str, codes: tuple[str, ...], variants: dict[str, Template], heldout: tuple[str, ...]
) -> DocClass:
    assert set(heldout) <= set(variants)
    return DocClass(name, label, code, codes, variants, frozenset(heldout))


CLASSES: tuple[DocClass, ...] = (
    _c(
        "lageplan",
        "Lageplan",
        "1803",
        ("1803", "1804", "1805", "1806", "3102"),
        {
            "plan_klassisch": kp.lageplan_klassisch,
            "amtlich": kp.lageplan_amtlich,
            "mit_erlaeuterung": kp.lageplan_mit_erlaeuterung,
            "aussenanlagen": kp.lageplan_aussenanlagen,
            "flaechentabelle": kp.lageplan_tabelle,
            "entwaesserung": kp.lageplan_entwaesserung,
        },
        ("flaechentabelle", "entwaesserung"),
    ),
    _c(
        "bauzeichnungen",
        "Bauzeichnungen",
        "2000",
        ("2000", "2001", "2002", "2003", "2004", "2005", "2006"),
        {
            "grundriss": kp.bauzeichnung_grundriss,
            "schnitt": kp.bauzeichnung_schnitt,
            "ansicht": kp.bauzeichnung_ansicht,
            "plansatz": kp.bauzeichnung_plansatz,
            "plankopf_tabelle": kp.bauzeichnung_plankopf,
        },
        ("plankopf_tabelle",),
    ),
    _c(
        "baubeschreibung",
        "Baubeschreibung",
        "1500",
        ("1500", "1501", "1502"),
        {
            "vordruck": kt.baubeschreibung_vordruck,
            "prosa": kt.baubeschreibung_prosa,
            "stichpunkte": kt.baubeschreibung_stichpunkte,
            "kurz": kt.baubeschreibung_kurz,
            "bauteiltabelle": kt.baubeschreibung_bauteiltabelle,
        },
        ("bauteiltabelle",),
    ),
    _c(
        "betriebsbeschreibung",
        "Betriebsbeschreibung",
        "1600",
        ("1600", "1601", "1602", "1603"),
        {
            "vordruck": kt.betriebsbeschreibung_vordruck,
            "brief": kt.betriebsbeschreibung_brief,
            "landwirtschaft": kt.betriebsbeschreibung_landwirtschaft,
            "stichpunkte": kt.betriebsbeschreibung_stichpunkte,
        },
        ("stichpunkte",),
    ),
    _c(
        "berechnung_mass",
        "Berechnung des Maßes der baulichen Nutzung",
        "1901",
        ("1900", "1901"),
        {
            "tabelle": kt.mass_tabelle,
            "formular": kt.mass_formular,
            "ausfuehrlich": kt.mass_ausfuehrlich,
            "kurz": kt.mass_kurz,
            "fliesstext": kt.mass_fliesstext,
        },
        ("fliesstext",),
    ),
    _c(
        "standsicherheit",
        "Standsicherheitsnachweis",
        "2801",
        ("2801", "2802", "2803", "2810", "2811", "2812", "2815", "2816"),
        {
            "deckblatt": kt.statik_deckblatt,
            "positionen": kt.statik_positionen,
            "bescheinigung": kt.statik_bescheinigung,
            "lasten": kt.statik_lasten_tabelle,
            "holzbau_kurz": kt.statik_holzbau_kurz,
        },
        ("holzbau_kurz",),
    ),
    _c(
        "brandschutz",
        "Brandschutz (Konzept, Nachweis oder Erklärung)",
        "2705",
        ("2700", "2701", "2702", "2705", "2706", "2712"),
        {
            "erklaerung": ke.brandschutz_erklaerung,
            "gliederung": kt.brandschutz_gliederung,
            "tabelle": kt.brandschutz_tabelle,
            "nachweis_kurz": kt.brandschutz_nachweis_kurz,
            "erlaeuterung": kt.brandschutz_erlaeuterung,
            "sonderbau": kt.brandschutz_sonderbau,
        },
        ("sonderbau",),
    ),
    _c(
        "stellplatz",
        "Stellplatznachweis",
        "2301",
        ("2300", "2301", "2302"),
        {
            "tabelle": kt.stellplatz_tabelle,
            "brief": kt.stellplatz_brief,
            "fahrrad": kt.stellplatz_fahrrad,
            "abloese": kt.stellplatz_abloese,
            "liste": kt.stellplatz_liste,
        },
        ("liste",),
    ),
    _c(
        "bauvorlageberechtigung",
        "Nachweis der Bauvorlageberechtigung",
        "0400",
        ("0400", "0401", "0402", "0403", "0404", "0405"),
        {
            "kammer": kt.bvb_kammer,
            "eigenerklaerung": kt.bvb_eigenerklaerung,
            "kurz": kt.bvb_kurz,
            "ausweis": kt.bvb_ausweis,
        },
        ("ausweis",),
    ),
    _c(
        "flurkarte",
        "Flurkarte (Auszug aus dem Liegenschaftskataster)",
        "1802",
        ("1801", "1802"),
        {
            "auszug": kp.flurkarte_auszug,
            "beglaubigt": kp.flurkarte_beglaubigt,
            "nachweis": kp.flurkarte_nachweis,
            "online": kp.flurkarte_online,
            "minimal": kp.flurkarte_minimal,
        },
        ("minimal",),
    ),
    _c(
        "vollmacht",
        "Vollmacht",
        "0602",
        ("0600", "0601", "0602"),
        {
            "formular": kt.vollmacht_formular,
            "brief": kt.vollmacht_brief,
            "kurz": kt.vollmacht_kurz,
            "zustimmung": kt.vollmacht_zustimmung,
            "gmbh": kt.vollmacht_gmbh,
        },
        ("gmbh",),
    ),
    _c(
        "fotos",
        "Fotos",
        "3700",
        ("3700", "3202", "3203"),
        {
            "doku": kp.fotos_doku,
            "nur_bilder": kp.fotos_nur_bilder,
            "montage": kp.fotos_montage,
            "tabelle": kp.fotos_tabelle,
        },
        ("tabelle",),
    ),
    _c(
        "antrag",
        "Antragsformular (Bauantrag)",
        "1101",
        ("1101", "1102"),
        {"formular": ke.antrag_formular, "schreiben": ke.antrag_schreiben},
        ("schreiben",),
    ),
    _c(
        "kostenermittlung",
        "Kostenermittlung / Brutto-Rauminhalt (DIN 276, DIN 277)",
        "2201",
        ("2201", "2600", "2601", "2602"),
        {"bri": kt.sonst_bri, "rohbaukosten": kt.sonst_rohbaukosten, "din276": ke.kosten_din276},
        ("rohbaukosten",),
    ),
    _c(
        "waerme_schallschutz",
        "Wärme- oder Schallschutznachweis",
        "2805",
        ("2804", "2805", "2808", "2809", "2904"),
        {"waermeschutz": kt.sonst_waermeschutz, "schallschutz": kt.sonst_schallschutz, "ta_laerm": ke.schall_ta_laerm},
        ("schallschutz",),
    ),
    _c(
        "entwaesserung",
        "Entwässerung (Antrag, Berechnung)",
        "3900",
        ("3900",),
        {"gesuch": kt.sonst_entwaesserung, "berechnung": ke.entwaesserung_berechnung},
        ("berechnung",),
    ),
    _c(
        "baulast",
        "Baulast (Erklärung, Baulastenverzeichnis)",
        "3100",
        ("3100", "3101", "3104"),
        {"erklaerung": ke.baulast_erklaerung, "auszug": ke.baulast_auszug},
        ("auszug",),
    ),
    _c(
        "barrierefreiheit",
        "Barrierefreiheit (Konzept, Nachweis)",
        "2401",
        ("2400", "2401", "2402", "2403"),
        {"konzept": ke.barrierefrei_konzept},
        (),
    ),
    _c(
        "statistik",
        "Statistischer Erhebungsbogen (Hochbaustatistik)",
        "2501",
        ("2500", "2501", "2502"),
        {"bogen": kt.sonst_statistik, "tabelle": ke.statistik_tabelle},
        ("tabelle",),
    ),
    _c(
        "sonstige",
        "sonstige Bauvorlage",
        "9999",
        (),
        {
            "wohnflaeche": kt.sonst_wohnflaeche,
            "abstandsflaechen": kt.sonst_abstandsflaechen,
            "anschreiben": kt.sonst_anschreiben,
            "abweichung": kt.sonst_abweichung,
            "nachbar": kt.sonst_nachbar,
            "baumschutz": kt.sonst_baumschutz,
            "grundbuch": kt.sonst_grundbuch,
        },
        ("grundbuch",),
    ),
    _c(
        "keine_bauvorlage",
        "keine Bauvorlage (Informationsseite, leeres Formular, Gesetz, Satzung, Schreiben)",
        "",
        (),
        {
            "info_seite": kn.info_seite,
            "leeres_formular": kn.leeres_formular,
            "gesetzestext": kn.gesetzestext,
            "satzung": kn.satzung,
            "behoerdenbrief": kn.behoerdenbrief,
            "email": kn.email,
            "rechnung": kn.rechnung,
            "urteil": kn.urteil,
        },
        ("urteil", "rechnung"),
    ),
)

NOT_A_BAUVORLAGE = "keine_bauvorlage"  # the reject class: never a declared type, never stored as detected type
CLASS_NAMES: tuple[str, ...] = tuple(c.name for c in CLASSES)
BY_NAME: dict[str, DocClass] = {c.name: c for c in CLASSES}
_UNCOMPARABLE = frozenset({"2800", "0900", "0901", "0902", "2100", "1100", "1800"})
_CODE_TO_CLASS: dict[str, str] = {code: c.name for c in CLASSES for code in c.codes}


def class_of_code(code: str) -> str | None:
    """The class a declared XBau code stands for; None when the code is too generic to compare."""
    if code in _CODE_TO_CLASS:
        return _CODE_TO_CLASS[code]
    if code in _UNCOMPARABLE or not code:
        return None
    return "sonstige"
