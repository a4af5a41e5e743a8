"""AgeRecognizer: a person's age after an age cue or before "years old"."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


def _found(analyzer, policy, text):
    return found_by("AgeRecognizer", analyzer, policy, text, "AGE")


@pytest.mark.parametrize("text", [
    "I'm 47.", "I am 47 and live alone", "aged 47", "he just turned 47",
    "a 47-year-old male", "she is 47 years old", "i'm 47 y/o", "retired at the age of 47",
])
def test_an_age_is_found(analyzer, policy, text):
    assert _found(analyzer, policy, text) == ["47"]


@pytest.mark.parametrize("text", [
    "I'm 5 minutes away", "I am 20 dollars short", "the total was 47.",
    "we have 47 items", "They finished with 104 points",
])
def test_other_numbers_are_not_ages(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_the_words_around_an_age_stay(redactor):
    assert redacted(redactor, "a 47-year-old male") == "a <AGE>-year-old male"


@pytest.mark.parametrize("text, age", [
    ("i'm 47 i live in leeds", "47"), ("he is 47 my wife is younger", "47"),
    ("patient 47 yo male", "47"), ("a 47 year old woman", "47"), ("47 y o female", "47"),
    ("he is forty two", "forty two"), ("she is forty-two years old", "forty-two"),
    ("my age is 47 and", "47"), ("aged twenty one", "twenty one"),
    ("she is 47 years of age", "47"),
])
def test_a_speech_style_age_is_found(analyzer, policy, text, age):
    assert _found(analyzer, policy, text) == [age]


@pytest.mark.parametrize("text", [
    "i'm five minutes away", "he is one of our best customers", "we have forty two items",
    "i'm 5 minutes away i think",
])
def test_numbers_in_speech_that_are_not_ages_stay(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []
