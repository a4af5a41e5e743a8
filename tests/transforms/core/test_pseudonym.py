import pytest

from transforms.core.pseudonym import PSEUDONYM_RE, Pseudonymizer

KEY_A, KEY_B = b"a" * 32, b"b" * 32


def test_pseudonym_is_typed_versioned_and_recognisable():
    p = Pseudonymizer(KEY_A, 3).pseudonymize("EMAIL", "email", "jane@example.com")
    assert p.startswith("EMAIL#k3:")
    assert PSEUDONYM_RE.fullmatch(p)


def test_same_value_in_any_format_gives_one_pseudonym():
    p = Pseudonymizer(KEY_A, 1)
    forms = ["(415) 555-2671", "+1 415 555 2671", "415.555.2671"]
    assert len({p.pseudonymize("PHONE", "phone", f) for f in forms}) == 1


def test_pseudonym_depends_on_key_and_type():
    a, b = Pseudonymizer(KEY_A, 1), Pseudonymizer(KEY_B, 1)
    assert a.pseudonym("EMAIL", "x@y.z") != b.pseudonym("EMAIL", "x@y.z")
    assert a.pseudonym("EMAIL", "12345") != a.pseudonym("CUSTOMER_ID", "12345")


def test_known_hmac_vector_pins_the_construction():
    # HMAC-SHA256(key=b"a"*32, b"EMAIL\x00jane@example.com")[:16], base32 lowercase.
    import base64, hashlib, hmac
    mac = hmac.new(KEY_A, b"EMAIL\x00jane@example.com", hashlib.sha256).digest()[:16]
    expected = "EMAIL#k1:" + base64.b32encode(mac).decode().rstrip("=").lower()
    assert Pseudonymizer(KEY_A, 1).pseudonym("EMAIL", "jane@example.com") == expected


def test_short_keys_are_refused_and_repr_hides_the_key():
    with pytest.raises(ValueError):
        Pseudonymizer(b"short", 1)
    assert "aaaa" not in repr(Pseudonymizer(KEY_A, 1))
