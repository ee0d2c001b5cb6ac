"""The corpus generator: deterministic, honest splits, labels that match the text, real PDFs."""

from __future__ import annotations

import dataclasses

import pypdfium2 as pdfium

from bauantrag.assist.corpus import CLASS_NAMES, CLASSES, FIELD_KEYS, generate, render_pdf
from tests.assist.classification.helpers import sample


def test_same_seed_same_documents_and_splits_differ() -> None:
    first = generate("train", seed=5, per_class=2)
    again = generate("train", seed=5, per_class=2)
    test = generate("test", seed=5, per_class=2)
    assert [s.pages for s in first] == [s.pages for s in again]
    assert {s.doc_class for s in first} == set(CLASS_NAMES)
    assert not {p for s in first for p in s.pages} & {p for s in test for p in s.pages}


def test_heldout_layout_variants_only_in_the_test_split() -> None:
    heldout = {f"{c.name}.{v}" for c in CLASSES for v in c.heldout}
    train_variants = {s.variant.split("+")[0] for s in generate("train", seed=11, per_class=30)}
    test = generate("test", seed=11, per_class=30)
    assert not train_variants & heldout
    assert {s.variant.split("+")[0] for s in test if s.heldout} <= heldout
    assert sum(s.heldout for s in test) > len(test) // 4


def test_fields_are_written_in_the_text() -> None:
    item = sample("baubeschreibung", "vordruck")
    text = "\n".join(item.pages)
    assert set(item.fields) <= set(FIELD_KEYS)
    assert {"bauherr", "flurstueck", "gemarkung", "gebaeudeklasse", "brutto_rauminhalt_m3"} <= set(item.fields)
    assert item.fields["flurstueck"] in text and item.fields["bauherr"] in text
    german = item.fields["brutto_rauminhalt_m3"].replace(".", ",")
    assert german.split(",")[0][-3:] in text.replace(".", "")


def test_text_pdf_has_the_words_and_scan_has_no_text_layer() -> None:
    item = sample("vollmacht", "formular")
    text_pdf = pdfium.PdfDocument(render_pdf(item))
    extracted = " ".join(text_pdf[i].get_textpage().get_text_range() for i in range(len(text_pdf)))
    assert item.fields["bauherr"].split()[-1] in extracted
    scanned = pdfium.PdfDocument(render_pdf(dataclasses.replace(item, scanned=True)))
    assert len(scanned) == len(item.pages)
    assert all(not scanned[i].get_textpage().get_text_range().strip() for i in range(len(scanned)))
