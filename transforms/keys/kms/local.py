"""``local://`` KMS: the development keyring, a 256-bit master key in a 0600 file.

A master key file that group or others can read or write is refused (``chmod 600``).
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from transforms.keys.kms.base import KeysetError, KmsClient
from transforms.keys.private_files import require_private

_NONCE, _TAG, _DATA_KEY = 12, 16, 32
WRAPPED_LENGTH = _NONCE + _DATA_KEY + _TAG  # what wrap() makes of a 256-bit data key


class LocalKms(KmsClient):
    """``local:///abs/path/master.key`` (created on first wrap); AES-256-GCM, AAD bound."""

    scheme = "local"
    example = "local:///abs/path/master.key"

    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def from_location(cls, location: str) -> "LocalKms":
        if not location.startswith("/"):
            raise KeysetError(f"local KMS URI must hold an absolute path: local://{location}")
        return cls(Path(location))

    def _master(self, create: bool = False) -> bytes:
        if not self.path.exists():
            if not create:
                raise KeysetError(f"local master key {self.path} does not exist")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32) + "\n")
        try:
            key = bytes.fromhex(self.path.read_text().strip())
        except ValueError:
            raise KeysetError(f"local master key {self.path} is not a hex key") from None
        if len(key) != 32:
            raise KeysetError(f"local master key {self.path} is not 256 bits")
        require_private(self.path, "local master key", KeysetError)
        return key

    def wrap(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + AESGCM(self._master(create=True)).encrypt(nonce, plaintext, aad)

    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes:
        if len(ciphertext) != WRAPPED_LENGTH:
            raise KeysetError(f"the wrapped data key is {len(ciphertext)} bytes; a local:// "
                              f"wrap of a 256-bit key is {WRAPPED_LENGTH} (truncated or "
                              "altered keyset)")
        try:
            return AESGCM(self._master()).decrypt(ciphertext[:12], ciphertext[12:], aad)
        except InvalidTag:
            raise KeysetError("the data key does not unwrap under this master key "
                              "(wrong master key or altered keyset)") from None
