"""Art der baulichen Nutzung per Baugebiet and use (BauNVO §§ 2 to 9, 12 to 14; text from 07.07.2023,
law/BauNVO-2023.md).

``ITEMS`` quotes each Nummer of Abs. 2 (allgemein zulässig) and Abs. 3 (ausnahmsweise) of §§ 2 to 9; ``ROWS`` says
which Nummer a use falls under and how:
``zulaessig`` allgemein zulässig (pass); ``bedingt`` allgemein zulässig only under a condition the application
does not show – the one in the quoted Nummer or in ``note`` (needs_review); ``ausnahme`` ausnahmsweise zulässig
(needs_review); a use without a row is neither allgemein nor ausnahmsweise zulässig (fail). Garages (§ 12),
Nebenanlagen (§ 14), freie Berufe (§ 13) and energy plants follow their own paragraphs (``special``).
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["zulaessig", "bedingt", "ausnahme", "unzulaessig", "offen"]
Entry = tuple[Kind, str, str]  # kind, where in the paragraph ("Abs. 2 Nr. 1"), what the text says

ITEMS: dict[str, dict[str, str]] = {
    "WS": {
        "2.1": "Kleinsiedlungen einschließlich Wohngebäude mit entsprechenden Nutzgärten, landwirtschaftliche "
        "Nebenerwerbsstellen und Gartenbaubetriebe",
        "2.2": "die der Versorgung des Gebiets dienenden Läden, Schank- und Speisewirtschaften sowie nicht "
        "störenden Handwerksbetriebe",
        "3.1": "sonstige Wohngebäude mit nicht mehr als zwei Wohnungen",
        "3.2": "Anlagen für kirchliche, kulturelle, soziale, gesundheitliche und sportliche Zwecke",
        "3.3": "Tankstellen",
        "3.4": "nicht störende Gewerbebetriebe",
    },
    "WR": {
        "2.1": "Wohngebäude",
        "2.2": "Anlagen zur Kinderbetreuung, die den Bedürfnissen der Bewohner des Gebiets dienen",
        "3.1": "Läden und nicht störende Handwerksbetriebe, die zur Deckung des täglichen Bedarfs für die Bewohner "
        "des Gebiets dienen, sowie kleine Betriebe des Beherbergungsgewerbes",
        "3.2": "sonstige Anlagen für soziale Zwecke sowie den Bedürfnissen der Bewohner des Gebiets dienende Anlagen "
        "für kirchliche, kulturelle, gesundheitliche und sportliche Zwecke",
    },
    "WA": {
        "2.1": "Wohngebäude",
        "2.2": "die der Versorgung des Gebiets dienenden Läden, Schank- und Speisewirtschaften sowie nicht "
        "störenden Handwerksbetriebe",
        "2.3": "Anlagen für kirchliche, kulturelle, soziale, gesundheitliche und sportliche Zwecke",
        "3.1": "Betriebe des Beherbergungsgewerbes",
        "3.2": "sonstige nicht störende Gewerbebetriebe",
        "3.3": "Anlagen für Verwaltungen",
        "3.4": "Gartenbaubetriebe",
        "3.5": "Tankstellen",
    },
    "WB": {
        "2.1": "Wohngebäude",
        "2.2": "Läden, Betriebe des Beherbergungsgewerbes, Schank- und Speisewirtschaften",
        "2.3": "sonstige Gewerbebetriebe (soweit nach der besonderen Eigenart des Gebiets mit der Wohnnutzung "
        "vereinbar, Abs. 1 Satz 2)",
        "2.4": "Geschäfts- und Bürogebäude",
        "2.5": "Anlagen für kirchliche, kulturelle, soziale, gesundheitliche und sportliche Zwecke",
        "3.1": "Anlagen für zentrale Einrichtungen der Verwaltung",
        "3.2": "Vergnügungsstätten, soweit sie nicht wegen ihrer Zweckbestimmung oder ihres Umfangs nur in "
        "Kerngebieten allgemein zulässig sind",
        "3.3": "Tankstellen",
    },
    "MD": {
        "2.1": "Wirtschaftsstellen land- und forstwirtschaftlicher Betriebe und die dazugehörigen Wohnungen und "
        "Wohngebäude",
        "2.3": "sonstige Wohngebäude",
        "2.4": "Betriebe zur Be- und Verarbeitung und Sammlung land- und forstwirtschaftlicher Erzeugnisse",
        "2.5": "Einzelhandelsbetriebe, Schank- und Speisewirtschaften sowie Betriebe des Beherbergungsgewerbes",
        "2.6": "sonstige Gewerbebetriebe (Abs. 1: nicht wesentlich störende)",
        "2.7": "Anlagen für örtliche Verwaltungen sowie für kirchliche, kulturelle, soziale, gesundheitliche und "
        "sportliche Zwecke",
        "2.8": "Gartenbaubetriebe",
        "2.9": "Tankstellen",
        "3": "Vergnügungsstätten im Sinne des § 4a Absatz 3 Nummer 2",
    },
    "MDW": {
        "2.1": "Wohngebäude",
        "2.2": "Wirtschaftsstellen land- und forstwirtschaftlicher Nebenerwerbsbetriebe und die dazugehörigen "
        "Wohnungen und Wohngebäude",
        "2.5": "die der Versorgung des Gebiets dienenden Läden sowie Schank- und Speisewirtschaften",
        "2.6": "Betriebe des Beherbergungsgewerbes",
        "2.7": "sonstige Gewerbebetriebe (Abs. 1: nicht wesentlich störende)",
        "2.8": "Anlagen für örtliche Verwaltungen sowie für kirchliche, kulturelle, soziale, gesundheitliche und "
        "sportliche Zwecke",
        "3.1": "Wirtschaftsstellen land- und forstwirtschaftlicher Betriebe und die dazugehörigen Wohnungen und "
        "Wohngebäude",
        "3.2": "Gartenbaubetriebe",
        "3.3": "Tankstellen",
    },
    "MI": {
        "2.1": "Wohngebäude",
        "2.2": "Geschäfts- und Bürogebäude",
        "2.3": "Einzelhandelsbetriebe, Schank- und Speisewirtschaften sowie Betriebe des Beherbergungsgewerbes",
        "2.4": "sonstige Gewerbebetriebe (Abs. 1: die das Wohnen nicht wesentlich stören)",
        "2.5": "Anlagen für Verwaltungen sowie für kirchliche, kulturelle, soziale, gesundheitliche und sportliche "
        "Zwecke",
        "2.6": "Gartenbaubetriebe",
        "2.7": "Tankstellen",
        "2.8": "Vergnügungsstätten im Sinne des § 4a Absatz 3 Nummer 2 in den Teilen des Gebiets, die überwiegend "
        "durch gewerbliche Nutzungen geprägt sind (außerhalb ausnahmsweise, Abs. 3)",
    },
    "MU": {
        "2.1": "Wohngebäude",
        "2.2": "Geschäfts- und Bürogebäude",
        "2.3": "Einzelhandelsbetriebe, Schank- und Speisewirtschaften sowie Betriebe des Beherbergungsgewerbes",
        "2.4": "sonstige Gewerbebetriebe (Abs. 1: die die Wohnnutzung nicht wesentlich stören)",
        "2.5": "Anlagen für Verwaltungen sowie für kirchliche, kulturelle, soziale, gesundheitliche und sportliche "
        "Zwecke",
        "3.1": "Vergnügungsstätten, soweit sie nicht wegen ihrer Zweckbestimmung oder ihres Umfangs nur in "
        "Kerngebieten allgemein zulässig sind",
        "3.2": "Tankstellen",
    },
    "MK": {
        "2.1": "Geschäfts-, Büro- und Verwaltungsgebäude",
        "2.2": "Einzelhandelsbetriebe, Schank- und Speisewirtschaften, Betriebe des Beherbergungsgewerbes und "
        "Vergnügungsstätten",
        "2.3": "sonstige nicht wesentlich störende Gewerbebetriebe",
        "2.4": "Anlagen für kirchliche, kulturelle, soziale, gesundheitliche und sportliche Zwecke",
        "2.5": "Tankstellen im Zusammenhang mit Parkhäusern und Großgaragen (andere ausnahmsweise, Abs. 3 Nr. 1)",
        "2.6": "Wohnungen für Aufsichts- und Bereitschaftspersonen sowie für Betriebsinhaber und Betriebsleiter",
        "2.7": "sonstige Wohnungen nach Maßgabe von Festsetzungen des Bebauungsplans (andere ausnahmsweise, "
        "Abs. 3 Nr. 2)",
    },
    "GE": {
        "2.1": "Gewerbebetriebe aller Art einschließlich Anlagen zur Erzeugung von Strom oder Wärme aus solarer "
        "Strahlungsenergie oder Windenergie, Lagerhäuser, Lagerplätze und öffentliche Betriebe",
        "2.2": "Geschäfts-, Büro- und Verwaltungsgebäude",
        "2.3": "Tankstellen",
        "2.4": "Anlagen für sportliche Zwecke",
        "3.1": "Wohnungen für Aufsichts- und Bereitschaftspersonen sowie für Betriebsinhaber und Betriebsleiter, die "
        "dem Gewerbebetrieb zugeordnet und ihm gegenüber in Grundfläche und Baumasse untergeordnet sind",
        "3.2": "Anlagen für kirchliche, kulturelle, soziale und gesundheitliche Zwecke",
        "3.3": "Vergnügungsstätten",
    },
    "GI": {
        "2.1": "Gewerbebetriebe aller Art einschließlich Anlagen zur Erzeugung von Strom oder Wärme aus solarer "
        "Strahlungsenergie oder Windenergie, Lagerhäuser, Lagerplätze und öffentliche Betriebe (Abs. 1: "
        "vorwiegend Betriebe, die in anderen Baugebieten unzulässig sind)",
        "2.2": "Tankstellen",
        "3.1": "Wohnungen für Aufsichts- und Bereitschaftspersonen sowie für Betriebsinhaber und Betriebsleiter, die "
        "dem Gewerbebetrieb zugeordnet und ihm gegenüber in Grundfläche und Baumasse untergeordnet sind",
        "3.2": "Anlagen für kirchliche, kulturelle, soziale, gesundheitliche und sportliche Zwecke",
    },
}

_ANLAGEN = ("anlage_kirchlich", "anlage_kulturell", "anlage_sozial", "anlage_gesundheitlich", "anlage_sportlich",
            "kita", "schule", "krankenhaus")
_HOUSING = ("wohngebaeude", "pflege", "wohnheim", "betriebswohnung")
_FLEX = "versammlungsstaette"  # kirchliche, kulturelle, sportliche Zwecke – or a Vergnügungsstätte
_NOTES = {
    "pflege": "Wohngebäude, die ganz oder teilweise der Betreuung und Pflege ihrer Bewohner dienen, gehören zu den "
    "Wohngebäuden (§ 3 Abs. 4); sonst eine Anlage für soziale oder gesundheitliche Zwecke",
    "wohnheim": "ein Wohnheim ist Wohngebäude, wenn das Wohnen prägt; sonst eine Anlage für soziale Zwecke",
    _FLEX: "je nach Zweck eine Anlage für kirchliche, kulturelle oder sportliche Zwecke oder eine "
    "Vergnügungsstätte",
    "verkaufsstaette": "ein Einzelhandelsbetrieb ist hier nur als Laden im Sinne dieser Nummer zulässig",
}
_ONLY_GARDEN = "nur als Gartenbaubetrieb; andere land- und forstwirtschaftliche Betriebe sind weder allgemein noch " \
    "ausnahmsweise zulässig"
_AREA_NOTES: dict[tuple[str, str], str] = {
    ("WA", "land_forstwirtschaft"): _ONLY_GARDEN,
    ("MI", "land_forstwirtschaft"): _ONLY_GARDEN,
    ("WR", "gewerbe"): "nur nicht störende Handwerksbetriebe für den täglichen Bedarf; sonstige Gewerbebetriebe sind "
    "weder allgemein noch ausnahmsweise zulässig",
    ("WS", "beherbergung"): "Betriebe des Beherbergungsgewerbes nennt § 2 nicht eigens, allenfalls als nicht "
    "störende Gewerbebetriebe",
    ("WS", "buero_verwaltung"): "Büros als nicht störende Gewerbebetriebe; Räume für freie Berufe nach § 13",
    ("WA", "buero_verwaltung"): "Büros als sonstige nicht störende Gewerbebetriebe; Anlagen für Verwaltungen nach "
    "Abs. 3 Nr. 3",
    ("MD", "buero_verwaltung"): "Geschäfts- und Bürogebäude nennt § 5 nicht eigens, nur als sonstige Gewerbebetriebe",
    ("MDW", "buero_verwaltung"): "Geschäfts- und Bürogebäude nennt § 5a nicht eigens, nur als sonstige "
    "Gewerbebetriebe",
    ("WB", "verkaufsstaette"): "ein Einzelhandelsbetrieb, der kein Laden ist, nur als sonstiger Gewerbebetrieb",
    ("GE", "gartenbau"): "ein Gartenbaubetrieb nur, soweit er ein Gewerbebetrieb ist",
    ("GI", "buero_verwaltung"): "nur als Teil eines Gewerbebetriebs; Büro- und Verwaltungsgebäude nennt § 9 anders als "
    "§ 8 Abs. 2 Nr. 2 nicht",
    ("GI", "verwaltung"): "nur als öffentlicher Betrieb; Anlagen für Verwaltungen nennt § 9 nicht",
    ("GI", "gartenbau"): "ein Gartenbaubetrieb nur, soweit er ein Gewerbebetrieb ist",
}


def _rows(kind: Kind, item: str, *uses: str) -> dict[str, tuple[Kind, str]]:
    return dict.fromkeys(uses, (kind, item))


Z: Kind = "zulaessig"
B: Kind = "bedingt"
A: Kind = "ausnahme"
ROWS: dict[str, dict[str, tuple[Kind, str]]] = {
    "WS": {**_rows(B, "2.1", *_HOUSING, "land_forstwirtschaft"), **_rows(Z, "2.1", "gartenbau"),
           **_rows(B, "2.2", "laden", "gaststaette", "handwerk", "verkaufsstaette"),
           **_rows(A, "3.2", *_ANLAGEN, _FLEX), **_rows(A, "3.3", "tankstelle"),
           **_rows(A, "3.4", "gewerbe", "lager", "buero_verwaltung", "beherbergung")},
    "WR": {**_rows(Z, "2.1", "wohngebaeude", "betriebswohnung"), **_rows(B, "2.1", "pflege", "wohnheim"),
           **_rows(B, "2.2", "kita"),
           **_rows(A, "3.1", "laden", "handwerk", "beherbergung", "verkaufsstaette", "gewerbe"),
           **_rows(A, "3.2", *[u for u in _ANLAGEN if u != "kita"], _FLEX)},
    "WA": {**_rows(Z, "2.1", *_HOUSING), **_rows(B, "2.2", "laden", "gaststaette", "handwerk", "verkaufsstaette"),
           **_rows(Z, "2.3", *_ANLAGEN), **_rows(B, "2.3", _FLEX), **_rows(A, "3.1", "beherbergung"),
           **_rows(A, "3.2", "gewerbe", "lager", "buero_verwaltung"), **_rows(A, "3.3", "verwaltung"),
           **_rows(A, "3.4", "gartenbau", "land_forstwirtschaft"), **_rows(A, "3.5", "tankstelle")},
    "WB": {**_rows(Z, "2.1", *_HOUSING), **_rows(Z, "2.2", "laden", "beherbergung", "gaststaette"),
           **_rows(B, "2.3", "gewerbe", "handwerk", "lager", "verkaufsstaette"), **_rows(Z, "2.4", "buero_verwaltung"),
           **_rows(Z, "2.5", *_ANLAGEN), **_rows(B, "2.5", _FLEX), **_rows(A, "3.1", "verwaltung"),
           **_rows(A, "3.2", "vergnuegungsstaette"), **_rows(A, "3.3", "tankstelle")},
    "MD": {**_rows(Z, "2.1", "land_forstwirtschaft"), **_rows(Z, "2.3", *_HOUSING),
           **_rows(Z, "2.5", "verkaufsstaette", "laden", "gaststaette", "beherbergung"),
           **_rows(B, "2.6", "gewerbe", "handwerk", "lager", "buero_verwaltung"),
           **_rows(B, "2.7", "verwaltung", _FLEX),
           **_rows(Z, "2.7", *_ANLAGEN), **_rows(Z, "2.8", "gartenbau"), **_rows(Z, "2.9", "tankstelle"),
           **_rows(A, "3", "vergnuegungsstaette")},
    "MDW": {**_rows(Z, "2.1", *_HOUSING), **_rows(B, "2.2", "land_forstwirtschaft"),
            **_rows(B, "2.5", "laden", "gaststaette", "verkaufsstaette"), **_rows(Z, "2.6", "beherbergung"),
            **_rows(B, "2.7", "gewerbe", "handwerk", "lager", "buero_verwaltung"),
            **_rows(B, "2.8", "verwaltung", _FLEX), **_rows(Z, "2.8", *_ANLAGEN), **_rows(A, "3.2", "gartenbau"),
            **_rows(A, "3.3", "tankstelle")},
    "MI": {**_rows(Z, "2.1", *_HOUSING), **_rows(Z, "2.2", "buero_verwaltung"),
           **_rows(Z, "2.3", "verkaufsstaette", "laden", "gaststaette", "beherbergung"),
           **_rows(B, "2.4", "gewerbe", "handwerk", "lager"), **_rows(Z, "2.5", "verwaltung", *_ANLAGEN),
           **_rows(B, "2.5", _FLEX), **_rows(Z, "2.6", "gartenbau"), **_rows(B, "2.6", "land_forstwirtschaft"),
           **_rows(Z, "2.7", "tankstelle"), **_rows(B, "2.8", "vergnuegungsstaette")},
    "MU": {**_rows(Z, "2.1", *_HOUSING), **_rows(Z, "2.2", "buero_verwaltung"),
           **_rows(Z, "2.3", "verkaufsstaette", "laden", "gaststaette", "beherbergung"),
           **_rows(B, "2.4", "gewerbe", "handwerk", "lager"), **_rows(Z, "2.5", "verwaltung", *_ANLAGEN),
           **_rows(B, "2.5", _FLEX), **_rows(A, "3.1", "vergnuegungsstaette"), **_rows(A, "3.2", "tankstelle")},
    "MK": {**_rows(Z, "2.1", "buero_verwaltung", "verwaltung"),
           **_rows(Z, "2.2", "verkaufsstaette", "laden", "gaststaette", "beherbergung", "vergnuegungsstaette", _FLEX),
           **_rows(B, "2.3", "gewerbe", "handwerk", "lager"), **_rows(Z, "2.4", *_ANLAGEN),
           **_rows(B, "2.5", "tankstelle"), **_rows(Z, "2.6", "betriebswohnung"),
           **_rows(B, "2.7", "wohngebaeude", "pflege", "wohnheim")},
    "GE": {**_rows(Z, "2.1", "gewerbe", "handwerk", "lager", "verkaufsstaette", "laden", "gaststaette",
                   "beherbergung"),
           **_rows(B, "2.1", "gartenbau"), **_rows(Z, "2.2", "buero_verwaltung", "verwaltung"),
           **_rows(Z, "2.3", "tankstelle"), **_rows(Z, "2.4", "anlage_sportlich"), **_rows(A, "3.1", "betriebswohnung"),
           **_rows(A, "3.2", *[u for u in _ANLAGEN if u != "anlage_sportlich"], "pflege", _FLEX),
           **_rows(A, "3.3", "vergnuegungsstaette")},
    "GI": {**_rows(Z, "2.1", "gewerbe", "handwerk", "lager"),
           **_rows(B, "2.1", "verkaufsstaette", "laden", "gaststaette", "beherbergung", "buero_verwaltung",
                   "verwaltung", "gartenbau"),
           **_rows(Z, "2.2", "tankstelle"), **_rows(A, "3.1", "betriebswohnung"),
           **_rows(A, "3.2", *_ANLAGEN, "pflege", _FLEX)},
}

_NONE = "weder allgemein noch ausnahmsweise zulässig"
_W_AREAS = frozenset({"WS", "WR", "WA"})  # § 12 Abs. 2, § 13: only Räume


def special(abbr: str, use: str) -> Entry | None:
    """Uses governed by §§ 12 to 14 BauNVO rather than by the Baugebiet's list."""
    if use == "garage":
        if abbr in _W_AREAS:
            return ("bedingt", "§ 12 Abs. 2 BauNVO",
                    "Stellplätze und Garagen nur für den durch die zugelassene Nutzung verursachten Bedarf; "
                    "unzulässig sind im WR Garagen für Lastkraftwagen und Kraftomnibusse, im WS und WA für "
                    "Kraftfahrzeuge über 3,5 t (Abs. 3)")
        return ("zulaessig", "§ 12 Abs. 1 BauNVO", "Stellplätze und Garagen sind in allen Baugebieten zulässig")
    if use == "nebengebaeude":
        return ("bedingt", "§ 14 Abs. 1 Satz 1 BauNVO",
                "untergeordnete Nebenanlagen und Einrichtungen, die dem Nutzungszweck der Grundstücke oder des "
                "Baugebiets dienen und seiner Eigenart nicht widersprechen (der Plan kann sie einschränken, Satz 4)")
    if use == "freie_berufe":
        if abbr in _W_AREAS:
            return ("bedingt", "§ 13 BauNVO", "für freie Berufe sind hier nur Räume zulässig, keine Gebäude")
        return ("zulaessig", "§ 13 BauNVO", "für freie Berufe sind Räume und Gebäude zulässig")
    if use == "erneuerbare_energien" and abbr not in ("GE", "GI"):
        return ("bedingt", "§ 14 Abs. 1 Satz 3, Abs. 2 Satz 2 BauNVO",
                "als untergeordnete Nebenanlage zulässig; sonst nur als Ausnahme nach § 14 Abs. 2")
    if use == "erneuerbare_energien":
        return ("zulaessig", "Abs. 2 Nr. 1", ITEMS[abbr]["2.1"])
    if use == "sonstiges":
        return ("offen", "", "die Nutzung „sonstiges“ kann keiner Nutzungsart der BauNVO zugeordnet werden")
    return None


def entry(abbr: str, use: str) -> Entry:
    """The answer of the BauNVO for a use in a Baugebiet (WS … GI)."""
    found = special(abbr, use)
    if found is not None:
        return found
    row = ROWS[abbr].get(use)
    if row is None:
        return ("unzulaessig", "Abs. 2 und 3", _NONE)
    kind, item = row
    where = f"Abs. {item[0]}" + (f" Nr. {item[2:]}" if len(item) > 1 else "")
    text = ITEMS[abbr][item]
    note = _AREA_NOTES.get((abbr, use)) or _NOTES.get(use)
    return (kind, where, f"{text}; {note}" if note and kind != "zulaessig" else text)


#: Answers that read the same in every BauNVO since 1962 (general knowledge, not checked against the old texts –
#: a legal point to confirm): they stand for plans under an older BauNVO too; every other answer then becomes
#: needs_review.
STABLE: frozenset[tuple[str, str]] = frozenset(
    {
        ("WR", "wohngebaeude"),
        ("WA", "wohngebaeude"),
        ("MI", "wohngebaeude"),
        ("GE", "gewerbe"),
        ("GI", "gewerbe"),
        ("GE", "wohngebaeude"),
        ("GI", "wohngebaeude"),
    }
)
