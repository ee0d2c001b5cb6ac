"""The table of what is read from a Bauvorlage: per field its labels, how the value looks and where it stands.

Labels are written in ordinary German; folding.fold() makes them tolerant of OCR noise and spelling (see
there). A label starting with "re:" is a regular expression on folded text instead (used where a label is only
a label together with a legal reference, like "Höhe nach § 2 Abs. 3 Satz 2 BauO NRW").

Kinds of value (extractor.py reads them):
  count    a whole number: digits, a number word ("zwei") or a Roman numeral ("II")
  class    a Gebäudeklasse 1-5 (digits or Roman, "1a" counts as 1)
  length   metres ("7,35 m", "+9,35"); absolute heights ("ü. NN", "NHN") are skipped
  volume   cubic metres ("1.234,5 m³"); volume_m3 the same, but only with the unit written
  ratio    a GRZ, 0 < x <= 1;  ratio10  a GFZ, 0 < x <= 10
  name     a person's or firm's name as written (the rest of the line, up to a comma or the next label)
  place    a Gemarkung (a place name)
  flur     a Flur number
  parcel   Flurstücke: Zähler/Nenner, several separated by commas or "und"
  chamber  a chamber membership number ("AKNW 081542", "IK-Bau NRW 7123-2")

where: "after" the value follows the label ("Vollgeschosse: 2"); "before" it precedes it ("zwei Vollgeschosse").
strict: the label must be followed by ":" "=" "+" or a line break (for words that also occur in prose);
colon: the label must be followed by ":" (for words that are labels only then, like "Entwurf:").
context: an expression on folded text that must occur near the label: for names on the label's line or the three
lines before (a plain "Name" is the Entwurfsverfasser's under "Kammer" or "Bauvorlageberechtigung"), for figures on
the same page ("Summe ... m³" is the Brutto-Rauminhalt on a page about the Rauminhalt).
"""

from __future__ import annotations

from dataclasses import dataclass

# The fields shared with the corpus (bauantrag.assist.corpus.model.FIELD_KEYS) ...
FIELDS = (
    "flurstueck", "gemarkung", "flur", "bauherr", "entwurfsverfasser", "kammer_nummer", "gebaeudeklasse",
    "vollgeschosse", "gebaeudehoehe_m", "firsthoehe_m", "traufhoehe_m", "grz", "gfz", "brutto_rauminhalt_m3",
    "wohneinheiten",
)
# ... and one more: the Höhe in the sense of § 2 Abs. 3 Satz 2 BauO NRW (Fußbodenoberkante of the highest storey
# in which an Aufenthaltsraum is possible), which decides the Gebäudeklasse and is what the form asks as height_m.
# "gebaeudehoehe_m" is the building's overall height (First or Attika), the form's structure_height_m.
EXTRA_FIELDS = ("hoehe_bauo_m",)
ALL_FIELDS = FIELDS + EXTRA_FIELDS

# Plausible ranges of the normalised values; anything outside is a misreading and is dropped.
RANGES: dict[str, tuple[float, float]] = {
    "gebaeudeklasse": (1, 5),
    "vollgeschosse": (1, 60),
    "gebaeudehoehe_m": (1.0, 250),
    "hoehe_bauo_m": (0.0, 250),
    "firsthoehe_m": (1.0, 250),
    "traufhoehe_m": (1.0, 250),
    "grz": (0.01, 1.0),
    "gfz": (0.01, 10.0),
    "brutto_rauminhalt_m3": (1.0, 10_000_000),
    "wohneinheiten": (0, 2000),
}

# Words in front of (or right after) a number that make it a permitted or planned figure of the
# Bebauungsplan rather than the project's own ("GRZ zulässig 0,4, vorhanden 0,32").
PERMITTED_WORDS = (
    "zulässig", "zul.", "max.", "maximal", "höchstens", "höchstzulässig", "bis zu", "festgesetzt", "festsetzung",
    "bebauungsplan", "b-plan", "bplan", "obergrenze", "orientierungswert", "höchstmaß", "mindestens", "min.",
    "erlaubt", "soll",
)
ACTUAL_WORDS = (
    "vorhanden", "geplant", "ist", "ermittelt", "tatsächlich", "beantragt", "vorhaben", "neu", "berechnet",
    "errechnet", "gewählt", "hier", "planung", "vorh.", "gepl.", "ist-wert",
)


@dataclass(frozen=True)
class Pattern:
    field: str
    labels: tuple[str, ...]
    kind: str
    where: str = "after"
    confidence: float = 0.9
    strict: bool = False
    rule: str = "label"
    colon: bool = False
    context: str = ""  # a regular expression on the folded page: the pattern applies only where it occurs


_HEIGHT_PAR = r"re:hohe\b[^\d]{0,40}?§ ?#(?: abs\.? ?#| ?\(#\))(?: satz ?#)?(?: bauo(?: nrw)?)?\)?"

PATTERNS: tuple[Pattern, ...] = (
    Pattern("flurstueck", ("flurstück", "flurstücke", "flurstück(e)", "flurstücksnummer", "flurstücks-nr.",
                           "flurstück-nr.", "flurstücks-nummer", "flurst.", "flst.", "flst-nr.", "flst.-nr.",
                           "flurst.-nr."), "parcel"),
    Pattern("flur", ("flur", "flur-nr.", "flurnummer", "fl."), "flur"),
    Pattern("gemarkung", ("gemarkung",), "place"),
    Pattern("gemarkung", ("gmkg.", "gemarkungsname"), "place", confidence=0.75, rule="short"),
    # "gem." is as often "gemäß" ("gem. SächsBO", "gem. Bodengutachten") as Gemarkung: never certain by itself.
    Pattern("gemarkung", ("gem.",), "place", confidence=0.6, rule="short"),
    Pattern("bauherr", ("bauherr", "bauherrin", "bauherren", "bauherrschaft", "bauherr/in", "bauherr/-in",
                        "bauherr(in)", "bauherr(en)", "name der bauherrschaft", "antragsteller", "antragstellerin",
                        "antragsteller/in", "antragsteller(in)", "antragstellende", "bauherrin/bauherr"),
            "name", strict=True),
    # Whoever commissioned a Gutachten or a plan (Gemeinde, Investor, Bank) is not necessarily the Bauherrschaft
    # (§ 53 BauO NRW): offered as a reading, never certain.
    Pattern("bauherr", ("auftraggeber", "auftraggeberin", "auftraggeber/in"), "name", strict=True, confidence=0.6,
            rule="client"),
    Pattern("bauherr", ("bh",), "name", colon=True, confidence=0.8, rule="short"),
    Pattern("bauherr", ("bauherr", "bauherrin", "bauherrschaft", "bauherren"), "name", where="before",
            confidence=0.6, rule="signature"),
    Pattern("entwurfsverfasser", ("entwurfsverfasser", "entwurfsverfasserin", "entwurfsverfasser/in",
                                  "entwurfsverfasser/-in", "entwurfsverfasser(in)", "entwurfsverfassende",
                                  "entwurfsverfassende/r", "entwurfsverfassender", "bauvorlageberechtigte",
                                  "bauvorlageberechtigter", "bauvorlageberechtigte/r", "bauvorlageberechtigte(r)",
                                  "planverfasser", "planverfasserin", "planverfasser/in", "architekt", "architektin",
                                  "architekt/in", "architekt(in)"), "name", strict=True),
    Pattern("entwurfsverfasser", ("entwurf", "planung", "aufgestellt von", "entwurf und planung"), "name",
            colon=True, confidence=0.75, rule="short"),
    Pattern("entwurfsverfasser", ("architektin", "architekt", "architekt/in", "entwurfsverfasserin",
                                  "entwurfsverfasser", "entwurfsverfasser/in", "bauingenieurin", "bauingenieur"),
            "name", where="before", confidence=0.6, rule="signature"),
    Pattern("entwurfsverfasser", ("name", "name, vorname", "vorname, name", "vor- und nachname"), "name",
            strict=True, confidence=0.6, rule="name_on_certificate",
            context=r"bauvorlageberechtig|mitgliedsausweis|architektenkammer|ingenieurkammer|entwurfsverfass"),
    Pattern("kammer_nummer", ("kammer-nr.", "kammernummer", "kammer-nummer", "kammer-mitgliedsnummer",
                              "kammermitgliedsnummer", "mitgliedsnummer", "mitglieds-nr.", "mitgliedsnr.",
                              "mitglied-nr.", "mitglieds-nummer", "listen-nr.", "listennummer", "eintragungsnummer",
                              "eintragungs-nr.", "aknw-nr.", "aknw-nummer", "mitgl.-nr.", "mitgl. nr.",
                              "mitgl.-nummer", "kammermitgliedschaft", "kammerzugehörigkeit",
                              r"re:liste der bauvorlageberechtigten[^\n\d#]{0,60}?(?:unter )?(?:der )?nr\."),
            "chamber"),
    Pattern("kammer_nummer", (), "chamber", where="anywhere", confidence=0.7, rule="prefix"),
    Pattern("gebaeudeklasse", ("gebäudeklasse", "gk"), "class"),
    Pattern("vollgeschosse", ("zahl der vollgeschosse", "anzahl der vollgeschosse", "anzahl vollgeschosse",
                              "vollgeschosszahl", "vollgeschosse", "vollgeschoss"), "count"),
    Pattern("vollgeschosse", ("vollgeschosse", "vollgeschoss", "vollgeschossen"), "count", where="before",
            confidence=0.85, rule="number_before"),
    Pattern("gebaeudehoehe_m", ("gebäudehöhe", "höhe des gebäudes", "gesamthöhe", "gesamthöhe des gebäudes",
                                "gebäudehöhe über gelände", "höhe der baulichen anlage"), "length"),
    Pattern("hoehe_bauo_m", (_HEIGHT_PAR, "höhe der fußbodenoberkante des höchstgelegenen geschosses",
                             "fußbodenoberkante des höchstgelegenen geschosses", "fußbodenhöhe des obersten geschosses",
                             "höhe des obersten aufenthaltsraums"), "length"),
    Pattern("firsthoehe_m", ("firsthöhe", "höhe des firstes", "höhe first", "ok first", "oberkante first",
                             "ok-first"), "length"),
    Pattern("firsthoehe_m", ("first", "fh"), "length", strict=True, confidence=0.8, rule="short"),
    Pattern("traufhoehe_m", ("traufhöhe", "höhe der traufe", "höhe traufe", "ok traufe", "oberkante traufe",
                             "ok-traufe", "wandhöhe an der traufe"), "length"),
    Pattern("traufhoehe_m", ("traufe", "th"), "length", strict=True, confidence=0.8, rule="short"),
    Pattern("firsthoehe_m", ("first", "firsthöhe", "ok first"), "length", where="before", confidence=0.8,
            rule="number_before"),
    Pattern("traufhoehe_m", ("traufe", "traufhöhe", "ok traufe"), "length", where="before", confidence=0.8,
            rule="number_before"),
    Pattern("grz", ("grz", "grundflächenzahl"), "ratio"),
    Pattern("gfz", ("gfz", "geschossflächenzahl"), "ratio10"),
    Pattern("brutto_rauminhalt_m3", ("brutto-rauminhalt", "bruttorauminhalt", "bri", "umbauter raum",
                                     "brutto-rauminhalt (bri)", "rauminhalt", "brutto-rauminhalts"), "volume"),
    Pattern("brutto_rauminhalt_m3", (r"re:(?:(?<=\n)|(?<![\s\S]))(?:summe|gesamt|insgesamt|gesamtsumme)(?: bri)?",),
            "volume_m3", confidence=0.92, rule="total", context=r"rauminhalt|\bbri\b"),
    Pattern("wohneinheiten", ("anzahl der wohneinheiten", "zahl der wohneinheiten", "anzahl wohneinheiten",
                              "wohneinheiten", "anzahl der wohnungen", "zahl der wohnungen", "anzahl wohnungen",
                              "anzahl we"), "count"),
    Pattern("wohneinheiten", ("wohnungen", "we"), "count", strict=True),
    Pattern("wohneinheiten", ("wohneinheit", "wohneinheiten", "wohnung", "wohnungen", "we"), "count",
            where="before", confidence=0.8, rule="number_before"),
)
