"""Optional electronic seal of the letters: PAdES baseline B-B with pyHanko and the authority's certificate.

Configured by BAUANTRAG_SEAL_PKCS12 (path to a PKCS#12 file with key and certificate chain) and
BAUANTRAG_SEAL_PASSWORD. Without them, letters are sent unsealed and say so ("ohne elektronisches Siegel").
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from django.conf import settings


class SealError(RuntimeError):
    """The configured certificate cannot be used; nothing is sent unsealed silently."""


def configured() -> bool:
    return bool(getattr(settings, "SEAL_PKCS12", ""))


_SIGNERS: dict[tuple[str, float, str], Any] = {}


def _signer() -> Any:
    """The signer of the configured PKCS#12 file, loaded once per file version (loading validates the key, which
    takes about half a second for RSA 3072)."""
    from pyhanko.sign import signers

    path = str(settings.SEAL_PKCS12)
    password = str(getattr(settings, "SEAL_PASSWORD", "") or "")
    try:
        key = (path, Path(path).stat().st_mtime, hashlib.sha256(password.encode()).hexdigest())
    except OSError as exc:
        raise SealError(f"Siegelzertifikat nicht lesbar: {exc}") from exc
    if key in _SIGNERS:
        return _SIGNERS[key]
    try:
        signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
            pfx_file=path, passphrase=password.encode() or None
        )
    except (OSError, ValueError) as exc:
        raise SealError(f"Siegelzertifikat nicht lesbar: {exc}") from exc
    if signer is None:
        raise SealError("Siegelzertifikat nicht lesbar (PKCS#12-Datei oder Passwort falsch).")
    _SIGNERS.clear()
    _SIGNERS[key] = signer
    return signer


def _reserve(signer: Any) -> int:
    """Room for the CMS container: the certificates plus signature and attributes (skips pyHanko's dry run)."""
    certificates = [signer.signing_cert, *(signer.cert_registry or [])]
    needed = sum(len(cert.dump()) for cert in certificates) + 6144
    return -(-needed // 1024) * 1024  # pyHanko wants an even number; whole kilobytes


def seal(data: bytes, *, reason: str, location: str) -> tuple[bytes, dict[str, Any]]:
    """Sign the PDF as PAdES B-B (incremental update, so the PDF/A part stays as rendered)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError

    signer = _signer()
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    metadata = signers.PdfSignatureMetadata(
        field_name="Siegel", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason[:200], location=location[:200],
    )
    pdf_signer = signers.PdfSigner(metadata, signer=signer)
    try:
        out = pdf_signer.sign_pdf(writer, bytes_reserved=_reserve(signer))
    except SigningError:  # more room needed than estimated: let pyHanko measure it
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        out = pdf_signer.sign_pdf(writer)
    certificate = signer.signing_cert
    info = {
        "standard": "PAdES-B-B",
        "subject": certificate.subject.human_friendly,
        "issuer": certificate.issuer.human_friendly,
        "serial": format(certificate.serial_number, "x"),
        "not_after": certificate["tbs_certificate"]["validity"]["not_after"].native.isoformat(),
    }
    return out.getvalue(), info
