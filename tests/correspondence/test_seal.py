"""The optional electronic seal: PAdES B-B with a certificate made in the test, validated with pyHanko."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from bauantrag.correspondence import actions, signing
from bauantrag.correspondence.models import LetterKind
from bauantrag.documents import storage
from tests.correspondence.conftest import pdf_text, pdfa_identification, stored_pdf
from tests.factories import clerk_for, complete_case, submitted_case

pytestmark = pytest.mark.django_db

PASSWORD = "Siegel-Test-2026"


def make_seal_certificate(directory: Path) -> tuple[Path, bytes]:
    """A self-signed seal certificate of the Bauaufsicht as PKCS#12; returns (path, DER certificate)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Stadt Musterstadt"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Bauaufsicht Musterstadt Siegel"),
    ])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
        ), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = directory / "siegel.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"siegel", key, certificate, None, serialization.BestAvailableEncryption(PASSWORD.encode()),
    ))
    return path, certificate.public_bytes(serialization.Encoding.DER)


def test_sealed_letter_validates(applicant: Any, letterhead: Any, settings: Any, tmp_path: Path) -> None:
    path, der = make_seal_certificate(tmp_path)
    settings.SEAL_PKCS12 = str(path)
    settings.SEAL_PASSWORD = PASSWORD
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.ANHOERUNG))

    data = stored_pdf(letter)
    assert hashlib.sha256(data).hexdigest() == letter.sha256  # the hash is of the sealed file
    assert letter.signed and letter.signature_info["standard"] == "PAdES-B-B"
    assert "Bauaufsicht Musterstadt Siegel" in letter.signature_info["subject"]
    text = pdf_text(data)
    assert "mit dem elektronischen Siegel der Untere Bauaufsichtsbehörde der Stadt Musterstadt" in text
    assert "ohne elektronisches Siegel" not in text
    assert pdfa_identification(data) == ("3", "A")  # the seal is an incremental update of the PDF/A file

    reader = PdfFileReader(io.BytesIO(data))
    [signature] = reader.embedded_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    trust = ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)])
    status = validate_pdf_signature(signature, trust)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.coverage.name == "ENTIRE_FILE"

    # a changed byte after sealing breaks it: flip a byte of the binary comment in line 2 (signed, not parsed)
    assert data[9:10] == b"%"
    tampered = data[:10] + bytes([data[10] ^ 0x01]) + data[11:]
    broken = PdfFileReader(io.BytesIO(tampered))
    status = validate_pdf_signature(broken.embedded_signatures[0], trust)
    assert not status.intact and not status.bottom_line


def test_wrong_password_refuses_to_send(applicant: Any, letterhead: Any, settings: Any, tmp_path: Path) -> None:
    path, _der = make_seal_certificate(tmp_path)
    settings.SEAL_PKCS12 = str(path)
    settings.SEAL_PASSWORD = "falsch"
    case = submitted_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.draft_letter(clerk, case, LetterKind.ANHOERUNG)
    with pytest.raises(signing.SealError):
        actions.send_letter(clerk, letter)
    letter.refresh_from_db()
    assert letter.state == "draft"


def test_the_seal_covers_the_stamped_bauvorlagen(
    applicant: Any, letterhead: Any, settings: Any, tmp_path: Path,
) -> None:
    path, der = make_seal_certificate(tmp_path)
    settings.SEAL_PKCS12 = str(path)
    settings.SEAL_PASSWORD = PASSWORD
    case = complete_case(applicant)
    clerk = clerk_for(case.tenant)
    letter = actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG))
    enclosure = letter.enclosures.get(number=1)
    handle = storage.open_for_read(case.tenant_id, enclosure.storage_name, None)  # hash compared below
    data = handle.read()
    handle.close()
    assert enclosure.signed and hashlib.sha256(data).hexdigest() == enclosure.sha256
    [signature] = PdfFileReader(io.BytesIO(data)).embedded_signatures
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)]))
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE"
    assert "Zur Baugenehmigung vom" in pdf_text(data)
