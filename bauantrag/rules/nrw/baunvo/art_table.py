"""Art der baulichen Nutzung per Baugebiet for the Vorhaben's ``use`` slugs (BauNVO §§ 3, 4, 6, 8, 9, Wortlaut
LAW.md, Fassung 2017/2023).

Kinds: ``zulaessig`` allgemein zulässig (pass); ``bedingt`` allgemein zulässig only under a condition the
application does not show (needs_review); ``ausnahme`` ausnahmsweise zulässig (needs_review, names the
Ausnahme); ``unzulaessig`` neither generally nor exceptionally admissible (fail); ``offen`` governed by a
paragraph whose wording was not checked (§§ 12, 14) or not assignable (needs_review).
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["zulaessig", "bedingt", "ausnahme", "unzulaessig", "offen"]
Entry = tuple[Kind, str, str]  # kind, Absatz/Nummer, what the text says

COMMON: dict[str, Entry] = {
    "garage": (
        "offen",
        "§ 12 BauNVO",
        "Stellplätze und Garagen richten sich nach § 12 BauNVO, dessen Wortlaut nicht geprüft ist",
    ),
    "nebengebaeude": (
        "offen",
        "§ 14 BauNVO",
        "Nebenanlagen richten sich nach § 14 BauNVO, dessen Wortlaut nicht geprüft ist",
    ),
    "sonstiges": ("offen", "", "die Nutzung „sonstiges“ kann keiner Nutzungsart der BauNVO zugeordnet werden"),
}

_NONE = "weder allgemein noch ausnahmsweise zulässig"

TABLE: dict[str, dict[str, Entry]] = {
    "WR": {
        "wohngebaeude": ("zulaessig", "Abs. 2 Nr. 1", "Wohngebäude"),
        "kita": (
            "bedingt",
            "Abs. 2 Nr. 2",
            "Anlagen zur Kinderbetreuung, die den Bedürfnissen der Bewohner des Gebiets dienen",
        ),
        "pflege": (
            "bedingt",
            "Abs. 4",
            "Wohngebäude, die ganz oder teilweise der Betreuung und Pflege ihrer "
            "Bewohner dienen; sonst ausnahmsweise als sonstige Anlage für soziale Zwecke (Abs. 3 Nr. 2)",
        ),
        "wohnheim": (
            "bedingt",
            "Abs. 2 Nr. 1",
            "Wohngebäude, wenn das Wohnen prägt; sonst ausnahmsweise als "
            "sonstige Anlage für soziale Zwecke (Abs. 3 Nr. 2)",
        ),
        "verkaufsstaette": (
            "ausnahme",
            "Abs. 3 Nr. 1",
            "Läden, die zur Deckung des täglichen Bedarfs für die Bewohner des Gebiets dienen",
        ),
        "beherbergung": ("ausnahme", "Abs. 3 Nr. 1", "kleine Betriebe des Beherbergungsgewerbes"),
        "gewerbe": (
            "ausnahme",
            "Abs. 3 Nr. 1",
            "nicht störende Handwerksbetriebe, die zur Deckung des täglichen "
            "Bedarfs für die Bewohner des Gebiets dienen; sonstige Gewerbebetriebe sind " + _NONE,
        ),
        "versammlungsstaette": (
            "ausnahme",
            "Abs. 3 Nr. 2",
            "den Bedürfnissen der Bewohner des Gebiets dienende "
            "Anlagen für kirchliche, kulturelle und sportliche Zwecke",
        ),
        "schule": (
            "ausnahme",
            "Abs. 3 Nr. 2",
            "sonstige Anlagen für soziale Zwecke sowie den Bedürfnissen der "
            "Bewohner des Gebiets dienende Anlagen für kulturelle Zwecke",
        ),
        "krankenhaus": (
            "ausnahme",
            "Abs. 3 Nr. 2",
            "den Bedürfnissen der Bewohner des Gebiets dienende Anlagen für gesundheitliche Zwecke",
        ),
        "gaststaette": ("unzulaessig", "Abs. 2 und 3", "Schank- und Speisewirtschaften sind " + _NONE),
        "buero_verwaltung": ("unzulaessig", "Abs. 2 und 3", "Büro- und Verwaltungsgebäude sind " + _NONE),
        "lager": ("unzulaessig", "Abs. 2 und 3", "Lagerbetriebe sind " + _NONE),
        "land_forstwirtschaft": (
            "unzulaessig",
            "Abs. 2 und 3",
            "land- und forstwirtschaftliche Betriebe sind " + _NONE,
        ),
    },
    "WA": {
        "wohngebaeude": ("zulaessig", "Abs. 2 Nr. 1", "Wohngebäude"),
        "wohnheim": ("zulaessig", "Abs. 2 Nr. 1 und 3", "Wohngebäude oder Anlagen für soziale Zwecke"),
        "pflege": (
            "zulaessig",
            "Abs. 2 Nr. 1 und 3",
            "Wohngebäude, die der Betreuung und Pflege ihrer Bewohner "
            "dienen (§ 3 Abs. 4), oder Anlagen für soziale und gesundheitliche Zwecke",
        ),
        "kita": ("zulaessig", "Abs. 2 Nr. 3", "Anlagen für soziale Zwecke"),
        "schule": ("zulaessig", "Abs. 2 Nr. 3", "Anlagen für kulturelle und soziale Zwecke"),
        "krankenhaus": ("zulaessig", "Abs. 2 Nr. 3", "Anlagen für gesundheitliche Zwecke"),
        "versammlungsstaette": (
            "bedingt",
            "Abs. 2 Nr. 3",
            "Anlagen für kirchliche, kulturelle und sportliche Zwecke; Vergnügungsstätten sind " + _NONE,
        ),
        "verkaufsstaette": ("bedingt", "Abs. 2 Nr. 2", "die der Versorgung des Gebiets dienenden Läden"),
        "gaststaette": (
            "bedingt",
            "Abs. 2 Nr. 2",
            "die der Versorgung des Gebiets dienenden Schank- und Speisewirtschaften",
        ),
        "beherbergung": ("ausnahme", "Abs. 3 Nr. 1", "Betriebe des Beherbergungsgewerbes"),
        "buero_verwaltung": (
            "ausnahme",
            "Abs. 3 Nr. 2 und 3",
            "Anlagen für Verwaltungen; Büros als sonstige nicht störende Gewerbebetriebe",
        ),
        "gewerbe": (
            "ausnahme",
            "Abs. 3 Nr. 2",
            "sonstige nicht störende Gewerbebetriebe (nicht störende "
            "Handwerksbetriebe zur Versorgung des Gebiets sind nach Abs. 2 Nr. 2 allgemein zulässig)",
        ),
        "lager": ("ausnahme", "Abs. 3 Nr. 2", "sonstige nicht störende Gewerbebetriebe"),
        "land_forstwirtschaft": (
            "ausnahme",
            "Abs. 3 Nr. 4",
            "Gartenbaubetriebe; andere land- und forstwirtschaftliche Betriebe sind " + _NONE,
        ),
    },
    "MI": {
        "wohngebaeude": ("zulaessig", "Abs. 2 Nr. 1", "Wohngebäude"),
        "wohnheim": ("zulaessig", "Abs. 2 Nr. 1 und 5", "Wohngebäude oder Anlagen für soziale Zwecke"),
        "pflege": (
            "zulaessig",
            "Abs. 2 Nr. 1 und 5",
            "Wohngebäude (§ 3 Abs. 4) oder Anlagen für soziale und gesundheitliche Zwecke",
        ),
        "buero_verwaltung": ("zulaessig", "Abs. 2 Nr. 2 und 5", "Geschäfts- und Bürogebäude, Anlagen für Verwaltungen"),
        "verkaufsstaette": ("zulaessig", "Abs. 2 Nr. 3", "Einzelhandelsbetriebe"),
        "gaststaette": ("zulaessig", "Abs. 2 Nr. 3", "Schank- und Speisewirtschaften"),
        "beherbergung": ("zulaessig", "Abs. 2 Nr. 3", "Betriebe des Beherbergungsgewerbes"),
        "kita": ("zulaessig", "Abs. 2 Nr. 5", "Anlagen für soziale Zwecke"),
        "schule": ("zulaessig", "Abs. 2 Nr. 5", "Anlagen für kulturelle und soziale Zwecke"),
        "krankenhaus": ("zulaessig", "Abs. 2 Nr. 5", "Anlagen für gesundheitliche Zwecke"),
        "gewerbe": (
            "bedingt",
            "Abs. 2 Nr. 4 i.V.m. Abs. 1",
            "sonstige Gewerbebetriebe, die das Wohnen nicht wesentlich stören",
        ),
        "lager": (
            "bedingt",
            "Abs. 2 Nr. 4 i.V.m. Abs. 1",
            "sonstige Gewerbebetriebe, die das Wohnen nicht wesentlich stören",
        ),
        "versammlungsstaette": (
            "bedingt",
            "Abs. 2 Nr. 5 und 8, Abs. 3",
            "Anlagen für kirchliche, kulturelle und "
            "sportliche Zwecke; Vergnügungsstätten nur in überwiegend gewerblich geprägten "
            "Teilen (Abs. 2 Nr. 8), sonst ausnahmsweise (Abs. 3)",
        ),
        "land_forstwirtschaft": (
            "bedingt",
            "Abs. 2 Nr. 6",
            "Gartenbaubetriebe; andere land- und forstwirtschaftliche Betriebe sind " + _NONE,
        ),
    },
    "GE": {
        "gewerbe": ("zulaessig", "Abs. 2 Nr. 1", "Gewerbebetriebe aller Art"),
        "lager": ("zulaessig", "Abs. 2 Nr. 1", "Lagerhäuser und Lagerplätze"),
        "buero_verwaltung": ("zulaessig", "Abs. 2 Nr. 2", "Geschäfts-, Büro- und Verwaltungsgebäude"),
        "verkaufsstaette": ("zulaessig", "Abs. 2 Nr. 1", "Gewerbebetriebe aller Art (Einzelhandel)"),
        "gaststaette": ("zulaessig", "Abs. 2 Nr. 1", "Gewerbebetriebe aller Art (Schank- und Speisewirtschaft)"),
        "beherbergung": ("zulaessig", "Abs. 2 Nr. 1", "Gewerbebetriebe aller Art (Beherbergungsbetrieb)"),
        "versammlungsstaette": (
            "ausnahme",
            "Abs. 2 Nr. 4, Abs. 3 Nr. 2 und 3",
            "Anlagen für sportliche Zwecke "
            "allgemein; Anlagen für kirchliche und kulturelle Zwecke sowie Vergnügungsstätten "
            "ausnahmsweise",
        ),
        "kita": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für soziale Zwecke"),
        "schule": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für kulturelle und soziale Zwecke"),
        "krankenhaus": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für gesundheitliche Zwecke"),
        "pflege": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für soziale und gesundheitliche Zwecke"),
        "wohngebaeude": (
            "unzulaessig",
            "Abs. 2 und 3",
            "Wohngebäude sind " + _NONE + "; ausnahmsweise nur "
            "Wohnungen für Aufsichts- und Bereitschaftspersonen sowie für Betriebsinhaber und "
            "Betriebsleiter (Abs. 3 Nr. 1)",
        ),
        "wohnheim": ("unzulaessig", "Abs. 2 und 3", "Wohnheime sind " + _NONE),
        "land_forstwirtschaft": (
            "unzulaessig",
            "Abs. 2 und 3",
            "land- und forstwirtschaftliche Betriebe sind " + _NONE,
        ),
    },
    "GI": {
        "gewerbe": ("zulaessig", "Abs. 2 Nr. 1", "Gewerbebetriebe aller Art"),
        "lager": ("zulaessig", "Abs. 2 Nr. 1", "Lagerhäuser und Lagerplätze"),
        "buero_verwaltung": (
            "bedingt",
            "Abs. 2 Nr. 1",
            "nur als Teil eines Gewerbebetriebs; Büro- und "
            "Verwaltungsgebäude sind anders als in § 8 Abs. 2 Nr. 2 nicht genannt",
        ),
        "verkaufsstaette": (
            "bedingt",
            "Abs. 2 Nr. 1 i.V.m. Abs. 1",
            "Gewerbebetriebe aller Art; Industriegebiete "
            "dienen vorwiegend Betrieben, die in anderen Baugebieten unzulässig sind",
        ),
        "gaststaette": (
            "bedingt",
            "Abs. 2 Nr. 1 i.V.m. Abs. 1",
            "Gewerbebetriebe aller Art, soweit mit der Zweckbestimmung des Abs. 1 vereinbar",
        ),
        "beherbergung": (
            "bedingt",
            "Abs. 2 Nr. 1 i.V.m. Abs. 1",
            "Gewerbebetriebe aller Art, soweit mit der Zweckbestimmung des Abs. 1 vereinbar",
        ),
        "versammlungsstaette": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für kirchliche, kulturelle und sportliche Zwecke"),
        "kita": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für soziale Zwecke"),
        "schule": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für kulturelle und soziale Zwecke"),
        "krankenhaus": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für gesundheitliche Zwecke"),
        "pflege": ("ausnahme", "Abs. 3 Nr. 2", "Anlagen für soziale und gesundheitliche Zwecke"),
        "wohngebaeude": (
            "unzulaessig",
            "Abs. 2 und 3",
            "Wohngebäude sind " + _NONE + "; ausnahmsweise nur "
            "Wohnungen für Aufsichts- und Bereitschaftspersonen sowie für Betriebsinhaber und "
            "Betriebsleiter (Abs. 3 Nr. 1)",
        ),
        "wohnheim": ("unzulaessig", "Abs. 2 und 3", "Wohnheime sind " + _NONE),
        "land_forstwirtschaft": (
            "unzulaessig",
            "Abs. 2 und 3",
            "land- und forstwirtschaftliche Betriebe sind " + _NONE,
        ),
    },
}

#: Answers that read the same in every BauNVO since 1962 (general knowledge, not checked against LAW.md):
#: they stand for plans under an older BauNVO too; every other answer then becomes needs_review.
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


def entry(abbr: str, use: str) -> Entry:
    return COMMON.get(use) or TABLE[abbr][use]
