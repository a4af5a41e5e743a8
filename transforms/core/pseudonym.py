"""Keyed deterministic pseudonyms: ``<TYPE>#k<version>:<26 base32 chars>``.

``EMAIL#k1:5w3dqy...`` is HMAC-SHA256 under the data key of version 1 over
``TYPE || 0x00 || normalized value``, truncated to 128 bits and base32-encoded
(lowercase, no padding). The type prefix keeps an email and a phone apart, the
version tells which data key made it, and the fixed shape lets a later pass
recognise a pseudonym (and never re-detect it as personal data).

A policy may shorten the body (``pseudonyms: {length: N}``, from :data:`MIN_LENGTH` to
:data:`LENGTH` characters, 5 bits each): a short pseudonym is the prefix of the long one
(docs/pseudonyms.md has the collision arithmetic). :meth:`Pseudonymizer.keyed_index` is a
keyed choice under a subkey (SURROGATE's pick of a fake value), never a pseudonym.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
from typing import Optional

from transforms.core.normalize import normalize
from transforms.keys.subkeys import derive_subkey

LENGTH = 26  # base32 characters of a pseudonym's body by default (128 bits)
MIN_LENGTH = 16  # the shortest a policy may ask for (80 bits)
PSEUDONYM_FORMAT = "<TYPE>#k<version>:<base32 of HMAC-SHA256[:16]>"
PSEUDONYM_RE = re.compile(r"\b[A-Z][A-Z0-9_]*#k[0-9]+:[a-z2-7]{%d,%d}\b" % (MIN_LENGTH, LENGTH))


def pseudonym_format(length: int = LENGTH) -> str:
    """What a run's header says of its pseudonyms; a shorter length is named."""
    return (PSEUDONYM_FORMAT if length == LENGTH else
            f"<TYPE>#k<version>:<first {length} base32 characters of HMAC-SHA256[:16]>")


class Pseudonymizer:
    """HMAC-SHA256 pseudonyms under one data key (bytes never leave this object)."""

    def __init__(self, data_key: bytes, key_version: int, default_region: str = "US",
                 length: int = LENGTH):
        if len(data_key) < 32:
            raise ValueError("data key must be at least 256 bits")
        if not MIN_LENGTH <= length <= LENGTH:
            raise ValueError(f"pseudonym length must be {MIN_LENGTH} to {LENGTH}")
        self._key = bytes(data_key)
        self._subkeys = {}
        self.key_version = int(key_version)
        self.default_region = default_region
        self.length = int(length)

    @classmethod
    def for_policy(cls, data_key: bytes, key_version: int, policy) -> "Pseudonymizer":
        """The pseudonymizer a run uses: the policy's phone region and pseudonym length."""
        return cls(data_key, key_version, policy.default_region, policy.pseudonym_length)

    def __repr__(self) -> str:  # never show the key
        return f"Pseudonymizer(key_version={self.key_version})"

    def pseudonym(self, entity: str, canonical: str, length: Optional[int] = None) -> str:
        """Pseudonym of an already-normalized value (``length``: else this object's)."""
        mac = hmac.new(self._key, entity.encode() + b"\x00" + canonical.encode("utf-8"),
                       hashlib.sha256).digest()[:16]
        body = base64.b32encode(mac).decode("ascii").rstrip("=").lower()
        return f"{entity}#k{self.key_version}:{body[:length or self.length]}"

    def keyed_index(self, purpose: str, value: str) -> int:
        """A 64-bit number chosen by HMAC-SHA256 of ``value`` under the data key's subkey
        for ``purpose`` (so it says nothing about the pseudonyms)."""
        if purpose not in self._subkeys:
            self._subkeys[purpose] = derive_subkey(self._key, purpose)
        mac = hmac.new(self._subkeys[purpose], value.encode("utf-8"), hashlib.sha256).digest()
        return int.from_bytes(mac[:8], "big")

    def pseudonymize(self, entity: str, normalizer: str, value: str) -> str:
        """Normalize then pseudonymize; raises NormalizationError on unusable input."""
        return self.pseudonym(entity, normalize(normalizer, value, self.default_region))
