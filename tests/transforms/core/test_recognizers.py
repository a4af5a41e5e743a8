"""hushbeam's recognizers, alone and inside the real analyzer (session fixture)."""
import pytest

from transforms.core.recognizers import (SpokenEmailRecognizer, SpokenNumberRecognizer,
                                    spoken_digits, spoken_email)
from transforms.core.text_redactor import KnownIdentifier, TextRedactor


@pytest.fixture(scope="module")
def redactor(policy, pseudonymizer, analyzer):
    return TextRedactor(policy, pseudonymizer, analyzer)


def _out(redactor, text, known=()):
    return redactor.redact([text], [list(known)])[0].text


@pytest.mark.parametrize("spoken,digits", [
    ("four one five five five five two six seven one", "4155552671"),
    ("seven double two oh nine", "72209"),
    ("two triple five 12", "255512"),
])
def test_spoken_digits_read_as_digits(spoken, digits):
    assert spoken_digits(spoken) == digits


def test_spoken_numbers_are_classified_by_length_checksum_and_cue():
    rec = SpokenNumberRecognizer()
    found = lambda t: [(r.entity_type, t[r.start:r.end]) for r in rec.analyze(
        t, rec.ENTITIES)]
    assert found("my ssn is two one nine oh nine nine nine nine nine") == [
        ("US_SSN", "two one nine oh nine nine nine nine nine")]
    assert found("card four one one one one one one one one one one one one one one one")[0][0] \
        == "CREDIT_CARD"
    assert found("call me on four one five five five five two six seven one")[0][0] \
        == "PHONE_NUMBER"
    assert found("i have one question and two requests") == []


def test_spoken_email_becomes_the_written_address():
    rec = SpokenEmailRecognizer()
    text = "my email is marie dash therese dot mülichen65 at yahoo dot com thanks"
    (result,) = rec.analyze(text, ["EMAIL_ADDRESS"])
    assert text[result.start:result.end].startswith("marie")
    assert spoken_email("marie dash therese dot mülichen65", "yahoo dot com") == \
        "marie-therese.mülichen65@yahoo.com"


def test_spoken_phone_and_email_get_the_columns_pseudonyms(redactor, pseudonymizer):
    known = [KnownIdentifier("PHONE", "phone", "+14155552671"),
             KnownIdentifier("EMAIL", "email", "jane.doe@example.com")]
    out = _out(redactor, "customer yes it's four one five five five five two six seven one "
               "and my email is jane dot doe at example dot com", known)
    assert pseudonymizer.pseudonym("PHONE", "+14155552671") in out
    assert pseudonymizer.pseudonym("EMAIL", "jane.doe@example.com") in out


def test_lowercase_names_after_cues_are_found_but_words_are_not(redactor):
    out = _out(redactor, "customer: hi my name is priya patel and i am calling about my bill "
               "agent: thanks priya have a good day")
    assert "priya" not in out and "patel" not in out
    assert "calling about my bill" in out and "have a good day" in out


def test_a_name_in_the_notes_is_found_in_the_voice_transcript(redactor):
    results = redactor.redact(["yeah so grzegorz here about the renewal",
                               "Customer Grzegorz Brzeczyszczykiewicz called."],
                              [[], []], groups=[0, 0])
    assert "grzegorz" not in results[0].text.lower()
    assert "about the renewal" in results[0].text


@pytest.mark.parametrize("text,gone", [
    ("i live at 28400 Karen Pike Apt. 524 since may", "28400 Karen Pike"),
    ("ship it to 12 rue de la paix please", "12 rue de la"),
    ("my date of birth is the 12 of june 1966", "1966"),
    ("dob: 03/14/1985", "03/14/1985"),
    ("card 2720 9869 8797 3091", "3091"),  # 2-series Mastercard, Luhn-valid
    ("refund to ES5041535255436301029398 customer", "ES5041535255436301029398"),
])
def test_addresses_birth_dates_cards_and_ibans_are_removed(redactor, text, gone):
    assert gone not in _out(redactor, text)


def test_meeting_dates_and_domain_words_are_not_redacted(redactor):
    text = ("the renewal is due on march 3 2026; please confirm your SSN and IBAN by card "
            "or account statement")
    assert _out(redactor, text) == text


def test_custom_rule_matches_next_to_non_latin_scripts(redactor):
    for text in ("保单POL-12345678已更新", "полис POL-12345678 обновлён", "policy POL-12345678"):
        assert "12345678" not in _out(redactor, text)


def test_redacting_redacted_text_changes_nothing(redactor):
    once = _out(redactor, "Hi, I am John Smith, call 212-555-0147 or john@example.com")
    assert _out(redactor, once) == once
