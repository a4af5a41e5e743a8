"""Purpose-bound subkeys of the data key (Beam-free).

One data key serves several purposes (pseudonyms, the vault manifest MAC, the audit log
MAC). Each purpose other than pseudonyms gets its own subkey, derived with HKDF-SHA256
(RFC 5869) under a distinct label, so a MAC made for one purpose never verifies for another
and no subkey reveals the data key.
"""
from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def derive_subkey(data_key: bytes, label: str) -> bytes:
    """A 256-bit subkey: HKDF-SHA256, no salt, info ``b"hushbeam/" + label``."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"hushbeam/" + label.encode()).derive(data_key)
