"""Beantragte und ermittelte Verfahrensart (§ 63 Abs. 2 Satz 2 BauO NRW)."""

from bauantrag.rules.model import Vorhaben
from bauantrag.rules.nrw.bauo_nrw.procedure_wish import RULE_ID, compare
from tests.rules.rechtslagen import RL


def wish(requested: str | None) -> Vorhaben:
    return Vorhaben(project_kind="neubau", use="wohngebaeude", procedure_requested=requested)  # type: ignore[arg-type]


def test_stimmt_die_beantragte_mit_der_ermittelten_verfahrensart_ueberein_ist_das_erfuellt() -> None:
    finding = compare(wish("vereinfachtes_verfahren"), "vereinfachtes_verfahren", RL)
    assert finding is not None
    assert finding.rule == RULE_ID
    assert finding.status == "pass"


def test_die_bauherrschaft_darf_statt_der_freistellung_das_vereinfachte_verfahren_beantragen() -> None:
    finding = compare(wish("vereinfachtes_verfahren"), "genehmigungsfreistellung", RL)
    assert finding is not None
    assert finding.status == "pass"
    assert finding.legal_basis == "§ 63 Abs. 2 Satz 2 BauO NRW"


def test_wer_die_freistellung_beantragt_obwohl_das_vereinfachte_verfahren_noetig_ist_wird_geprueft() -> None:
    finding = compare(wish("genehmigungsfreistellung"), "vereinfachtes_verfahren", RL)
    assert finding is not None
    assert finding.status == "needs_review"
    assert "Ermittelt wurde: vereinfachtes Baugenehmigungsverfahren" in finding.message


def test_ohne_beantragte_verfahrensart_gibt_es_keinen_befund() -> None:
    assert compare(wish(None), "vereinfachtes_verfahren", RL) is None


def test_ist_die_verfahrensart_offen_wird_der_wunsch_zur_pruefung_vorgelegt() -> None:
    finding = compare(wish("baugenehmigungsverfahren"), None, RL)
    assert finding is not None
    assert finding.status == "needs_review"
