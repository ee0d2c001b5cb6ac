"""Encryption at rest: nothing readable on disk; a file that fails authenticated decryption or its stored SHA-256,
or a plain file put in place of the ciphertext, is refused with 409, an audit event and an error log."""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.management import call_command
from django.test import Client

from bauantrag.audit.models import AuditEvent
from bauantrag.documents import storage
from bauantrag.documents.actions import upload_document
from bauantrag.documents.crypto import master_key
from bauantrag.documents.events import DocumentEvent
from bauantrag.documents.models import Document
from tests.documents.helpers import API, stored_files, upload
from tests.documents.test_pdf_active_content import javascript_open_action
from tests.factories import draft_case
from tests.files import minimal_pdf

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Geheimer Lageplan Musterweg 7"


def _uploaded(client: Client, case: Any, content: bytes) -> Document:
    response = upload(client, case, "lageplan.pdf", content)
    assert response.status_code == 201, response.content
    return Document.objects.get(pk=response.json()["id"])


def test_stored_bytes_are_encrypted_and_download_gives_the_plaintext(applicant: Any, applicant_client: Client) -> None:
    case = draft_case(applicant)
    content = minimal_pdf(SECRET_TEXT)
    document = _uploaded(applicant_client, case, content)
    [path] = stored_files()
    on_disk = path.read_bytes()
    assert SECRET_TEXT.encode() not in on_disk and b"%PDF" not in on_disk and b"Musterweg" not in on_disk
    assert on_disk.startswith(b"BAUENC")
    assert document.sha256 == hashlib.sha256(content).hexdigest() and document.size == len(content)
    response = applicant_client.get(f"{API}/documents/{document.pk}/content/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    page = applicant_client.get(f"/dokumente/{document.pk}/")
    assert page.status_code == 200 and b"".join(page.streaming_content) == content  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", ["header", "middle", "tag", "truncated", "appended"])
def test_tampered_file_is_refused_logged_and_never_served(
    applicant: Any, applicant_client: Client, caplog: Any, where: str
) -> None:
    case = draft_case(applicant)
    document = _uploaded(applicant_client, case, minimal_pdf(SECRET_TEXT))
    [path] = stored_files()
    data = bytearray(path.read_bytes())
    if where == "truncated":
        data = data[:-5]
    elif where == "appended":
        data += b"\0" * 40
    else:
        index = {"header": 20, "middle": len(data) // 2, "tag": len(data) - 1}[where]
        data[index] ^= 0x01
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.ERROR, logger="bauantrag.documents"):
        api = applicant_client.get(f"{API}/documents/{document.pk}/content/")
        page = applicant_client.get(f"/dokumente/{document.pk}/")
    assert api.status_code == 409
    assert api.json()["errors"][0]["code"] == "document_integrity"
    assert "beschädigt oder wurde verändert" in api.json()["errors"][0]["detail"]
    assert page.status_code == 409 and "nicht ausgeliefert" in page.content.decode()
    assert "failed its integrity check" in caplog.text
    assert SECRET_TEXT.encode() not in api.content + page.content


def test_each_kommune_has_its_own_key(applicant: Any, applicant_client: Client, other_tenant: Any) -> None:
    case = draft_case(applicant)
    document = _uploaded(applicant_client, case, minimal_pdf(SECRET_TEXT))
    [path] = stored_files()
    foreign = Path(path.parent.parent) / str(other_tenant.pk) / path.name
    foreign.parent.mkdir(parents=True)
    foreign.write_bytes(path.read_bytes())
    with pytest.raises(storage.DocumentTampered):
        storage.open_for_read(other_tenant.pk, path.name, document.sha256)
    assert storage.open_for_read(document.tenant_id, path.name, document.sha256).read() == minimal_pdf(SECRET_TEXT)


def _assert_refused(client: Client, document: Document, caplog: Any, log_text: str) -> None:
    with caplog.at_level(logging.ERROR, logger="bauantrag.documents"):
        page = client.get(f"/dokumente/{document.pk}/")
        api = client.get(f"{API}/documents/{document.pk}/content/")
    assert page.status_code == 409 and "nicht ausgeliefert" in page.content.decode()
    assert api.status_code == 409 and api.json()["errors"][0]["code"] == "document_integrity"
    assert log_text in caplog.text
    events = AuditEvent.objects.filter(event=DocumentEvent.DOCUMENT_DAMAGED, subject_id=str(document.pk))
    assert sorted(e.after["while"] for e in events) == ["api", "download"]
    assert all(e.tenant_id == document.tenant_id and e.case_id == document.case_id for e in events)


def test_a_plain_file_in_place_of_the_ciphertext_is_refused(
    applicant: Any, applicant_client: Client, caplog: Any
) -> None:
    """The old "written before encryption" path is gone: no Kommune keeps unencrypted files, so a plain file where a
    ciphertext belongs was put there by someone else, even with the right SHA-256."""
    case = draft_case(applicant)
    content = minimal_pdf("Untergeschobene Datei")
    document = _uploaded(applicant_client, case, content)
    [path] = stored_files()
    path.write_bytes(content)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256
    _assert_refused(applicant_client, document, caplog, "is not encrypted")


def test_another_file_of_the_same_kommune_in_its_place_is_refused_by_its_hash(
    applicant: Any, applicant_client: Client, caplog: Any
) -> None:
    """Both decrypt with the Kommune's key; only the stored SHA-256 tells them apart."""
    case = draft_case(applicant)
    wanted = _uploaded(applicant_client, case, minimal_pdf("Lageplan"))
    other = _uploaded(applicant_client, case, minimal_pdf("Ein anderer Plan"))
    target = storage._path(case.tenant_id, wanted.storage_name)
    target.write_bytes(storage._path(case.tenant_id, other.storage_name).read_bytes())
    _assert_refused(applicant_client, wanted, caplog, "SHA-256 differs from the stored one")
    served = applicant_client.get(f"/dokumente/{other.pk}/")
    assert served.status_code == 200 and b"".join(served.streaming_content) == minimal_pdf("Ein anderer Plan")  # type: ignore[attr-defined]


def test_the_viewer_refuses_the_active_original_put_in_place_of_the_cleaned_copy(
    applicant: Any, applicant_client: Client, caplog: Any
) -> None:
    """The copy without active content has its own SHA-256: the original (with its JavaScript), which decrypts with
    the same key, cannot be slipped into the viewer frame in its place."""
    case = draft_case(applicant)
    document = _uploaded(applicant_client, case, javascript_open_action())
    assert document.inline_storage_name and document.inline_sha256
    viewer = applicant_client.get(f"/dokumente/{document.pk}/ansicht/")
    assert hashlib.sha256(b"".join(viewer.streaming_content)).hexdigest() == document.inline_sha256  # type: ignore[attr-defined]
    original = storage._path(case.tenant_id, document.storage_name).read_bytes()
    storage._path(case.tenant_id, document.inline_storage_name).write_bytes(original)
    with caplog.at_level(logging.ERROR, logger="bauantrag.documents"):
        refused = applicant_client.get(f"/dokumente/{document.pk}/ansicht/")
    assert refused.status_code == 409 and "SHA-256 differs" in caplog.text
    assert AuditEvent.objects.get(event=DocumentEvent.DOCUMENT_DAMAGED).after["while"] == "inline"
    assert applicant_client.get(f"/dokumente/{document.pk}/").status_code == 200  # the evidence itself is intact


def test_viewer_copies_stored_before_their_hash_get_it_once_and_are_then_checked(
    applicant: Any, applicant_client: Client, capsys: Any
) -> None:
    case = draft_case(applicant)
    document = _uploaded(applicant_client, case, javascript_open_action())
    expected = document.inline_sha256
    Document.objects.filter(pk=document.pk).update(inline_sha256="")  # as uploaded before the field existed
    call_command("hash_viewer_copies")
    call_command("hash_viewer_copies")
    assert "0 Prüfsummen nachgetragen" in capsys.readouterr().out
    document.refresh_from_db()
    assert document.inline_sha256 == expected
    assert AuditEvent.objects.filter(event=DocumentEvent.VIEWER_COPY_HASHED, subject_id=str(document.pk)).count() == 1
    original = storage._path(case.tenant_id, document.storage_name).read_bytes()
    storage._path(case.tenant_id, document.inline_storage_name).write_bytes(original)
    assert applicant_client.get(f"/dokumente/{document.pk}/ansicht/").status_code == 409


def test_five_megabytes_round_trip_in_bounded_memory(applicant: Any, tmp_path: Path) -> None:
    """Upload (from a temporary file, as Django spools large uploads) and read back stay far below the file size
    times two: the file is processed chunk by chunk."""
    case = draft_case(applicant)
    payload = os.urandom(5 * 1024 * 1024)
    pdf = minimal_pdf("Großer Plan")
    content = pdf[:9] + b"1 0 obj\n<< /Length " + str(len(payload)).encode() + b" >>\nstream\n" + payload
    content += b"\nendstream\nendobj\n" + pdf[9:]  # an unreferenced big stream; qpdf repairs the xref offsets
    upload_file = TemporaryUploadedFile("gross.pdf", "application/pdf", len(content), None)
    upload_file.write(content)
    upload_file.flush()
    expected = hashlib.sha256(content).hexdigest()
    del content, payload
    tracemalloc.start()
    try:
        document = upload_document(applicant, case, upload_file, "1803")
        digest = hashlib.sha256()
        with storage.open_for_read(document.tenant_id, document.storage_name, document.sha256) as handle:
            while block := handle.read(64 * 1024):
                digest.update(block)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        upload_file.close()
    assert document.size > 5 * 1024 * 1024 and document.sha256 == expected == digest.hexdigest()
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1_048_576:.1f} MB"


def test_master_key_from_setting_or_generated_file(settings: Any, tmp_path: Path) -> None:
    settings.DOCUMENT_KEY = ""
    settings.DOCUMENT_KEY_FILE = tmp_path / "keys" / "document_key"
    generated = master_key()
    assert len(generated) == 32 and master_key() == generated
    assert (settings.DOCUMENT_KEY_FILE.stat().st_mode & 0o777) == 0o600
    settings.DOCUMENT_KEY = base64.b64encode(b"k" * 32).decode()
    assert master_key() == b"k" * 32
    settings.DOCUMENT_KEY = base64.b64encode(b"short").decode()
    with pytest.raises(ImproperlyConfigured):
        master_key()
