"""SsnShapeRecognizer (issue 9): a 3-2-4 number is a US_SSN, also the example numbers
Presidio refuses, unless a phone cue names it; nine digits after an SSN cue are one."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("text", [
    "His SSN is 123-45-6789.",
    "My social security number is 078-05-1120.",
    "Number: 123-45-6789",
    "123-45-6789",
    "He wrote 234-56-7891 on the form.",
    "ssn 123 45 6789",
    "my social is 234567891",
])
def test_an_ssn_shaped_value_with_an_ssn_cue_or_no_phone_cue_is_a_us_ssn(redactor, text):
    out = redacted(redactor, text)
    assert "<US_SSN>" in out and "PHONE" not in out
    assert not any(digits in out for digits in ("6789", "1120", "7891"))


@pytest.mark.parametrize("text", [
    "Call me at 123-45-6789 tomorrow.",
    "my phone number is 234-56-7891",
    "my cell is 234-56-7891",
])
def test_an_ssn_shaped_value_after_a_phone_cue_stays_a_phone(redactor, text):
    out = redacted(redactor, text)
    assert "PHONE#k1:" in out and "US_SSN" not in out


def test_an_ssn_and_a_phone_in_one_sentence_keep_their_own_types(redactor):
    out = redacted(redactor, "My social security number is 234-56-7891 and phone 212-555-0187.")
    assert out.startswith("My social security number is <US_SSN> and phone PHONE#k1:")


@pytest.mark.parametrize("text", [
    "the invoice total is 123456789",  # nine digits without an SSN cue
    "ISBN 978-3-16-148410-0",
    "Section 12-34-5678 of the act",
])
def test_other_numbers_are_not_taken_for_an_ssn(redactor, text):
    assert "US_SSN" not in redacted(redactor, text)


@pytest.mark.parametrize("text", [
    "Call center agents asked for 456-12-7890",
    "The text said 078-05-1120",
    "I called yesterday and gave 234-56-7891",
    "The call was about my number 234-56-7891",
])
def test_a_phone_word_that_does_not_name_the_number_leaves_it_a_us_ssn(redactor, text):
    """Review mend25a: any phone word in the 40 characters before a 3-2-4 number made it
    a PHONE, so a policy that keeps phones would have printed the SSN."""
    out = redacted(redactor, text)
    assert "<US_SSN>" in out and "PHONE" not in out


@pytest.mark.parametrize("text", [
    "reach me on 234-56-7891",
    "you can reach me at 234-56-7891",
    "phone: 234-56-7891",
    "my mobile number is 234-56-7891",
    "text me at 234-56-7891",
    "call 234-56-7891 after six",
    "fax 234-56-7891",
])
def test_a_phone_cue_that_names_the_number_keeps_it_a_phone(redactor, text):
    out = redacted(redactor, text)
    assert "PHONE#k1:" in out and "US_SSN" not in out


@pytest.mark.parametrize("text", [
    "my order number is 234-56-7891",
    "Order #234-56-7891 was shipped.",
    "my confirmation number is 234-56-7891",
    "tracking number 234-56-7891",
])
def test_an_ssn_shaped_value_named_by_an_order_cue_is_an_order_id(redactor, text):
    """Review mend25a: US_SSN outranks ORDER_ID, so an order number of the SSN's shape
    became <US_SSN> and lost its link to the customer's order."""
    out = redacted(redactor, text)
    assert "ORDER_ID#k1:" in out and "US_SSN" not in out and "7891" not in out


@pytest.mark.parametrize("text", [
    "my ssn for the order number is 234-56-7891",
    "my order number is 345-67-8912 and my ssn is 234-56-7891",
])
def test_an_ssn_cue_keeps_an_ssn_shaped_value_a_us_ssn_beside_an_order_cue(redactor, text):
    out = redacted(redactor, text)
    assert out.endswith("<US_SSN>") and "7891" not in out
