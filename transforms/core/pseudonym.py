"""Keyed deterministic pseudonyms: ``<TYPE>#k<version>:<26 base32 chars>``.

``EMAIL#k1:5w3dqy...`` is HMAC-SHA256 under the data key of version 1 over
``TYPE || 0x00 || normalized value``, truncated to 128 bits and base32-encoded
(lowercase, no padding). The type prefix keeps an email and a phone apart, the
version tells which data key made it, and the fixed shape lets a later pass
recognise a pseudonym (and never re-detect it as personal data).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re

from transforms.core.normalize import normalize

PSEUDONYM_RE = re.compile(r"\b[A-Z][A-Z0-9_]*#k[0-9]+:[a-z2-7]{26}\b")


class Pseudonymizer:
    """HMAC-SHA256 pseudonyms under one data key (bytes never leave this object)."""

    def __init__(self, data_key: bytes, key_version: int, default_region: str = "US"):
        if len(data_key) < 32:
            raise ValueError("data key must be at least 256 bits")
        self._key = bytes(data_key)
        self.key_version = int(key_version)
        self.default_region = default_region

    def __repr__(self) -> str:  # never show the key
        return f"Pseudonymizer(key_version={self.key_version})"

    def pseudonym(self, entity: str, canonical: str) -> str:
        """Pseudonym of an already-normalized value."""
        mac = hmac.new(self._key, entity.encode() + b"\x00" + canonical.encode("utf-8"),
                       hashlib.sha256).digest()[:16]
        body = base64.b32encode(mac).decode("ascii").rstrip("=").lower()
        return f"{entity}#k{self.key_version}:{body}"

    def pseudonymize(self, entity: str, normalizer: str, value: str) -> str:
        """Normalize then pseudonymize; raises NormalizationError on unusable input."""
        return self.pseudonym(entity, normalize(normalizer, value, self.default_region))
