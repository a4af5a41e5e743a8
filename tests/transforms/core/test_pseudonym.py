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


def test_a_shorter_pseudonym_is_the_prefix_of_the_default_one_and_still_recognised():
    full = Pseudonymizer(b"\x07" * 32, 1).pseudonym("EMAIL", "jane@example.com")
    short = Pseudonymizer(b"\x07" * 32, 1, length=16).pseudonym("EMAIL", "jane@example.com")
    assert len(short) == len("EMAIL#k1:") + 16 and full.startswith(short)
    assert PSEUDONYM_RE.fullmatch(short) and PSEUDONYM_RE.fullmatch(full)
    assert not PSEUDONYM_RE.fullmatch(short[:-1])


def test_a_pseudonym_length_outside_16_to_26_is_refused():
    for length in (15, 27):
        with pytest.raises(ValueError):
            Pseudonymizer(b"\x07" * 32, 1, length=length)


def test_the_keyed_index_depends_on_the_purpose_and_the_key_never_on_the_pseudonym():
    one, other = Pseudonymizer(b"\x07" * 32, 1), Pseudonymizer(b"\x08" * 32, 1)
    assert one.keyed_index("surrogate", "jane") == one.keyed_index("surrogate", "jane")
    assert one.keyed_index("surrogate", "jane") != one.keyed_index("other", "jane")
    assert one.keyed_index("surrogate", "jane") != other.keyed_index("surrogate", "jane")
