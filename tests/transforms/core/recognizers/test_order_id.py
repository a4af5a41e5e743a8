"""ORDER_ID (issue 9): order, booking, confirmation, tracking and ticket numbers after
their cue, written or said, get their own type (not PHONE) and a pseudonym of their own."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


@pytest.mark.parametrize("text,value", [
    ("My order number is 4567891234 and it has not arrived.", "4567891234"),
    ("Order #A1B2C3D4 was shipped yesterday.", "A1B2C3D4"),
    ("order id: 88123456", "88123456"),
    ("Your confirmation number is QX7Y2Z.", "QX7Y2Z"),
    ("The confirmation code is 7HJ4K9L2.", "7HJ4K9L2"),
    ("tracking number 1Z999AA10123456784", "1Z999AA10123456784"),
    ("My booking reference is ABC123.", "ABC123"),
    ("reservation number 55612398", "55612398"),
    ("ticket number 4412-7789", "4412-7789"),
    ("mon numéro de commande est 4567891234", "4567891234"),
])
def test_a_written_order_booking_or_tracking_number_after_its_cue_is_an_order_id(
        analyzer, policy, text, value):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, "ORDER_ID") == [value]


@pytest.mark.parametrize("text", [
    "Please list them in order of 2019 importance.",
    "In order of 1, 2, 3 please.",
    "I want to order 12345 widgets.",
    "The case number 12345 of 2019 was heard.",
    "my room number is 120456",
    "the order total was 45.99 dollars",
    "the tracking page says 2019",
    "order no. 2019 was the last one",
    "the order # was 12.99 dollars",
])
def test_order_words_without_the_number_they_name_find_no_order_id(redactor, text):
    assert "ORDER_ID" not in redacted(redactor, text)


@pytest.mark.parametrize("text", [
    "My order number is 4567891234 and it has not arrived.",
    "reservation number 55612398",
    "ticket number 4412-7789",
])
def test_an_order_number_shaped_like_a_phone_is_typed_order_id_not_phone(redactor, text):
    out = redacted(redactor, text)
    assert "ORDER_ID#k1:" in out and "PHONE" not in out


@pytest.mark.parametrize("said,written", [
    ("my order number is four five six seven eight nine", "my order number is 456789"),
    ("my confirmation number is seven three two nine one eight four",
     "my confirmation number is 7329184"),
    ("tracking number is one z nine nine nine a a one zero one two three",
     "tracking number is 1Z999AA10123"),
    ("the booking reference is a b c one two three", "the booking reference is ABC123"),
])
def test_an_order_number_said_in_words_gets_the_pseudonym_of_the_written_one(
        redactor, said, written):
    out_said, out_written = redacted(redactor, said), redacted(redactor, written)
    assert "ORDER_ID#k1:" in out_said and "PHONE" not in out_said
    assert out_said == out_written


@pytest.mark.parametrize("text", [
    "Reference number 2023-01-15 was the date of my complaint.",
    "the reference number is 2023-01-15",
    "reference no. 1990-2000 covers the decade",
])
def test_a_date_or_a_span_of_years_after_an_order_cue_is_no_order_id(redactor, text):
    """Review rev25: a date after "reference number" was an ORDER_ID pseudonym."""
    assert "ORDER_ID" not in redacted(redactor, text)


@pytest.mark.parametrize("text,value", [
    ("My booking reference is XKQZPT.", "XKQZPT"),
    ("your confirmation code is QWERTY and the flight leaves at nine", "QWERTY"),
    ("Booking ref: HJKLMN", "HJKLMN"),
])
def test_a_booking_code_of_capital_letters_alone_after_its_cue_is_an_order_id(
        analyzer, policy, text, value):
    """An airline or hotel booking code is often six letters (a PNR): no digit in it."""
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, "ORDER_ID") == [value]


@pytest.mark.parametrize("text", [
    "my booking reference is WRONG on the email",
    "the confirmation code is INVALID they said",
    "MY BOOKING REFERENCE IS XKQZPT",  # a shouted line: capitals say nothing
    "the order number is Pending",
    "your booking reference is below",
])
def test_a_word_in_capitals_or_a_shouted_line_after_an_order_cue_is_no_order_id(
        analyzer, policy, text):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, "ORDER_ID") == []


def test_a_booking_code_of_letters_said_one_by_one_gets_the_pseudonym_of_the_written_one(
        redactor):
    said = redacted(redactor, "the booking reference is x k q z p t")
    written = redacted(redactor, "the booking reference is XKQZPT")
    assert "ORDER_ID#k1:" in said and said == written


@pytest.mark.parametrize("text", ["the booking reference is a b c",
                                  "the booking reference is a little long"])
def test_a_few_letters_or_words_after_an_order_cue_are_no_spoken_order_id(redactor, text):
    assert "ORDER_ID" not in redacted(redactor, text)
