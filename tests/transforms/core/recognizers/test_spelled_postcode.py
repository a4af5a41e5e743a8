"""SpelledPostcodeRecognizer: UK postcodes read out letter by letter, with the real
analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.recognizers.spelled_postcode import spelled_postcodes


def _found(analyzer, policy, text):
    return found_by("SpelledPostcodeRecognizer", analyzer, policy, text, "POSTAL_CODE")


@pytest.mark.parametrize("text,code", [
    ("m o h 9 y s", "m o h 9 y s"),  # "o" said for zero
    ("it's whiskey 2 0 alpha bravo thanks", "whiskey 2 0 alpha bravo"),
    ("ML 3 H 6 b a r", "ML 3 H 6 b a"),  # the stray letter after a whole code stays out
    ("eh6 5dy", "eh6 5dy"),
    ("j e 0 x 5 S B", "j e 0 x 5 S B"),
])
def test_a_spelled_uk_postcode_is_found(analyzer, policy, text, code):
    assert _found(analyzer, policy, text) == [code]


def test_part_of_a_postcode_with_letters_and_digits_is_found(analyzer, policy):
    assert _found(analyzer, policy, "e 9 6 7 t") == ["e 9 6 7 t"]


@pytest.mark.parametrize("text", [
    "it is 2 4 me", "I want a table for 2 at 7 pm", "r o s e m a r y", "set an alarm for 6 30",
    "call me on 4 5 6 7", "it is a 501 c 3 charity", "I live in SA 37112. I now live here",
    "GOLF - WOOSNAM LEADS BY TWO AT HALFWAY STAGE .",  # a headline: "BY" and "AT" are words
])
def test_numbers_words_and_letters_alone_are_not_postcodes(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_part_of_a_postcode_with_a_digit_said_twice_is_found(analyzer, policy):
    # speech recognition repeats digits: a partial postcode may hold more than three
    assert _found(analyzer, policy, "l 2 2 0 0 5") == ["l 2 2 0 0 5"]


def test_a_postcode_spelled_on_a_line_in_capitals_is_still_found(analyzer, policy):
    assert _found(analyzer, policy, "MY POSTCODE IS E H SIX FIVE D Y") == ["E H SIX FIVE D Y"]


def test_a_spelled_postcode_is_replaced_and_the_words_around_kept(redactor):
    assert redacted(redactor, "yes it's m o h 9 y s") == "yes it's <POSTAL_CODE>"


def test_a_long_spelled_run_is_read_a_postcode_length_at_a_time(monkeypatch):
    from transforms.core.recognizers import spelled_postcode

    shape, tried = spelled_postcode.UK_SHAPE, []

    class Counting:
        def fullmatch(self, code):
            tried.append(len(code))
            return shape.fullmatch(code)

    monkeypatch.setattr(spelled_postcode, "UK_SHAPE", Counting())
    text = " ".join(["b"] * 3000) + " 27"  # a 3,000-letter run; before: minutes (cubic)
    assert spelled_postcodes(text) == []
    assert max(tried) <= 7 and len(tried) <= 7 * 3001  # stretches of a postcode's length


@pytest.mark.parametrize("text", [
    "the petitioner relied on the evidence of p w 18 and the respondent on d ws 2",
    "the receipts were brought on record by the appellant as ex p 12 and the respondents "
    "did not object",
    "attested by p w 11 and l w 15 said the respondent, the petitioner disagreed",
])
def test_witness_and_exhibit_marks_in_a_judgment_are_no_postcode(analyzer, policy, text):
    assert found_by("SpelledPostcodeRecognizer", analyzer, policy, text, "POSTAL_CODE") == []


def test_a_spelled_postcode_of_a_real_area_in_a_judgment_is_still_found(analyzer, policy):
    text = "the petitioner lives at s w 1 a 2 a a and the respondent elsewhere"
    assert found_by("SpelledPostcodeRecognizer", analyzer, policy, text, "POSTAL_CODE") == \
        ["s w 1 a 2 a a"]


def test_outside_a_judgment_a_misheard_area_is_still_a_postcode(analyzer, policy):
    assert found_by("SpelledPostcodeRecognizer", analyzer, policy, "p w 1 8 x a",
                    "POSTAL_CODE") == ["p w 1 8 x a"]


@pytest.mark.parametrize("text", [
    "love you so much lt 3 8 see you soon",  # "<3" flattened: "lt" is no postcode area
    "hij was nu al 3 dagen kwijt",  # Dutch words around a number
    "rainfall mn 10 today and the wind from the sw",
    "x1x ne x1x december 13 2014 at 08 32 am",
])
def test_part_of_a_postcode_outside_any_postcode_area_inside_a_line_is_not_found(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,code", [
    ("it's t n 5 1 s", "t n 5 1 s"),  # TN: Tonbridge
    ("b 3 j 0 z", "b 3 j 0 z"),  # B: Birmingham
])
def test_part_of_a_postcode_of_a_real_area_is_still_found(analyzer, policy, text, code):
    assert _found(analyzer, policy, text) == [code]


def test_a_turn_that_is_a_misheard_part_of_a_postcode_is_still_found(analyzer, policy):
    # "o n" heard for "l n": no postcode area, but the caller's whole turn is the code
    assert _found(analyzer, policy, "o n 3 2 p") == ["o n 3 2 p"]
