"""InitialsNameRecognizer: two or three initials before a surname in speech-style text, with
the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.initials_name import InitialsNameRecognizer


def _found(analyzer, text):
    return found_alone(InitialsNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("the critic k m brandish wrote a review of it", "k m brandish"),  # unlisted, rare
    ("she quoted p j rivers in her talk", "p j rivers"),  # listed surname, seldom a word
    ("a letter from r d f hollowmere arrived", "r d f hollowmere"),
])
def test_initials_then_a_surname_are_one_name(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "the u s senators voted on it",  # an abbreviation said as letters
    "we flew to washington d c to see it",
    "the t v stand is broken",  # no surname after the letters
    "i e brandish",  # "i" is the pronoun, never an initial
    "spell it j o n e s brandish",  # a longer run is a spelling
    "K. M. Brandish wrote a review.",  # written text is left to the NER
    "my postcode is s w one",
    "you do n t dodge the question",  # a contraction cut in two
    "what do s f plumbers charge",  # a plural
    "see you at home d d xxxxxx",  # a stretched word
    "at 6 30 p m a motorcyclist came",  # the article "a" ends the letters
    "the firm m s halvorsen traders",  # "m s" for messrs
    "in the o m case we heard",  # a listed surname but a common word
    "i have an o b gyn appointment",  # a medical term said as letters, not a name
])
def test_letters_without_a_surname_after_them_are_no_name(analyzer, text):
    assert _found(analyzer, text) == []


def test_initials_and_surname_are_redacted_together(redactor):
    out = redacted(redactor, "in a review k m brandish said the book was long")
    assert "brandish" not in out and "review" in out and "book was long" in out



@pytest.mark.parametrize("text,name", [
    ("p w 8 anandakumar s o kundappa who is other", "kundappa"),
    ("smt lakshmi w o rakesh aged 45 years", "rakesh"),
])
def test_son_of_or_wife_of_said_as_letters_stays_and_the_name_after_goes(analyzer, redactor,
                                                                          text, name):
    assert _found(analyzer, text) == [name]
    out = redacted(redactor, text)
    assert name not in out and (" s o " in out or " w o " in out)
