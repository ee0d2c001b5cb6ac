"""Small real files for upload tests, built in code (no binary fixtures to trust blindly)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from bauantrag.documents.samples import minimal_pdf

__all__ = ["minimal_pdf", "pdf_upload"]


def pdf_upload(name: str = "lageplan.pdf", text: str = "Bauvorlage") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf(text), content_type="application/pdf")
