"""Subkeys of the data key: one independent 256-bit key per purpose (HKDF-SHA256, RFC 5869).

``derive_subkey(data_key, "vault-manifest")`` is the key that authenticates vault
manifests; another label gives an unrelated key, so a MAC made for one purpose never
verifies for another and the data key itself (which makes the pseudonyms) is never used
as a MAC key. Only holders of the data key (KMS-authorised) can derive them.
"""
from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def derive_subkey(data_key: bytes, label: str) -> bytes:
    """HKDF-SHA256 of the data key, no salt, info ``hushbeam/<label>``, 32 bytes."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"hushbeam/" + label.encode()).derive(data_key)
