import phonenumbers
import pytest

from transforms.core.operators import Detection, RecordScope
from transforms.core.operators.surrogate import Surrogate, is_surrogate_email
from transforms.core.operators.surrogate_names import EN_FIRST, EN_LAST, FR_FIRST, FR_LAST
from transforms.core.pseudonym import Pseudonymizer

OTHER_KEY = Pseudonymizer(b"\x02" * 32, 1, "US")


def _treat(pseudonymizer, scope, *values, entity="PERSON"):
    detections = [Detection(v, entity, entity, "id_casefold", scope=scope) for v in values]
    for d in detections:
        scope.see(d)
    return [Surrogate().treat(d, {}, pseudonymizer).text for d in detections]


def test_a_name_gets_a_first_name_and_a_surname_of_the_record_language(pseudonymizer):
    first, last = _treat(pseudonymizer, RecordScope("en"), "John Smith")[0].split()
    assert first in EN_FIRST and last in EN_LAST
    first, last = _treat(pseudonymizer, RecordScope("fr"), "Jean Dupont")[0].split()
    assert first in FR_FIRST and last in FR_LAST


def test_the_same_name_gets_the_same_surrogate_in_every_record_under_one_key(pseudonymizer):
    one = _treat(pseudonymizer, RecordScope(), "John Smith")
    assert _treat(pseudonymizer, RecordScope(), "John Smith") == one
    names = ["John Smith", "Maria Lopez", "Urmi Nanda", "Jane Roe", "Peter Pan"]
    assert ([_treat(OTHER_KEY, RecordScope(), n) for n in names]
            != [_treat(pseudonymizer, RecordScope(), n) for n in names])


def test_mentions_of_one_person_stay_coherent_and_case_follows_the_text(pseudonymizer):
    full, first, last, lower = _treat(pseudonymizer, RecordScope(), "John Smith", "John",
                                      "Mr Smith", "john")
    fake_first, fake_last = full.split()
    assert (first, last, lower) == (fake_first, f"Mr {fake_last}", fake_first.lower())


def test_a_surrogate_never_is_a_real_name_of_the_record(pseudonymizer):
    fake = _treat(pseudonymizer, RecordScope(), "John Smith")[0]
    fake_first, fake_last = fake.split()
    # a record where the surrogate's own words are real names: another one is taken
    again = _treat(pseudonymizer, RecordScope(), f"{fake_first} {fake_last}", "John Smith")
    for real, word in zip(("John", "Smith"), again[1].split()):
        assert word not in (fake_first, fake_last, real)


def test_two_people_of_one_record_never_share_a_surrogate(pseudonymizer):
    firsts = list(dict.fromkeys(EN_FIRST[:40] + EN_LAST[:40]))  # Thomas is on both
    fakes = _treat(pseudonymizer, RecordScope(), *firsts)
    assert len(set(fakes)) == len(firsts)


def test_an_email_becomes_an_example_address_the_same_in_any_case(pseudonymizer):
    one, two = _treat(pseudonymizer, RecordScope(), "Jane.Roe@Mail.org", "jane.roe@mail.org",
                      entity="EMAIL_ADDRESS")
    assert one == two and one.endswith("@example.com") and is_surrogate_email(one)
    assert not is_surrogate_email("support@example.com")


def test_a_phone_becomes_a_number_of_the_range_reserved_for_fiction(pseudonymizer):
    one, two = _treat(pseudonymizer, RecordScope(), "415 555 2671", "+1 (415) 555-2671",
                      entity="PHONE_NUMBER")
    assert one == two
    number = phonenumbers.parse(one, "US")
    assert str(number.national_number)[3:8] == "55501"


@pytest.mark.parametrize("value", ["Dr", "the agent"])
def test_a_name_without_a_name_word_becomes_a_placeholder(pseudonymizer, value):
    assert _treat(pseudonymizer, RecordScope(), value) == ["<PERSON>"]


def test_a_word_after_a_title_is_a_surname(pseudonymizer):
    fake = _treat(pseudonymizer, RecordScope(), "Mr Baker")[0]
    assert fake.startswith("Mr ") and fake[3:] in EN_LAST


def test_a_known_male_or_female_first_name_gets_one_of_the_same_list(pseudonymizer):
    from transforms.core.operators.surrogate_names import EN_FEMALE, EN_MALE, FR_FEMALE

    emma, john, unknown = _treat(pseudonymizer, RecordScope(), "Emma", "John", "Priya")
    assert emma in EN_FEMALE and john in EN_MALE and unknown in EN_FIRST
    assert _treat(pseudonymizer, RecordScope("fr"), "Emma")[0] in FR_FEMALE
