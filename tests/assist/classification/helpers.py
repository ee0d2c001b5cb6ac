"""Real PDFs of corpus documents for the classification tests."""

from __future__ import annotations

import dataclasses

from django.core.files.uploadedfile import SimpleUploadedFile

from bauantrag.assist.corpus import BY_NAME, Sample, generate_one, render_pdf

# Seeds that none of the shipped splits uses (train 20260701, test 7310447 mix the split name into the seed).
FRESH_SEED = 424242


def sample(doc_class: str, variant: str, seed: int = 1, scanned: bool = False) -> Sample:
    made = generate_one(BY_NAME[doc_class], "test", FRESH_SEED + seed, scanned_fraction=0.0, variant=variant)
    return dataclasses.replace(made, scanned=scanned)


def pdf_file(item: Sample, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, render_pdf(item), content_type="application/pdf")
