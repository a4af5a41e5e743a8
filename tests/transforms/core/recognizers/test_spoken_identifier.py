"""SpokenIdentifierRecognizer: an SSN, ZIP, policy or document number said in words after
its cue, typed as that identifier (not as a phone)."""
import re

import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.recognizers.spoken_identifier import spoken_identifiers, spoken_rules


def found(text):
    return [(entity, text[s:e], value) for s, e, entity, value in spoken_identifiers(text)]


def test_a_social_said_with_tens_is_an_ssn():
    assert found("my social is one two three forty five six seven eight nine") == [
        ("US_SSN", "one two three forty five six seven eight nine", "123456789")]
    assert found("my social security number is one twenty three forty five sixty seven "
                 "eighty nine")[0][::2] == ("US_SSN", "123456789")


def test_a_zip_said_in_words_or_spaced_digits_is_a_postal_code():
    assert found("the zip code is nine oh two one oh")[0][::2] == ("POSTAL_CODE", "90210")
    assert found("zip 9 0 2 1 0")[0][::2] == ("POSTAL_CODE", "90210")
    assert found("my zip is nine oh two one oh dash one two three four")[0][::2] == (
        "POSTAL_CODE", "90210-1234")


def test_a_policy_or_account_id_said_aloud_reads_as_the_written_one(policy):
    assert _found_with(policy, "my policy number is p o l dash one two three four five six "
                               "seven eight nine")[0][::2] == ("POLICY_ACCOUNT_ID", "POL-123456789")
    assert _found_with(policy, "account number a c c t one two three four five six seven "
                               "eight")[0][::2] == ("POLICY_ACCOUNT_ID", "ACCT-12345678")


def test_document_numbers_said_aloud_take_their_cue_s_type():
    assert found("my passport number is one two three four five six seven eight nine")[0][
        ::2] == ("PASSPORT", "123456789")
    assert found("my drivers license is d one two three four five six seven")[0][::2] == (
        "DRIVER_LICENSE", "D1234567")
    assert found("license plate is seven a b c one two three")[0][::2] == (
        "VEHICLE_ID", "7ABC123")


@pytest.mark.parametrize("text", [
    "my social worker called me twice",
    "the last four of my social are six seven eight nine",
    "the zip code on the form was wrong",
    "my zip code is 90210",  # written: the postal-code recognizer's
    "i need to update my passport photo",
    "my account is two hundred dollars overdrawn",
    "my account number ends in four five six seven",
    "my passport expires in twenty twenty five",
    "the social security office opens at nine thirty",
])
def test_cues_without_an_identifier_said_after_them_find_nothing(text):
    assert found(text) == []


def test_spoken_identifiers_are_removed_with_their_type_not_as_a_phone(redactor):
    out = redacted(redactor, "my passport number is one two three four five six seven eight "
                             "nine")
    assert out == "my passport number is <PASSPORT>"
    out = redacted(redactor, "my drivers license is d one two three four five six seven")
    assert out == "my drivers license is <DRIVER_LICENSE>"
    assert redacted(redactor, "my social is one two three forty five six seven eight nine") \
        == "my social is <US_SSN>"
    assert redacted(redactor, "the zip code is nine oh two one oh") == \
        "the zip code is <POSTAL_CODE>"


def test_a_policy_id_said_aloud_gets_the_written_one_s_pseudonym(redactor):
    spoken = redacted(redactor, "my policy number is p o l dash one two three four five six "
                                "seven eight nine")
    written = redacted(redactor, "policy number POL-123456789")
    token = re.compile(r"POLICY_ACCOUNT_ID#\S+")
    assert token.findall(spoken) and token.findall(spoken) == token.findall(written)
    assert "p o l" not in spoken


@pytest.mark.parametrize("text", [
    "the rate of 40 on account of 1 61 280 future prospects",  # an amount, marks dropped
    "on account of two hundred thousand",
    "social security number 123 45 6789",  # written groups: the written rules'
    "My driver's license number is D3413656",  # written: cued_identifier's
])
def test_written_numbers_and_phrases_after_a_cue_word_are_no_spoken_identifier(text):
    assert found(text) == []


# The ids of the policy's own custom rules said aloud (spoken_identifier reads no prefix
# of its own: the rules are the policy's).
_MEMBER_RULE = {"name": "Member id", "entity": "MEMBER_ID",
                "pattern": r"\b(?:MEM|CUST)-[0-9]{6,10}\b", "replacementType": "TOKEN"}


@pytest.fixture(scope="module")
def member_policy():
    from transforms.core.policy.parsing import parse_policy

    return parse_policy({"extends": "default", "customRules": [_MEMBER_RULE]})


@pytest.fixture(scope="module")
def member_redactor(member_policy, pseudonymizer):
    from transforms.core.presidio_engine import build_analyzer
    from transforms.core.text_redactor import TextRedactor

    return TextRedactor(member_policy, pseudonymizer, build_analyzer(member_policy))


def _found_with(policy, text):
    rules = spoken_rules(policy.custom_rules)
    return [(entity, text[s:e], value) for s, e, entity, value in spoken_identifiers(text, rules)]


def test_a_custom_rule_s_id_said_with_its_prefix_spelled_is_that_rule_s_entity(member_policy):
    assert _found_with(member_policy, "it's m e m dash one two three four five six") == [
        ("MEMBER_ID", "m e m dash one two three four five six", "MEM-123456")]
    assert _found_with(member_policy, "my member id is c u s t one two three forty five six "
                                      "seven")[0][::2] == ("MEMBER_ID", "CUST-1234567")


def test_the_default_policy_s_ids_are_read_from_its_rules_even_without_a_cue(policy):
    assert _found_with(policy, "yes it's p o l dash one two three four five six seven eight "
                               "nine")[0][::2] == ("POLICY_ACCOUNT_ID", "POL-123456789")


@pytest.mark.parametrize("text", [
    "it's m e m dash one two three",  # too short for the rule
    "it's x y z dash one two three four five six",  # no rule's prefix
    "i saw a m e m b e r one two three four five six",  # spelled on, no rule matches
])
def test_a_spelled_reading_no_custom_rule_matches_is_no_custom_id(member_policy, text):
    assert not [f for f in _found_with(member_policy, text) if f[0] == "MEMBER_ID"]


def test_without_the_policy_s_rules_no_custom_id_is_read():
    assert found("it's p o l dash one two three four five six seven eight nine") == []


def test_a_custom_id_said_aloud_gets_the_written_one_s_pseudonym(member_redactor):
    spoken = redacted(member_redactor, "sure it's m e m dash one two three four five six")
    written = redacted(member_redactor, "member MEM-123456 called")
    token = re.compile(r"MEMBER_ID#\S+")
    assert token.findall(spoken) and token.findall(spoken) == token.findall(written), spoken
    assert "m e m" not in spoken and "one two" not in spoken
