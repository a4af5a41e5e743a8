"""Key hierarchy: a data key that exists at rest only wrapped by a KMS master key.

A *keyset* file holds ``key_id``, ``version``, ``kms_uri`` and the wrapped data key.
Workers receive the keyset (never the plain key) and unwrap it in ``DoFn.setup()``.
KMS providers implement :class:`KmsClient`; ``local:`` is the development keyring,
a 256-bit master key in a 0600 file, wrapping with AES-256-GCM.
"""
from __future__ import annotations

import abc
import base64
import dataclasses
import datetime
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Optional

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_LOG = logging.getLogger(__name__)
DEV_KEYSET_NAME = "dev-keyset.json"
DEV_MASTER_KEY_NAME = "dev-master.key"


class KeysetError(RuntimeError):
    """A key problem (missing keyset, wrong master key, unknown KMS); no secret in it."""




@dataclasses.dataclass(frozen=True)
class Keyset:
    key_id: str
    version: int
    kms_uri: str
    wrapped_key: bytes
    created: str

    def aad(self) -> bytes:
        return f"hushbeam-data-key:{self.key_id}:v{self.version}".encode()

    def to_json(self) -> str:
        return json.dumps({"key_id": self.key_id, "version": self.version,
                           "kms_uri": self.kms_uri, "created": self.created,
                           "wrapped_key": base64.b64encode(self.wrapped_key).decode()},
                          indent=2) + "\n"


class KmsClient(abc.ABC):
    """Wraps and unwraps data keys under a master key that never leaves the KMS."""

    @abc.abstractmethod
    def wrap(self, plaintext: bytes, aad: bytes) -> bytes: ...

    @abc.abstractmethod
    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes: ...


class LocalKms(KmsClient):
    """Development keyring: ``local:///abs/path/master.key`` (created on demand)."""

    def __init__(self, path: Path):
        self.path = Path(path)

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
        return key

    def wrap(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + AESGCM(self._master(create=True)).encrypt(nonce, plaintext, aad)

    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes:
        try:
            return AESGCM(self._master()).decrypt(ciphertext[:12], ciphertext[12:], aad)
        except InvalidTag:
            raise KeysetError("the data key does not unwrap under this master key "
                              "(wrong master key or altered keyset)") from None


def kms_client(uri: str) -> KmsClient:
    """The KMS client for a key URI; unknown schemes are refused."""
    if uri.startswith("local://"):
        path = uri[len("local://"):]
        if not path.startswith("/"):
            raise KeysetError(f"local KMS URI must hold an absolute path: {uri}")
        return LocalKms(Path(path))
    scheme = uri.split(":", 1)[0] if ":" in uri else uri
    raise KeysetError(f"unknown KMS URI scheme {scheme!r} (supported: local://)")


def create_keyset(kms_uri: str, out: Path, version: int = 1) -> Keyset:
    """Make a fresh 256-bit data key, wrap it, write the keyset (refuses to overwrite)."""
    out = Path(out)
    if out.exists():
        raise KeysetError(f"keyset {out} already exists; refusing to overwrite")
    keyset = Keyset(key_id="hb-" + secrets.token_hex(6), version=version, kms_uri=kms_uri,
                    wrapped_key=b"", created=_now())
    wrapped = kms_client(kms_uri).wrap(secrets.token_bytes(32), keyset.aad())
    keyset = dataclasses.replace(keyset, wrapped_key=wrapped)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(keyset.to_json())
    return keyset


def load_keyset(path: Path) -> Keyset:
    path = Path(path)
    try:
        data = json.loads(path.read_text())
        return Keyset(key_id=str(data["key_id"]), version=int(data["version"]),
                      kms_uri=str(data["kms_uri"]), created=str(data.get("created", "")),
                      wrapped_key=base64.b64decode(data["wrapped_key"], validate=True))
    except FileNotFoundError:
        raise KeysetError(f"keyset {path} does not exist") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise KeysetError(f"keyset {path} is not a valid keyset file") from None


def unwrap_data_key(keyset: Keyset) -> bytes:
    key = kms_client(keyset.kms_uri).unwrap(keyset.wrapped_key, keyset.aad())
    if len(key) != 32:
        raise KeysetError("unwrapped data key is not 256 bits")
    return key


def hushbeam_home() -> Path:
    return Path(os.environ.get("HUSHBEAM_HOME", Path.home() / ".hushbeam"))


def dev_keyset(home: Optional[Path] = None) -> Path:
    """The development keyset, created on first use with a loud warning."""
    home = Path(home or hushbeam_home())
    path = home / DEV_KEYSET_NAME
    if not path.exists():
        _LOG.warning(
            "\n" + "!" * 78 + "\n"
            "!! hushbeam: created a LOCAL DEVELOPMENT keyring at %s\n"
            "!! Pseudonyms depend on this key. It is NOT for production data: use a\n"
            "!! keyset wrapped by a real KMS (see README, 'Keys').\n" + "!" * 78, home)
        create_keyset(f"local://{(home / DEV_MASTER_KEY_NAME).resolve()}", path)
    return path


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
