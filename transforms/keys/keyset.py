"""Key hierarchy: a data key that exists at rest only wrapped by a KMS master key.

A *keyset* file holds ``key_id``, ``version``, ``kms_uri`` and the wrapped data key.
Workers receive the keyset (never the plain key) and unwrap it in ``DoFn.setup()``. The
KMS that wraps it is chosen by the URI scheme from :mod:`transforms.keys.kms`.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Optional

from transforms.datasets.atomic import write_local
from transforms.keys.kms import KeysetError, kms_client

_LOG = logging.getLogger(__name__)
DEV_KEYSET_NAME = "dev-keyset.json"
DEV_MASTER_KEY_NAME = "dev-master.key"


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
    write_local(Path(out or path), new.to_json().encode(), mode=0o600)
    return new


_FIELDS = {"key_id": str, "version": int, "kms_uri": str, "wrapped_key": str,
           "created": str}
_REQUIRED = ("key_id", "version", "kms_uri", "wrapped_key")


def load_keyset(path: Path) -> Keyset:
    """Read and check a keyset file; every defect is a one-line :class:`KeysetError`."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise KeysetError(f"keyset {path} does not exist") from None
    except OSError as exc:
        raise KeysetError(f"keyset {path} cannot be read ({exc.strerror})") from None
    except ValueError:  # not UTF-8, or not JSON
        raise KeysetError(f"keyset {path} is not a valid keyset file: not a JSON "
                          "document") from None
    return Keyset(**_checked_fields(path, data))


def _checked_fields(path: Path, data) -> dict:
    def bad(problem: str) -> KeysetError:
        return KeysetError(f"keyset {path} is not a valid keyset file: {problem}")

    if not isinstance(data, dict):
        raise bad(f"a JSON object is expected, not {type(data).__name__}")
    unknown = sorted(set(data) - set(_FIELDS))
    missing = [name for name in _REQUIRED if name not in data]
    if unknown or missing:
        raise bad("; ".join(filter(None, (
            unknown and "unknown field(s) " + ", ".join(map(repr, unknown)),
            missing and "missing field(s) " + ", ".join(map(repr, missing))))))
    for name, kind in _FIELDS.items():
        value = data.get(name, "")
        if not isinstance(value, kind) or isinstance(value, bool):
            raise bad(f"{name!r} must be a {'number' if kind is int else 'string'}, not "
                      f"{type(value).__name__}")
    if not data["key_id"].strip():
        raise bad("'key_id' is empty")
    if data["version"] < 1:
        raise bad("'version' must be 1 or more")
    if "://" not in data["kms_uri"]:
        raise bad("'kms_uri' is not a KMS URI (scheme://...)")
    try:
        wrapped = base64.b64decode(data["wrapped_key"], validate=True)
    except ValueError:
        raise bad("'wrapped_key' is not base64") from None
    if len(wrapped) < 32:  # no wrap of a 256-bit key is shorter than the key
        raise bad(f"'wrapped_key' is {len(wrapped)} bytes, too short to hold a 256-bit "
                  "data key")
    return {"key_id": data["key_id"], "version": data["version"],
            "kms_uri": data["kms_uri"], "created": data.get("created", ""),
            "wrapped_key": wrapped}


def unwrap_data_key(keyset: Keyset) -> bytes:
    try:
        key = kms_client(keyset.kms_uri).unwrap(keyset.wrapped_key, keyset.aad())
    except (ValueError, TypeError):  # a provider's parser on a malformed wrapped key
        raise KeysetError(f"the data key of keyset {keyset.key_id} does not unwrap: its "
                          "wrapped key is malformed") from None
    if len(key) != 32:
        raise KeysetError("unwrapped data key is not 256 bits")
    return key


# Environment variables hushbeam or its test harness reads; any other name close to
# HUSHBEAM_HOME is taken for a misspelling of it.
_OWN_VARIABLES = frozenset({"HUSHBEAM_HOME", "HUSHBEAM_CORPORA", "HUSHBEAM_KILL_AT",
                            "HUSHBEAM_KILL_LOG", "HUSHBEAM_KILL_ROOTS", "HUSHBEAM_NET_LOG"})


def _misspelt_home_names() -> list:
    """Names in the environment that look like HUSHBEAM_HOME misspelt (any case)."""
    import difflib

    return sorted(name for name in os.environ if name not in _OWN_VARIABLES and difflib.
                  SequenceMatcher(None, name.upper(), "HUSHBEAM_HOME").ratio() >= 0.8)


def hushbeam_home() -> Path:
    """$HUSHBEAM_HOME, else ~/.hushbeam: where the development keyring lives. Set but empty
    (``HUSHBEAM_HOME=$UNSET``) is refused, not read as the current directory (where the
    master key would be written without a word); so is a path that is not a directory."""
    value = os.environ.get("HUSHBEAM_HOME")
    if value is None:
        misspelt = _misspelt_home_names()
        if misspelt:  # else another keyring, made or reused in ~/.hushbeam without a word
            raise KeysetError(f"{misspelt[0]} is set, HUSHBEAM_HOME is not: did you mean "
                              "HUSHBEAM_HOME? (unset it to use the keyring in ~/.hushbeam)")
        return Path.home() / ".hushbeam"
    if not value.strip():
        raise KeysetError("HUSHBEAM_HOME is set but empty: unset it (the development keyring "
                          "is then in ~/.hushbeam) or name a directory")
    home = Path(value)
    if home.exists() and not home.is_dir():
        raise KeysetError(f"HUSHBEAM_HOME {home} is not a directory")
    return home


def dev_keyset(home: Optional[Path] = None) -> Path:
    """The development keyset, created on first use with a loud warning."""
    home = Path(home or hushbeam_home())
    path = home / DEV_KEYSET_NAME
    if not path.exists():
        _LOG.warning(
            "\n" + "!" * 78 + "\n"
            "!! hushbeam: created a LOCAL DEVELOPMENT keyring at %s\n"
            "!! Pseudonyms depend on this key. It is NOT for production data: use a\n"
            "!! keyset wrapped by a real KMS (see docs/keys.md).\n" + "!" * 78, home)
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KeysetError(f"HUSHBEAM_HOME {home} cannot be made a directory "
                              f"({exc.strerror or type(exc).__name__})") from None
        create_keyset(f"local://{(home / DEV_MASTER_KEY_NAME).resolve()}", path)
    return path


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
