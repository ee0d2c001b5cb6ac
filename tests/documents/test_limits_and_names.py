"""Images, polyglots, names, sizes and quotas (SECURITY.md rows 2, 5, 6, 8): 4xx in German, nothing stored."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from bauantrag.documents.actions import upload_document
from bauantrag.documents.models import Document
from tests.documents.helpers import API, nothing_stored, stored_files, upload
from tests.factories import draft_case
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A well-formed PNG header claiming the given size, with a tiny IDAT (never decoded)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + _chunk(b"IEND", b""))


def image(fmt: str, size: tuple[int, int] = (4, 3)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, fmt)
    return out.getvalue()


def jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(image("JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5: sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("riesig.png", png_declaring(12_000, 10_000), "Das Bild ist zu groß (12000 × 10000 Pixel); erlaubt sind "
                                                      "höchstens 100 Megapixel."),
        ("riesig.png", png_declaring(100_000, 100_000), "Das Bild ist zu groß; erlaubt sind höchstens 100"),
        ("riesig.jpg", jpeg_declaring(60_000, 60_000), "Das Bild ist zu groß"),
        ("kaputt.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Die Bilddatei ist beschädigt"),
        ("foto.png", image("GIF"), "Dateiformat nicht zulässig"),
        ("plan.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
         "Dateiformat nicht zulässig"),
        ("plan.png", b"<html><body onload=alert(1)></body></html>", "Dateiformat nicht zulässig"),
        ("x.pdf%00.exe", minimal_pdf(), "trägt aber die Endung „.exe“"),
        ("a.jpg.php", image("JPEG"), "trägt aber die Endung „.php“"),
    ],
    ids=["png-pixel-flood", "png-pixel-flood-beyond-pillow-limit", "jpeg-pixel-flood",
         "broken-png", "gif-as-png", "svg-script", "html-as-png",
         "nul-exe", "double-extension"],
)
def test_bad_images_and_type_confusion_are_refused(
    applicant: Any, applicant_client: Client, name: str, content: bytes, message: str
) -> None:
    case = draft_case(applicant)
    response = upload(applicant_client, case, name, content, "2003")
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"][0]["detail"]
    assert nothing_stored()


def test_images_within_bounds_are_stored_as_uploaded(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    for name, content in (("foto.png", image("PNG")), ("foto.jpg", image("JPEG")), ("scan.tif", image("TIFF")),
                          ("gerade.png", png_declaring(10_000, 10_000))):
        response = upload(applicant_client, case, name, content, "2003")
        assert response.status_code == 201, response.content
        served = applicant_client.get(response.json()["links"]["content"])
        assert b"".join(served.streaming_content) == content


def test_polyglot_png_with_html_is_only_ever_an_attachment(applicant: Any, applicant_client: Client) -> None:
    """HTML appended after the PNG's end is refused (test_bombs_and_polyglots); inside a text chunk it is part of a
    valid PNG, and a browser must never run it."""
    case = draft_case(applicant)
    whole = image("PNG")
    end = whole.rindex(b"IEND") - 4
    html = _chunk(b"tEXt", b"Comment\0<html><script>alert(document.cookie)</script></html>")
    polyglot = whole[:end] + html + whole[end:]
    response = upload(applicant_client, case, "bild.png", polyglot, "2003")
    assert response.status_code == 201
    document_id = response.json()["id"]
    for url in (f"/dokumente/{document_id}/", f"{API}/documents/{document_id}/content/"):
        served = applicant_client.get(url)
        assert served["Content-Type"] == "image/png" and served["X-Content-Type-Options"] == "nosniff"
        assert served["Content-Disposition"].startswith("attachment;")
        assert served["Content-Security-Policy"] == "sandbox"
    assert applicant_client.get(f"/dokumente/{document_id}/ansicht/").status_code == 404


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.ini.pdf", "win.ini.pdf"),
        ('Plan"; filename="evil.exe.pdf', "evil.exe.pdf"),  # as Django's multipart parser reads the header
        ("Plan\"ung.pdf", "Planung.pdf"),
        ("Rechnung\u202egnp.pdf", "Rechnunggnp.pdf"),
        ("CON.pdf", "Dokument.pdf"),
        ("lpt1.pdf", "Dokument.pdf"),
        ("a" * 296 + ".pdf", "a" * 140 + ".pdf"),
    ],
)
def test_file_name_attacks_are_sanitised(applicant: Any, applicant_client: Client, name: str, expected: str) -> None:
    case = draft_case(applicant)
    response = upload(applicant_client, case, name, minimal_pdf())
    assert response.status_code == 201, response.content
    assert response.json()["display_name"] == expected
    [path] = stored_files()
    assert len(path.name) == 32 and path.parent.name == str(case.tenant_id)  # a random name under the tenant
    served = applicant_client.get(response.json()["links"]["content"])
    disposition = served["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition and "\u202e" not in disposition
    assert disposition.count('"') == 2


def test_crlf_in_names_never_reaches_a_header(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    # Through HTTP the multipart parser cuts the name at the line break: no extension left, so refused.
    response = upload(applicant_client, case, "Lageplan\r\nSet-Cookie: a=b.pdf", minimal_pdf())
    assert response.status_code == 400 and "trägt aber die Endung „(keine)“" in response.json()["errors"][0]["detail"]
    assert nothing_stored()
    # Another client could deliver the name intact: the action removes the control characters.
    document = upload_document(applicant, case, SimpleUploadedFile("Lageplan\r\nSet-Cookie: a=b.pdf", minimal_pdf()),
                               "1803")
    assert document.display_name == "LageplanSet-Cookie a=b.pdf"
    disposition = applicant_client.get(f"/dokumente/{document.pk}/")["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition


def test_oversized_file_is_refused_via_api_and_page(settings: Any, applicant: Any, applicant_client: Client) -> None:
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    case = draft_case(applicant)
    big = minimal_pdf() + b"%" + b"x" * (3 * 1024 * 1024)
    response = upload(applicant_client, case, "gross.pdf", big)
    assert response.status_code == 400
    assert "Die Datei ist zu groß" in response.json()["errors"][0]["detail"]
    page = applicant_client.post(f"/antraege/{case.pk}/bauvorlagen/",
                                 {"file": SimpleUploadedFile("gross.pdf", big), "document_type": "1803"})
    assert page.status_code == 400 and "Die Datei ist zu groß" in page.content.decode()
    assert nothing_stored()


def test_lying_content_length_is_refused(applicant: Any, applicant_client: Client) -> None:
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    case = draft_case(applicant)
    body = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("plan.pdf", minimal_pdf()), "document_type": "1803"})
    response = applicant_client.generic("POST", f"{API}/applications/{case.pk}/documents/", body[: len(body) // 2],
                                        content_type=MULTIPART_CONTENT, CONTENT_LENGTH=str(len(body) // 2))
    assert 400 <= response.status_code < 500
    assert nothing_stored()


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("DOCUMENT_TENANT_QUOTA_BYTES", "Der Speicherplatz der Bauaufsicht für Bauvorlagen ist erschöpft"),
        ("DOCUMENT_MAX_PER_USER_PER_DAY", "in den letzten 24 Stunden bereits 2 Dateien hochgeladen"),
        ("DOCUMENT_MAX_PER_CASE", "Es sind bereits 2 Dateien hochgeladen"),
    ],
)
def test_quotas(settings: Any, applicant: Any, applicant_client: Client, setting: str, message: str) -> None:
    pdf = minimal_pdf()
    setattr(settings, setting, 2 * len(pdf) + 10 if setting == "DOCUMENT_TENANT_QUOTA_BYTES" else 2)
    case = draft_case(applicant)
    for _ in range(2):
        assert upload(applicant_client, case, "plan.pdf", pdf).status_code == 201
    before = stored_files()
    other_case = draft_case(applicant) if setting != "DOCUMENT_MAX_PER_CASE" else case
    response = upload(applicant_client, other_case, "plan.pdf", pdf)
    assert response.status_code == 400 and message in response.json()["errors"][0]["detail"]
    assert Document.objects.count() == 2 and stored_files() == before
