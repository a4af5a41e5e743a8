"""Key hierarchy: a data key that exists at rest only wrapped by a KMS master key.

A *keyset* file holds ``key_id``, ``version``, ``kms_uri`` and the wrapped data key.
Workers receive the keyset (never the plain key) and unwrap it in ``DoFn.setup()``.
KMS providers implement :class:`KmsClient`: ``local://`` is the development keyring (a
256-bit master key in a 0600 file, AES-256-GCM), ``aws-kms://`` is AWS KMS (boto3) and
``gcp-kms://`` is Cloud KMS (google-cloud-kms); the cloud clients are optional extras.
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


class AwsKms(KmsClient):
    """``aws-kms://<key id, key ARN or alias/NAME>`` through boto3 (extra ``hushbeam[aws]``).

    Credentials, region and endpoint come from the usual AWS configuration
    (``AWS_DEFAULT_REGION``, ``AWS_ENDPOINT_URL_KMS`` ...); a region in a key ARN wins.
    The AAD is passed as the KMS encryption context ``{"hushbeam": <aad>}``.
    """

    def __init__(self, key: str):
        self.key = key

    def _client(self):
        try:
            import boto3
        except ImportError:
            raise KeysetError("aws-kms:// needs boto3: pip install 'hushbeam[aws]'") from None
        region = self.key.split(":")[3] if self.key.startswith("arn:") else None
        return boto3.client("kms", region_name=region)

    def _call(self, op: str, **kwargs) -> dict:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self._client(), op)(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "error")
            raise KeysetError(f"AWS KMS refused to {op} the data key ({code})") from None
        except BotoCoreError as exc:
            raise KeysetError(f"AWS KMS could not be reached for {op} "
                              f"({type(exc).__name__})") from None

    def wrap(self, plaintext: bytes, aad: bytes) -> bytes:
        return self._call("encrypt", KeyId=self.key, Plaintext=plaintext,
                          EncryptionContext={"hushbeam": aad.decode()})["CiphertextBlob"]

    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes:
        return self._call("decrypt", KeyId=self.key, CiphertextBlob=ciphertext,
                          EncryptionContext={"hushbeam": aad.decode()})["Plaintext"]


class GcpKms(KmsClient):
    """``gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K`` through google-cloud-kms
    (extra ``hushbeam[gcp]``); the AAD is KMS additional authenticated data."""

    def __init__(self, name: str):
        self.name = name

    def _client(self):
        try:
            from google.cloud import kms
        except ImportError:
            raise KeysetError("gcp-kms:// needs google-cloud-kms: "
                              "pip install 'hushbeam[gcp]'") from None
        return kms.KeyManagementServiceClient()

    def _call(self, op: str, request: dict):
        try:
            return getattr(self._client(), op)(request=request)
        except KeysetError:
            raise
        except Exception as exc:  # google.api_core errors; no secret in the type name
            raise KeysetError(f"Cloud KMS refused to {op} the data key "
                              f"({type(exc).__name__})") from None

    def wrap(self, plaintext: bytes, aad: bytes) -> bytes:
        return self._call("encrypt", {"name": self.name, "plaintext": plaintext,
                                      "additional_authenticated_data": aad}).ciphertext

    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes:
        return self._call("decrypt", {"name": self.name, "ciphertext": ciphertext,
                                      "additional_authenticated_data": aad}).plaintext


def kms_client(uri: str) -> KmsClient:
    """The KMS client for a key URI; unknown schemes are refused."""
    if uri.startswith("local://"):
        path = uri[len("local://"):]
        if not path.startswith("/"):
            raise KeysetError(f"local KMS URI must hold an absolute path: {uri}")
        return LocalKms(Path(path))
    if uri.startswith("aws-kms://") and len(uri) > len("aws-kms://"):
        return AwsKms(uri[len("aws-kms://"):])
    if uri.startswith("gcp-kms://projects/"):
        return GcpKms(uri[len("gcp-kms://"):])
    scheme = uri.split(":", 1)[0] if ":" in uri else uri
    raise KeysetError(f"unknown KMS URI scheme {scheme!r} (supported: local://, "
                      "aws-kms://, gcp-kms://projects/...)")


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


def rewrap_keyset(path: Path, new_kms_uri: str, out: Optional[Path] = None) -> Keyset:
    """Master-key rotation: unwrap under the old KMS key, wrap under the new one.

    Key id, version and so every pseudonym stay the same. Writes ``out`` (default: the
    keyset itself, replaced atomically).
    """
    old = load_keyset(path)
    data_key = unwrap_data_key(old)
    new = dataclasses.replace(old, kms_uri=new_kms_uri,
                              wrapped_key=kms_client(new_kms_uri).wrap(data_key, old.aad()))
    if unwrap_data_key(new) != data_key:
        raise KeysetError("re-wrapped data key does not round-trip; keyset left unchanged")
    target = Path(out or path)
    tmp = target.with_name("." + target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(new.to_json())
    os.replace(tmp, target)
    return new


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
