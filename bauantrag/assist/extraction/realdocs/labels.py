"""Hand labels of the real-document set for the extraction's evaluation (``make eval-extraction``).

Each entry: document id -> (source, licence, kind, labels). A label is (field, normalised value, context, value
text): ``context`` is a piece of the page text that occurs exactly once and contains ``value text``, the exact
characters of the value (so the span can be computed and checked). A document with no labels must yield no value
at all: information pages, blank Vordrucke, laws, Satzungen, letters.

``python -m bauantrag.assist.extraction.realdocs.build`` turns this into ``manifest.json`` (page, start, end, text
of every labelled value, the SHA-256 of each text) against the texts in ``$BAUANTRAG_REALDOCS_DIR`` (third-party)
and ``own/`` (ours). The split into development and test part is ``SPLIT`` below; it was fixed before the extractor
was changed and is not to be changed afterwards.
"""

from __future__ import annotations

THIRD = "third_party"
OWN = "own"
UNKNOWN_LICENCE = "unbekannt (Text Dritter, nicht im Repository)"
OWN_LICENCE = "EUPL-1.2 (selbst geschrieben, erfundene Personen und Orte)"

Label = tuple[str, str, str, str]

# id: (source address, kind, labels)
THIRD_PARTY: dict[str, tuple[str, str, list[Label]]] = {
    "t01": ("https://fr.doczz.net/doc/1547467/rheinland-pfalz---bauantragsformular-1999", "leerer_vordruck", []),
    "t02": ("https://www.heek.de/formulare/fs.php?id=24120-900000019-24120", "leerer_vordruck", []),
    "t03": ("https://expydoc.com (KFZ-Stellplatzbaulast, Zeichenerklärung)", "planlegende", []),
    "t04": ("https://bauportal.nrw/glossary-term/12", "infoseite", []),
    "t05": ("https://gelsenkirchen.de/de/_meta/buergerservice/1613-baugenehmigung", "infoseite", []),
    "t06": ("https://www.lennestadt.de/index.php?ModID=10&FID=3905.981.1&object=tx%2C3905.2.1", "infoseite", []),
    "t07": ("https://www.drklein.de/finanzlexikon/bauantrag.html", "infoseite", []),
    "t08": ("https://pdfslide.org/documents/d-er-erfolgreiche-eg-zur-b-erhalten-sie-neben-den-"
            "bauantragsformularen-weitere.html", "infoseite", []),
    "t09": ("https://evergabe.com/es/licitaciones/dachabdichtungsarbeiten-1301960", "baubeschreibung", [
        ("hoehe_bauo_m", "4", "beträgt ca. 4,00 m", "4,00"),
        ("gebaeudeklasse", "3", "in Gebäudeklasse 3 einzuordnen", "3"),
        ("gebaeudehoehe_m", "9.08", "bis Attika 9,08 m", "9,08"),
    ]),
    "t10": ("https://www.arbeitssicherheit.de/schriften/dokument/0%253A7824955.html", "brandschutz", [
        ("bauherr", "Gemeinde Musterstadt", "1.3 Bauherr\n\nGemeinde Musterstadt", "Gemeinde Musterstadt"),
        ("gebaeudeklasse", "5", "GK 5", "5"),
        ("gebaeudehoehe_m", "12", "Höhe ca. 12 m", "12"),
    ]),
    "t11": ("https://www.arbeitssicherheit.de/schriften/dokument/0%253A7824947.html", "brandschutz_muster", []),
    "t12": ("https://brandschutzfachplaner.de/flarum/d/1193-gebäudeklasse_4_oder_5", "forum", []),
    "t13": ("https://www.baunetzwissen.de/glossar/g/gebaeudeklassen-3381247", "infoseite", []),
    "t14": ("https://brandschutzfachplaner.de/flarum/d/1542-geb%C3%A4udeklassen", "forum", []),
    "t15": ("https://modelldesign.net/gebaudeklassen-und-brandschutzkonzepte-der-rechtliche-rahmen-beim-bauen-"
            "in-deutschland", "infoseite", []),
    "t16": ("https://heinrich-brandmeldetechnik.de/magazin/richtlinien-normen/wie-wirkt-sich-die-gebaeudeklasse-"
            "in-bayern-auf-den-brandschutz-aus", "infoseite", []),
    "t17": ("https://politik-bei-uns.de/file/5b937f921d8f32e918634213", "ratsvorlage", []),
    "t18": ("https://ratsinfo.stadt.lueneburg.de/bi/to020.asp?TOLFDNR=29913", "ratsvorlage", []),
    "t19": ("https://docslib.org/doc/8871004/geranienweg-der-stadt-bad-krozingen-landkreis-breisgau-"
            "hochschwarzwald", "satzung", []),
    "t20": ("https://www.yumpu.com/de/document/view/8128424/bebauungsplan-der-ortsgemeinde-wasserliesch-"
            "teilgebiet-konz", "bebauungsplan_begruendung", [
        ("gemarkung", "Wasserliesch", "Gemarkung: Wasserliesch", "Wasserliesch"),
        ("flur", "7", "Flur: 7", "7"),
    ]),
    "t21": ("https://ris.komuna.net/tuerkenfeld/Agendaitem.mvc/Prev/89250384/3729", "ratsvorlage", [
        ("gemarkung", "Türkenfeld", "jeweils Gemarkung Türkenfeld", "Türkenfeld"),
        ("flurstueck", "278, 278/2, 284, 284/1, 284/2, 284/5, 284/7, 284/12, 284/13, 284/16, 284/22, 284/24, 284/25",
         "Flur Nrn. 278, 278/2, 284, 284/1", "278, 278/2, 284, 284/1"),
    ]),
    "t22": ("http://www.energie-experten.org/ratgeber/urteile/urteil-anzeigen/news/immissionsschutzrechtliche-"
            "genehmigung-fuer-zwei-windkraftanlagen-3064.html", "urteil", [
        ("flur", "15", "Flur 15,", "15"),
        ("flurstueck", "33, 46", "Flurstücke 33 und 46", "33 und 46"),
    ]),
    "t23": ("https://openjur.de/u/2196758.html", "urteil", []),
    "t24": ("https://huegelland.net/widerspruch.htm", "brief", []),
    "t25": ("https://de.readkong.com/page/genehmigungsverfahren-nach-dem-3235847", "infoseite", []),
    "t26": ("https://global.properties/de/germany/o177569", "expose", []),
    "t27": ("https://massivhaus-reuter.de/bauplatzverkauf/", "infoseite", []),
    "t28": ("https://profilpelajar.com/de/Ma%C3%9F_der_baulichen_Nutzung", "infoseite", []),
    "t29": ("https://expydoc.com/doc/10915893/erhebungsbogen-f%C3%BCr-baugenehmigung-baurechtliches-verfahren",
            "leerer_vordruck", []),
    "t30": ("https://fimportal.de/document-profiles/D13000090/1.1?page=90&page_size=20&resource=document-profile",
            "infoseite", []),
    "t31": ("https://www.riwis.de/online_test/info.php3?cityid=&info_topic=bauf_wohn", "infoseite", []),
    "t32": ("http://www.domino1.stuttgart.de/web/ksd/KSDRedSystem.nsf/3773c106d8cc9a76c1256ad900302205/"
            "e28bfe64dc69524dc1257e35003192bf?OpenDocument", "ratsvorlage", []),
    "t33": ("http://icchofmann.de/cgi-bin/docorder?FM_ND=2018061509130390462", "ausschreibung", []),
    "t34": ("https://berghoff-architektur.de/project/neubau-einfamilienhaus-eingeschossig/", "projektseite", [
        ("vollgeschosse", "1", "baurechtlich eingeschossiges Gebäude", "eingeschossiges"),
    ]),
    "t35": ("https://digitale-gesetze.de/gesetze/bauvorl__baupruef__uebao/2", "gesetz", []),
    "t36": ("https://homeday.de/de/immobilienlexikon/amtlicher-lageplan", "infoseite", []),
    "t37": ("https://bauportal.nrw/glossary-term/147", "infoseite", []),
    "t38": ("https://www2.duesseldorf.de/bauaufsichtsamt/baulexikon-a-z/entwurfsverfasser", "infoseite", []),
    "t39": ("https://www.haufe.de/immobilien/verwalterpraxis/landesbauordnung-nordrhein-westfalen-2018-67-"
            "bauvorlageberechtigung_idesk_PI9865_HI13231059.html", "gesetz", []),
    "t40": ("https://hausbau24.de/bauinfos/?id=375&pathdepth3=/grundfl?chenzahl", "infoseite", []),
    "t41": ("https://knowledge.syte.ms/knowledge/grz-gfz-und-bmz", "infoseite", []),
    "t42": ("https://www.egg.at/gemeindeamt/bauamt/bauanzeige/", "infoseite", []),
    "t43": ("https://www.gesetze-im-internet.de/bgbeg/art_249__2.html", "gesetz", []),
    "t44": ("https://studylibde.com/doc/7795513/inhhaaltsverzeichn-is", "kostenschaetzung", []),
    "t45": ("https://studylibde.com/doc/12639569/protokollpreisgericht-ssitzung", "protokoll", []),
    "t46": ("https://www.bsr-immobilienberatung.de/lexikon/baubeschreibung/", "infoseite", []),
    "t47": ("https://vermessung-ef.de/faq-items/was-ist-ein-lageplan-zum-bauantrag", "infoseite", []),
    "t48": ("https://www.immobilienforum.net/baubeschreibung/", "infoseite", []),
}

OWN_DOCS: dict[str, tuple[str, list[Label]]] = {
    "e01_mail_architektin": ("email", [
        ("vollgeschosse", "3", "hat drei Vollgeschosse", "drei"),
        ("wohneinheiten", "9", "insgesamt 9 Wohneinheiten", "9"),
        ("hoehe_bauo_m", "8.85", "liegt bei 8,85 m", "8,85"),
        ("gebaeudeklasse", "4", "Gebäudeklasse 4", "4"),
        ("brutto_rauminhalt_m3", "4312.6", "4.312,6 m³", "4.312,6"),
        ("entwurfsverfasser", "Katharina Osterfeld", "Katharina Osterfeld\nArchitektin", "Katharina Osterfeld"),
        ("kammer_nummer", "091233", "Mitgl.-Nr. 091233", "091233"),
    ]),
    "e02_pdftotext_antrag_ausgefuellt": ("antrag_formular", [
        ("bauherr", "Hüsken, Bernd und Marlies", "Hüsken, Bernd und Marlies", "Hüsken, Bernd und Marlies"),
        ("kammer_nummer", "077 512", "AKNW 077 512", "077 512"),
        ("entwurfsverfasser", "Terhorst, Jan", "Terhorst, Jan –", "Terhorst, Jan"),
        ("gemarkung", "Bork", "Bork   ", "Bork"),
        ("flur", "11", "    11    ", "11"),
        ("flurstueck", "318", "    318", "318"),
        ("gebaeudeklasse", "1", " X 1 ", "1"),
    ]),
    "e03_leerer_vordruck_baubeschreibung": ("leerer_vordruck", []),
    "e04_bayern_plankopf": ("plankopf", [
        ("flurstueck", "1482/3", "Fl.Nr. 1482/3", "1482/3"),
        ("gemarkung", "Aubing", "Gemarkung Aubing", "Aubing"),
        ("bauherr", "Wohnbau Isartal GmbH & Co. KG", "Wohnbau Isartal GmbH & Co. KG", "Wohnbau Isartal GmbH & Co. KG"),
        ("entwurfsverfasser", "Thomas Sedlmeier", "(FH) Thomas Sedlmeier", "Thomas Sedlmeier"),
        ("kammer_nummer", "187654", "Nr. 187654", "187654"),
        ("firsthoehe_m", "9.45", "Firsthöhe 9,45 m", "9,45"),
        ("traufhoehe_m", "6.2", "(traufseitig) 6,20 m", "6,20"),
        ("gebaeudeklasse", "2", "Gebäudeklasse 2", "2"),
    ]),
    "e05_bri_geschossweise": ("berechnung", [
        ("brutto_rauminhalt_m3", "1036.3", "1.036,30 m³", "1.036,30"),
        ("entwurfsverfasser", "Frauke Wiemann", "Frauke Wiemann, Architektin", "Frauke Wiemann"),
    ]),
    "e06_betriebsbeschreibung_ausgefuellt": ("betriebsbeschreibung", [
        ("bauherr", "Kfz-Werkstatt Demir GmbH", "Antragsteller/in: Kfz-Werkstatt Demir GmbH",
         "Kfz-Werkstatt Demir GmbH"),
        ("gemarkung", "Unna", "Gemarkung Unna", "Unna"),
        ("flur", "32", "Flur 32", "32"),
        ("flurstueck", "77/4", "Flurstück 77/4", "77/4"),
    ]),
    "e07_brandschutznachweis_nrw": ("brandschutz", [
        ("bauherr", "Stadt Paderborn", "Bauherrin: Stadt Paderborn", "Stadt Paderborn"),
        ("hoehe_bauo_m", "3.6", "beträgt 3,60 m", "3,60"),
        ("gebaeudeklasse", "3", "Gebäudeklasse: 3", "3"),
    ]),
    "e08_statik_deckblatt": ("statik", [
        ("flurstueck", "1204", "Flurstück 1204", "1204"),
        ("flur", "9", "Flur 9", "9"),
        ("gemarkung", "Hörde", "Gemarkung Hörde", "Hörde"),
        ("bauherr", "Stefan Köhnen", "Dr. Stefan Köhnen", "Stefan Köhnen"),
    ]),
    "e09_ocr_bauantrag_scan": ("antrag_formular_ocr", [
        ("bauherr", "Schulze-Eckhoff Landtechnik GmbH", "Schulze-Eckhoff Landtechnik GmbH",
         "Schulze-Eckhoff Landtechnik GmbH"),
        ("entwurfsverfasser", "Brockmann, Ulrike", "Brockmann, Ulrike -", "Brockmann, Ulrike"),
        ("kammer_nummer", "703 418", "7O3 418", "7O3 418"),
        ("gemarkung", "Dülmen-Kirchspiel", "Dülmen-Kirchspiel", "Dülmen-Kirchspiel"),
        ("flur", "40", "Flur(e)  4O", "4O"),
        ("flurstueck", "18, 19/1", "18, 19/1", "18, 19/1"),
        ("gebaeudeklasse", "3", "[X] 3", "3"),
    ]),
    "e10_mass_berechnung_spalten": ("berechnung", [
        ("gemarkung", "Heessen", "Gemarkung Heessen", "Heessen"),
        ("flur", "2", "Flur 2,", "2"),
        ("flurstueck", "516", "Flurstück 516", "516"),
        ("grz", "0.27", "0,4               0,27", "0,27"),
        ("gfz", "0.49", "0,49", "0,49"),
        ("vollgeschosse", "2", "II                 II", "II"),
    ]),
    "e11_vollmacht": ("vollmacht", [
        ("bauherr", "Renate Voß", "Renate Voß\n(Bauherrin)", "Renate Voß"),
        ("gemarkung", "Schwerte", "Gemarkung Schwerte", "Schwerte"),
        ("flur", "21", "Flur 21", "21"),
        ("flurstueck", "402", "Flurstück 402", "402"),
    ]),
    "e12_nachbarzustimmung": ("nachbarzustimmung", [
        ("gemarkung", "Lünen", "Gemarkung Lünen, Flur 14, Flurstück 233", "Lünen"),
        ("flur", "14", "Flur 14, Flurstück 233", "14"),
        ("flurstueck", "233", "Flurstück 233", "233"),
        ("bauherr", "Familie Aydin", "Familie Aydin", "Familie Aydin"),
    ]),
    "e13_info_seite_gebaeudeklasse": ("infoseite", []),
    "e14_baulast_erklaerung": ("baulast", [
        ("gemarkung", "Herdecke", "Gemarkung Herdecke", "Herdecke"),
        ("flur", "3", "Flur 3", "3"),
        ("flurstueck", "89/2", "Flurstück 89/2", "89/2"),
    ]),
    "e15_tabelle_kennwerte_ocr": ("kennwerte_ocr", [
        ("grz", "0.21", "| 0,21", "0,21"),
        ("gfz", "0.39", "| 0,39", "0,39"),
        ("vollgeschosse", "2", "Vollgeschosse              | 2", "2"),
        ("wohneinheiten", "2", "Wohneinheiten              | 2", "2"),
        ("brutto_rauminhalt_m3", "1144", "1.144 m3", "1.144"),
        ("hoehe_bauo_m", "5.63", "5,63 m", "5,63"),
        ("gebaeudeklasse", "1", "Gebaudeklasse              | 1", "1"),
        ("entwurfsverfasser", "Kerstin Lohmann", "Kerstin Lohmann", "Kerstin Lohmann"),
    ]),
    "e16_schallschutz_deckblatt": ("schallschutz", [
        ("wohneinheiten", "6", "mit 6 Wohneinheiten", "6"),
        ("bauherr", "Bauverein Hamm eG", "Bauverein Hamm eG", "Bauverein Hamm eG"),
    ]),
    "e17_waermeschutz_geg": ("waermeschutz", [
        ("bauherr", "Miriam und Tobias Kuhlmann", "Miriam und Tobias Kuhlmann", "Miriam und Tobias Kuhlmann"),
    ]),
    "e18_antrag_mit_ankreuzoptionen": ("vorbescheid", [
        ("bauherr", "Stadtwerke Bergkamen GmbH", "Stadtwerke Bergkamen GmbH", "Stadtwerke Bergkamen GmbH"),
        ("gemarkung", "Weddinghofen", "Weddinghofen", "Weddinghofen"),
        ("flur", "7", "Flur: 7", "7"),
        ("flurstueck", "144", "Flurstück: 144", "144"),
        ("gebaeudehoehe_m", "8.5", "Gesamthöhe von 8,50 m", "8,50"),
    ]),
    "e19_plankopf_schnitt_ohne_werte": ("plankopf", []),
    "e20_kostenberechnung": ("kostenermittlung", [
        ("brutto_rauminhalt_m3", "9033.6", "9.033,60 m³", "9.033,60"),
        ("bauherr", "Logistik Westfalen Hellweg GmbH", "Logistik Westfalen Hellweg GmbH",
         "Logistik Westfalen Hellweg GmbH"),
    ]),
    "e21_schreiben_behoerde_nachforderung": ("behoerdenschreiben", [
        ("gemarkung", "Frömern", "Gemarkung Frömern", "Frömern"),
        ("flur", "5", "Flur 5", "5"),
        ("flurstueck", "301", "Flurstück 301", "301"),
    ]),
    "e22_baubeschreibung_stichpunkte_neu": ("baubeschreibung", [
        ("vollgeschosse", "3", "künftig 3 Vollgeschosse", "3"),
        ("hoehe_bauo_m", "6.95", "6,95 m", "6,95"),
        ("gebaeudeklasse", "3", "Aufstockung: 3", "3"),
        ("bauherr", "Rheinische Straße 7 Grundbesitz GbR", "Rheinische Straße 7 Grundbesitz GbR",
         "Rheinische Straße 7 Grundbesitz GbR"),
        ("entwurfsverfasser", "Hannah Okafor", "Hannah Okafor", "Hannah Okafor"),
    ]),
    "e23_abstandsflaechen": ("abstandsflaechen", [
        ("flurstueck", "77", "Flurstück 77", "77"),
    ]),
    "e24_lageplan_legende": ("lageplan", [
        ("gemarkung", "Scheidingen", "Gemarkung Scheidingen", "Scheidingen"),
        ("flur", "6", "Flur 6", "6"),
        ("flurstueck", "112", "Flurstück 112", "112"),
    ]),
    "e25_protokoll_bauberatung": ("protokoll", [
        ("gemarkung", "Bönen", "Gemarkung Bönen", "Bönen"),
        ("flur", "1", "Flur 1,", "1"),
        ("flurstueck", "560", "Flurstück 560", "560"),
    ]),
    "e26_bvb_bescheinigung": ("bauvorlageberechtigung", [
        ("entwurfsverfasser", "Markus Feldhaus", "Dipl.-Ing. Markus Feldhaus", "Markus Feldhaus"),
        ("kammer_nummer", "712.045", "Nr. 712.045", "712.045"),
    ]),
    "e27_garage_antrag_kurz": ("antrag_formular", [
        ("bauherr", "Dieter und Sabine Rosendahl", "Dieter und Sabine Rosendahl", "Dieter und Sabine Rosendahl"),
        ("gemarkung", "Rünthe", "Gemarkung Rünthe", "Rünthe"),
        ("flur", "2", "Flur 2,", "2"),
        ("flurstueck", "1033", "Flurstück 1033", "1033"),
        ("gebaeudeklasse", "1", "Gebäudeklasse 1", "1"),
    ]),
    "e28_entwaesserungsantrag": ("entwaesserung", [
        ("gemarkung", "Lendringsen", "Gemarkung Lendringsen", "Lendringsen"),
        ("flur", "8", "Flur 8", "8"),
        ("flurstueck", "271", "Flurstück 271", "271"),
    ]),
    "e29_baubeschreibung_prosa_neu": ("baubeschreibung", [
        ("gemarkung", "Letmathe", "Gemarkung Letmathe", "Letmathe"),
        ("flur", "17", "Flur 17", "17"),
        ("flurstueck", "2210", "Flurstück 2210", "2210"),
        ("vollgeschosse", "2", "zwei Vollgeschosse", "zwei"),
        ("wohneinheiten", "2", "zwei Wohnungen", "zwei"),
        ("traufhoehe_m", "6.1", "6,10 m", "6,10"),
        ("firsthoehe_m", "10.35", "10,35 m", "10,35"),
        ("bauherr", "Elena und Marco Ferraro", "Elena und Marco Ferraro", "Elena und Marco Ferraro"),
        ("entwurfsverfasser", "Jonas Kettler", "Jonas Kettler", "Jonas Kettler"),
    ]),
    "e30_statistik_ausgefuellt": ("statistik", [
        ("vollgeschosse", "3", "Vollgeschosse ........ 3", "3"),
        ("brutto_rauminhalt_m3", "2874", "2.874", "2.874"),
        ("wohneinheiten", "6", "Wohnungen ........ 6", "6"),
    ]),
    "e31_satzung_stellplatz": ("satzung", []),
    "e32_email_bauherr_frage": ("forum", []),
    "e33_bauantrag_tabellarisch_ocr": ("antrag_formular_ocr", [
        ("bauherr", "Wohnungsgenossenschaft Ruhr-Lippe eG", "Wohnungsgenossenschaft Ruhr-Lippe eG",
         "Wohnungsgenossenschaft Ruhr-Lippe eG"),
        ("entwurfsverfasser", "Arne Möllers", "Arne Möllers", "Arne Möllers"),
        ("kammer_nummer", "08 3319", "O8 3319", "O8 3319"),
        ("gemarkung", "Datteln", "Datteln", "Datteln"),
        ("flur", "21", "       21", "21"),
        ("flurstueck", "567, 568", "567, 568", "567, 568"),
        ("wohneinheiten", "12", "12 WE", "12"),
        ("gebaeudeklasse", "4", "               4", "4"),
        ("vollgeschosse", "4", "    IV", "IV"),
        ("hoehe_bauo_m", "10.25", "10,25 m", "10,25"),
        ("brutto_rauminhalt_m3", "5980", "5.980 m³", "5.980"),
    ]),
    "e34_teilungsantrag": ("teilungsantrag", [
        ("gemarkung", "Holzwickede", "Gemarkung Holzwickede", "Holzwickede"),
        ("flur", "3", "Flur 3", "3"),
        ("flurstueck", "415", "Flurstück 415 ", "415"),
        ("vollgeschosse", "1", "mit 1 Vollgeschoss", "1"),
    ]),
    "e35_footnote_form_filled": ("antrag_formular", [
        ("gebaeudeklasse", "2", "Gebäudeklasse² : 2", "2"),
        ("vollgeschosse", "2", "Vollgeschosse³ : 2", "2"),
        ("wohneinheiten", "1", "Wohnungen : 1", "1"),
    ]),
    "e36_werbeanlage": ("antrag_formular", [
        ("bauherr", "Ströer Media Deutschland GmbH", "Ströer Media Deutschland GmbH", "Ströer Media Deutschland GmbH"),
        ("gemarkung", "Werl", "Gemarkung Werl", "Werl"),
        ("flur", "16", "Flur 16", "16"),
        ("flurstueck", "88", "Flurstück 88", "88"),
    ]),
    # Batch 2: written after the extractor's rules were changed (regeln-2026.2) and labelled before it was run on
    # them; measured once (measurements/04-*).
    "f01_antwortschreiben_architekt": ("brief", [
        ("gemarkung", "Beckum", "Gemarkung Beckum", "Beckum"),
        ("flur", "44", "Flur 44", "44"),
        ("flurstueck", "96", "Flurstück 96", "96"),
        ("gebaeudeklasse", "3", "Gebäudeklasse 3", "3"),
        ("hoehe_bauo_m", "6.4", "beträgt 6,40 m", "6,40"),
        ("wohneinheiten", "4", "4 Wohnungen", "4"),
        ("entwurfsverfasser", "Ruth Hegemann", "Dipl.-Ing. Ruth Hegemann", "Ruth Hegemann"),
        ("kammer_nummer", "058831", "AKNW-Nr. 058831", "058831"),
    ]),
    "f02_formular_zweispaltig_leer_teilweise": ("antrag_formular", [
        ("bauherr", "Evangelische Kirchengemeinde Ahlen", "Evangelische Kirchengemeinde Ahlen",
         "Evangelische Kirchengemeinde Ahlen"),
        ("gemarkung", "Ahlen", "Ahlen              12", "Ahlen"),
        ("flur", "12", "Ahlen              12", "12"),
        ("flurstueck", "311/7", "311/7", "311/7"),
    ]),
    "f03_bri_tabelle_geschosse": ("berechnung", [
        ("brutto_rauminhalt_m3", "1861.33", "1.861,33 m³", "1.861,33"),
    ]),
    "f04_info_vollgeschoss": ("infoseite", []),
    "f05_ocr_kammerbescheinigung": ("bauvorlageberechtigung", [
        ("entwurfsverfasser", "Sabine Oelmann-Kraft", "Sabine Oelmann-Kraft", "Sabine Oelmann-Kraft"),
        ("kammer_nummer", "123 456", "l23 456", "l23 456"),
    ]),
    "f06_baubeschreibung_vordruck_ausgefuellt": ("baubeschreibung", [
        ("gebaeudeklasse", "2", "☒ 2", "2"),
        ("vollgeschosse", "2", "Vollgeschosse¹                   2", "2"),
        ("hoehe_bauo_m", "3.35", "3,35 m", "3,35"),
        ("wohneinheiten", "2", "Wohnungen                        2", "2"),
        ("brutto_rauminhalt_m3", "812.4", "812,40 m³", "812,40"),
    ]),
    "f07_statik_pruefbericht": ("statik", [
        ("gemarkung", "Drensteinfurt", "Gemarkung Drensteinfurt", "Drensteinfurt"),
        ("flur", "3", "Flur 3", "3"),
        ("flurstueck", "1120", "Flurstück 1120", "1120"),
        ("bauherr", "Stadt Drensteinfurt", "Bauherr: Stadt Drensteinfurt", "Stadt Drensteinfurt"),
    ]),
    "f08_wohnungsliste": ("berechnung", [
        ("wohneinheiten", "5", "in 5 Wohnungen", "5"),
    ]),
    "f09_bauvoranfrage_brief": ("vorbescheid", [
        ("gemarkung", "Sendenhorst", "Gemarkung Sendenhorst", "Sendenhorst"),
        ("flur", "19", "Flur 19", "19"),
        ("flurstueck", "205", "Flurstück 205", "205"),
        ("vollgeschosse", "1", "einem Vollgeschoss", "einem"),
        ("firsthoehe_m", "9.5", "Firsthöhe von 9,50 m", "9,50"),
    ]),
    "f10_satzung_gestaltung": ("satzung", []),
    "f11_lageplan_schriftlicher_teil": ("lageplan", [
        ("gemarkung", "Opherdicke", "Opherdicke", "Opherdicke"),
        ("flur", "2", "Flur: 2", "2"),
        ("flurstueck", "88, 89", "88, 89", "88, 89"),
        ("grz", "0.28", "= 0,28", "0,28"),
        ("bauherr", "Bernhard und Ilse Tigges", "Bernhard und Ilse Tigges", "Bernhard und Ilse Tigges"),
    ]),
    "f12_email_kurz_nachreichung": ("email", [
        ("brutto_rauminhalt_m3", "1204", "1.204 m³", "1.204"),
    ]),
}
