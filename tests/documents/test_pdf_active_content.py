"""Active PDF content (SECURITY.md row 3): found, listed, removed from the clerk's copy; the original is evidence."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any

import pikepdf
import pytest
from django.test import Client
from pikepdf import Array, Dictionary, Name, String

from bauantrag.cases import actions
from bauantrag.documents.models import Document
from tests.conftest import login
from tests.documents.helpers import (
    API,
    DANGEROUS_ACTIONS,
    DANGEROUS_KEYS,
    active_parts,
    nothing_stored,
    raw_pdf,
    save,
    stored_files,
    upload,
)
from tests.factories import add_documents, clerk_for, draft_case, run_actions_now
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db


def _base() -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(minimal_pdf("Lageplan")))


def javascript_open_action() -> bytes:
    pdf = _base()
    pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=String("app.alert('1')"))
    script = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert('2')")))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("init"), script])))
    return save(pdf)


def launch() -> bytes:
    pdf = _base()
    pdf.pages[0].obj.AA = Dictionary(O=Dictionary(S=Name.Launch, F=String("cmd.exe")))
    return save(pdf)


def embedded_file() -> bytes:
    pdf = _base()
    pdf.attachments["rechnung.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00 not really", mime_type="x/y")
    return save(pdf)


def uri_link() -> bytes:
    pdf = _base()
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 100, 100]),
                      A=Dictionary(S=Name.URI, URI=String("http://169.254.169.254/")))
    pdf.pages[0].obj.Annots = pdf.make_indirect(Array([pdf.make_indirect(link)]))
    return save(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate)  # hidden in an /ObjStm


def xfa_submit_form() -> bytes:
    pdf = _base()
    submit = Dictionary(S=Name.SubmitForm, F=String("https://example.invalid/collect"))
    pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    pdf.pages[0].obj.AA = Dictionary(C=submit)
    return save(pdf)


def hex_obfuscated() -> bytes:
    return raw_pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")


CASES: list[tuple[Callable[[], bytes], dict[str, int]]] = [
    (javascript_open_action, {"JavaScript": 2, "OpenAction": 1}),
    (launch, {"AA": 1, "Launch": 1}),
    (embedded_file, {"EmbeddedFile": 1}),
    (uri_link, {"URI": 1}),
    (xfa_submit_form, {"AA": 1, "SubmitForm": 1, "XFA": 1}),
    (hex_obfuscated, {"JavaScript": 1, "OpenAction": 1}),
]


@pytest.mark.parametrize(("build", "expected"), CASES, ids=[b.__name__ for b, _e in CASES])
def test_active_content_is_listed_and_removed_from_the_clerks_copy(
    applicant: Any, applicant_client: Client, build: Callable[[], bytes], expected: dict[str, int]
) -> None:
    case = draft_case(applicant)
    original = build()
    response = upload(applicant_client, case, "lageplan.pdf", original)
    assert response.status_code == 201, response.content
    document = Document.objects.get(pk=response.json()["id"])
    assert document.active_content == expected
    assert document.inline_storage_name and len(stored_files()) == 2

    keys, kinds = active_parts(original)
    assert keys & DANGEROUS_KEYS or kinds & DANGEROUS_ACTIONS  # the test file really is active

    inline = applicant_client.get(f"/dokumente/{document.pk}/ansicht/")
    assert inline.status_code == 200 and inline["Content-Disposition"].startswith("inline;")
    served = b"".join(inline.streaming_content)  # type: ignore[attr-defined]
    keys, kinds = active_parts(served)
    assert not keys & DANGEROUS_KEYS and not kinds & DANGEROUS_ACTIONS and "attachments" not in keys
    with pikepdf.open(io.BytesIO(served)) as pdf:
        assert len(pdf.pages) == 1  # still the same document for reading

    evidence = applicant_client.get(f"/dokumente/{document.pk}/")
    assert evidence["Content-Disposition"].startswith("attachment;")
    assert evidence["Content-Security-Policy"] == "sandbox"
    assert b"".join(evidence.streaming_content) == original  # type: ignore[attr-defined]


def test_clerk_sees_which_active_content_was_removed(applicant: Any) -> None:
    case = draft_case(applicant)
    add_documents(case)
    response = upload(login(Client(), applicant), case, "lageplan.pdf", javascript_open_action(), "0401")
    assert response.status_code == 201
    with run_actions_now():
        actions.submit(applicant, case)
    clerk = login(Client(), clerk_for(case.tenant))
    page = clerk.get(f"/bauaufsicht/vorgaenge/{case.pk}/").content.decode()
    assert page.count("Aktive Inhalte entfernt: JavaScript (2), OpenAction (1)") == 1
    detail = login(Client(), applicant).get(f"/antraege/{case.pk}/").content.decode()
    assert "Aktive Inhalte entfernt: JavaScript (2), OpenAction (1)" in detail


def test_plain_pdf_has_no_findings_and_is_served_as_uploaded(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    response = upload(applicant_client, case, "lageplan.pdf", minimal_pdf())
    document = Document.objects.get(pk=response.json()["id"])
    assert document.active_content == {} and document.inline_storage_name == "" and len(stored_files()) == 1
    inline = applicant_client.get(f"/dokumente/{document.pk}/ansicht/")
    assert b"".join(inline.streaming_content) == minimal_pdf()  # type: ignore[attr-defined]


def _flate_bomb() -> bytes:
    inflated = 200 * 1024 * 1024  # 200 MB of zeros in a few hundred kB
    compressor = zlib.compressobj(9)
    block = b"\0" * (1024 * 1024)
    packed = b"".join(compressor.compress(block) for _ in range(inflated // len(block))) + compressor.flush()
    pdf = _base()
    stream = pikepdf.Stream(pdf, packed)
    stream.Filter = Name.FlateDecode
    pdf.pages[0].obj.Contents = pdf.make_indirect(stream)
    return save(pdf, stream_decode_level=pikepdf.StreamDecodeLevel.none)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_flate_bomb(), "Dekompressionsbombe"),
        (b"%PDF-1.7\n" + b"\x00garbage that is no PDF at all" * 10, "beschädigt"),
        (minimal_pdf()[:120], "beschädigt"),
    ],
    ids=["flate-bomb", "garbage", "truncated"],
)
def test_bombs_and_broken_pdfs_are_refused(
    applicant: Any, applicant_client: Client, content: bytes, message: str
) -> None:
    case = draft_case(applicant)
    response = upload(applicant_client, case, "plan.pdf", content)
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"][0]["detail"]
    assert nothing_stored()
    history = applicant_client.get(f"{API}/applications/{case.pk}/history/").json()["results"]
    assert history[-1]["event"] == "document.rejected"
