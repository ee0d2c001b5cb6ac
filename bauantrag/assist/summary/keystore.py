"""The Kommune's API key for its language model server, encrypted at rest.

AES-256-GCM with a key derived (HKDF-SHA256) from the installation's master key (documents.crypto.master_key,
BAUANTRAG_DOCUMENT_KEY or its key file) for this purpose and this Kommune only: salt "bauantrag-settings-v1",
info "tenant:<id>:llm_api_key". The tenant id and the field name are the associated data, so a stored value
cannot be copied to another Kommune. Stored form: "v1:" + base64(nonce | ciphertext + tag).
The key is never rendered back into a page, logged or written to the audit trail.
"""

from __future__ import annotations

import base64
import binascii
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bauantrag.documents.crypto import master_key

PREFIX = "v1:"
PURPOSE = "llm_api_key"


class KeyUnreadable(Exception):
    """The stored key cannot be decrypted (other master key, or altered)."""


def _aes(tenant_id: object) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"bauantrag-settings-v1",
                info=f"tenant:{tenant_id}:{PURPOSE}".encode())  # fmt: skip
    return AESGCM(hkdf.derive(master_key()))


def _aad(tenant_id: object) -> bytes:
    return f"{PURPOSE}:{tenant_id}".encode()


def seal(tenant_id: object, plain: str) -> str:
    """The encrypted form of the key ("" stays "": no key)."""
    if not plain:
        return ""
    nonce = secrets.token_bytes(12)
    sealed = nonce + _aes(tenant_id).encrypt(nonce, plain.encode(), _aad(tenant_id))
    return PREFIX + base64.b64encode(sealed).decode()


def unseal(tenant_id: object, stored: str) -> str:
    if not stored:
        return ""
    if not stored.startswith(PREFIX):
        raise KeyUnreadable("unknown format")
    try:
        raw = base64.b64decode(stored[len(PREFIX):], validate=True)
        return _aes(tenant_id).decrypt(raw[:12], raw[12:], _aad(tenant_id)).decode()
    except (binascii.Error, ValueError, InvalidTag, UnicodeDecodeError) as exc:
        raise KeyUnreadable(type(exc).__name__) from None
