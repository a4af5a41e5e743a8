import pytest

from transforms.core.formats.vendor_fields import (display_names, email_of, iso_from_epoch_ms,
                                                   phone_of, stand_in_id)


@pytest.mark.parametrize("address, phone", [
    ("tel:+13175202754", "+13175202754"),
    ("sip:+81399999998@172.18.182.10;user=phone", "+81399999998"),
    ("+1 (415) 555-2671", "+14155552671"),
    ("sip:ipadphone@172.18.182.10", None),
    ("sip:524b28b06c2fdb575c2bbd29+inin.orgspan.com@localhost", None),
    ("John Doe", None), ("12", None), (None, None),
])
def test_a_phone_number_is_taken_out_of_tel_and_sip_addresses_or_nothing(address, phone):
    assert phone_of(address) == phone


def test_an_email_is_an_email_and_a_sip_address_is_not():
    assert email_of("mailto:Ann@Example.org") == "Ann@Example.org"
    assert email_of("sip:ann@example.org") is None
    assert email_of("Ann") is None


def test_display_names_keep_people_and_their_words_but_not_roles_or_masks():
    names = display_names(["John Doe", "SYSTEM_MESSAGE", "[PII]", "Customer", "Chris Customer",
                           "ann@example.org", "+1 415 555 2671", None, "john doe"])
    assert names == ("John Doe", "John", "Doe", "Chris Customer", "Chris")


def test_epoch_milliseconds_become_an_iso_time():
    assert iso_from_epoch_ms(1736953200000) == "2025-01-15T15:00:00.000Z"
    assert iso_from_epoch_ms("1736953200000") is None


def test_a_document_without_an_id_gets_a_stand_in_that_depends_on_its_content():
    assert stand_in_id({"a": 1}) == stand_in_id({"a": 1}) != stand_in_id({"a": 2})
    assert stand_in_id({"a": 1}).startswith("sha256:")
