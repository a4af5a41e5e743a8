"""Sealing: everything that holds raw data outside the dataset is encrypted with HPKE.

HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM.
Workers hold only the recipient *public* key: they can seal and cannot open. Each
sealed record is one JSON line ``{"v": 1, "kind": ..., "run": ..., "ct": <base64>}``;
the HPKE ``info`` binds kind and run id, so a line moved to another file kind or
from another run does not open.
"""
from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any, Optional

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from transforms.keys.private_files import require_private

_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
DEV_IDENTITY_NAME = "dev-vault-identity.pem"
DEV_RECIPIENT_NAME = "dev-vault-recipient.pem"


class SealError(RuntimeError):
    """A sealed record that is altered, truncated, from another run, or for another key."""


def _info(kind: str, run_id: str, ref: Optional[str] = None) -> bytes:
    return f"hushbeam/sealed/v1/{kind}/{run_id}".encode() + (
        b"" if ref is None else b"/" + ref.encode())


def seal(payload: Any, recipient: X25519PublicKey, kind: str, run_id: str,
         ref: Optional[str] = None) -> str:
    """Seal a JSON-able payload; returns one JSON line (no newline).

    ``ref`` is an optional clear-text handle (a pseudonym, never raw data) so that an
    erasure can drop the line without opening it; it is bound into the HPKE info.
    """
    plaintext = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ct = _SUITE.encrypt(plaintext, recipient, _info(kind, run_id, ref))
    envelope = {"v": 1, "kind": kind, "run": run_id, "ct": base64.b64encode(ct).decode("ascii")}
    if ref is not None:
        envelope["ref"] = ref
    return json.dumps(envelope, sort_keys=True)


def open_sealed(line: str, identity: X25519PrivateKey, kind: str,
                run_id: Optional[str] = None) -> Any:
    """Open one sealed line; checks its kind and (if given) its run id."""
    try:
        envelope = json.loads(line)
        ct = base64.b64decode(envelope["ct"], validate=True)
        line_kind, line_run, ref = envelope["kind"], envelope["run"], envelope.get("ref")
    except (ValueError, KeyError, TypeError):
        raise SealError("sealed record is malformed or truncated") from None
    if line_kind != kind:
        raise SealError(f"sealed record is of kind {line_kind!r}, expected {kind!r}")
    if run_id is not None and line_run != run_id:
        raise SealError("sealed record belongs to another run")
    try:
        plaintext = _SUITE.decrypt(ct, identity, _info(kind, line_run, ref))
    except Exception:  # cryptography raises InvalidTag or ValueError
        raise SealError("sealed record does not open: altered, or sealed to another "
                        "identity") from None
    return json.loads(plaintext)


def generate_identity(identity_path: Path, recipient_path: Path) -> None:
    """Write a new X25519 identity (0600 PEM) and its public recipient PEM."""
    key = X25519PrivateKey.generate()
    identity_path, recipient_path = Path(identity_path), Path(recipient_path)
    identity_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(identity_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM,
                                   serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))
    recipient_path.write_bytes(recipient_pem(key.public_key()))


def recipient_pem(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo)


def load_recipient(data: bytes) -> X25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise SealError("vault recipient is not a PEM public key") from None
    if not isinstance(key, X25519PublicKey):
        raise SealError("vault recipient must be an X25519 public key")
    return key


def load_identity(path: Path) -> X25519PrivateKey:
    """The vault's private key; refused when group or others can read or write its file."""
    try:
        require_private(Path(path), "vault identity", SealError)
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except FileNotFoundError:
        raise SealError(f"vault identity {path} does not exist") from None
    except (OSError, ValueError, TypeError):
        raise SealError(f"vault identity {path} is not a readable PEM private key") from None
    if not isinstance(key, X25519PrivateKey):
        raise SealError(f"vault identity {path} is not an X25519 key")
    return key


def dev_recipient(home: Path) -> Path:
    """The development vault recipient beside the dev keyring (created on first use).

    It must be the public key of the development identity beside it: a recipient swapped
    by whoever can write the keyring's folder would get every later vault sealed to their
    key, and one whose identity is gone seals vaults nobody here can open. Both are
    refused (SealError); a deleted recipient is written again from the identity.
    """
    recipient = Path(home) / DEV_RECIPIENT_NAME
    identity_path = Path(home) / DEV_IDENTITY_NAME
    if not recipient.exists() and not identity_path.exists():
        generate_identity(identity_path, recipient)
        return recipient
    expected = recipient_pem(load_identity(identity_path).public_key())
    if not recipient.exists():
        recipient.write_bytes(expected)
        return recipient
    if recipient_pem(load_recipient(recipient.read_bytes())) != expected:
        raise SealError(f"development vault recipient {recipient} is not the public key of "
                        f"{identity_path}: it was replaced; nothing was sealed. Delete it to "
                        "have it made again from the identity")
    return recipient
