"""Purpose-bound subkeys: HKDF-SHA256 of the data key under a label."""
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from transforms.keys.subkeys import derive_subkey


def test_each_label_gets_its_own_stable_256_bit_subkey():
    key = bytes(range(32))
    audit, manifest = derive_subkey(key, "audit-log/v1"), derive_subkey(key, "vault-manifest")
    assert len(audit) == 32 and audit != manifest and audit != key
    assert derive_subkey(key, "audit-log/v1") == audit
    assert derive_subkey(bytes(32), "audit-log/v1") != audit


def test_the_derivation_is_hkdf_sha256_without_salt_and_a_hushbeam_info():
    key = bytes(range(32))
    expected = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"hushbeam/audit-log/v1").derive(key)
    assert derive_subkey(key, "audit-log/v1") == expected
