"""The XBau code list vorlagenantragstellung 4.0 and its use by the completeness rules."""

import hashlib
import re
from pathlib import Path

import pytest

from bauantrag.formats.xbau_codelist import (
    CodeListError,
    codelist_version,
    document_type_names,
    document_types,
    parse_codelist,
)
from bauantrag.rules.nrw.baupruefvo.bauvorlagen import BAUVORLAGEN

DATA = Path(__file__).resolve().parents[2] / "bauantrag" / "data" / "xbau"
HEADER = b'<?xml version="1.0"?>\n'
GC = b'xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"'


def codelist(rows: bytes, short_name: bytes = b"vorlagenantragstellung") -> bytes:
    return (
        HEADER
        + b"<gc:CodeList "
        + GC
        + b"><Identification><ShortName>"
        + short_name
        + b'</ShortName><Version>1.0</Version></Identification><ColumnSet><Column Id="Code"/>'
        + b'<Column Id="beschreibung"/></ColumnSet><SimpleCodeList>'
        + rows
        + b"</SimpleCodeList></gc:CodeList>"
    )


def row(code: bytes, name: bytes) -> bytes:
    return (
        b'<Row><Value ColumnRef="Code"><SimpleValue>' + code + b"</SimpleValue></Value>"
        b'<Value ColumnRef="beschreibung"><SimpleValue>' + name + b"</SimpleValue></Value></Row>"
    )


def test_die_codeliste_hat_172_bauvorlagenarten_in_version_4_0() -> None:
    types = document_types()
    assert len(types) == 172
    assert codelist_version() == "4.0"
    assert ("1803", "Lageplan") in types
    assert ("2705", "Brandschutzkonzept") in types


def test_die_liste_ist_zwischengespeichert_aber_eine_kopie() -> None:
    first = document_types()
    first.clear()
    assert len(document_types()) == 172


def test_jeder_code_der_vollstaendigkeitspruefung_steht_mit_gleichem_namen_in_der_codeliste() -> None:
    names = document_type_names()
    for bauvorlage in BAUVORLAGEN.values():
        for code, name in {**bauvorlage.accepted, **bauvorlage.generic, **bauvorlage.parts}.items():
            assert names[code] == name, (bauvorlage.slug, code)


def test_die_mitgelieferte_datei_ist_unveraendert_wie_in_sources_md_angegeben() -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    expected = re.search(r"SHA-256 `([0-9a-f]{64})`", sources)
    assert expected is not None
    data = (DATA / "urn_xoev-de_xbau_codeliste_vorlagenantragstellung_4.0.xml").read_bytes()
    assert hashlib.sha256(data).hexdigest() == expected.group(1)


def test_eine_codeliste_mit_doctype_wird_abgelehnt() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
        + codelist(row(b"0001", b"&lol;"))[len(HEADER) :]
    )
    with pytest.raises(CodeListError, match="DOCTYPE"):
        parse_codelist(evil)


def test_eine_andere_codeliste_wird_abgelehnt() -> None:
    with pytest.raises(CodeListError, match="Falsche Code-Liste"):
        parse_codelist(codelist(row(b"0001", b"x"), short_name=b"gebaeudeklasse"))


def test_doppelte_codes_werden_abgelehnt() -> None:
    with pytest.raises(CodeListError, match="doppelt"):
        parse_codelist(codelist(row(b"0001", b"a") + row(b"0001", b"b")))


def test_ungueltige_codes_und_kaputtes_xml_werden_abgelehnt() -> None:
    with pytest.raises(CodeListError, match="ungültiger Eintrag"):
        parse_codelist(codelist(row(b"1", b"a")))
    with pytest.raises(CodeListError, match="wohlgeformt"):
        parse_codelist(b"<gc:CodeList")


def test_eine_kleine_gueltige_codeliste_wird_gelesen() -> None:
    assert parse_codelist(codelist(row(b"0001", b"Eins"))) == ("1.0", [("0001", "Eins")])
