"""Subkeys of the data key: HKDF-SHA256, one independent key per label."""
import hashlib
import hmac

from transforms.keys.subkeys import derive_subkey

DATA_KEY = bytes(range(32))


def _hkdf_rfc5869(ikm: bytes, info: bytes) -> bytes:
    """HKDF-SHA256 written out from RFC 5869 (no salt: a zero-filled one), 32 bytes."""
    prk = hmac.new(b"\x00" * 32, ikm, hashlib.sha256).digest()
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()


def test_a_subkey_is_hkdf_sha256_of_the_data_key_under_its_label():
    assert derive_subkey(DATA_KEY, "vault-manifest") == _hkdf_rfc5869(
        DATA_KEY, b"hushbeam/vault-manifest")
    assert len(derive_subkey(DATA_KEY, "vault-manifest")) == 32


def test_labels_and_keys_give_unrelated_subkeys():
    subkeys = {derive_subkey(DATA_KEY, label) for label in ("vault-manifest", "audit-log")}
    subkeys.add(derive_subkey(bytes(32), "vault-manifest"))
    assert len(subkeys) == 3 and DATA_KEY not in subkeys
