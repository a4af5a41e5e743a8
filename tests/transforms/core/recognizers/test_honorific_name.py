"""HonorificNameRecognizer: the name after "mr"/"mrs"/"ms"/"mx", and a degree after a
name, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.honorific_name import HonorificNameRecognizer


def _found(analyzer, text):
    return found_alone(HonorificNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("mr good is a 16 year old man", "mr good"),
    ("mx stone flew to leeds on tuesday morning", "mx stone"),
    ("mr bryan webb lives at 952 martin rue", "mr bryan webb"),
    ("miss okonkwo called about the refund", "miss okonkwo"),
])
def test_the_word_after_an_honorific_is_a_name(analyzer, text, name):
    assert _found(analyzer, text) == [name]


def test_an_ordinary_word_after_an_honorific_is_redacted(redactor):
    out = redacted(redactor, "mx stone flew to leeds")
    assert "stone" not in out and out.endswith("<PERSON> flew to <LOCATION>")


@pytest.mark.parametrize("text, name", [
    ("robert torres phd lives at 11441 lee port", "torres phd"),
    ("my name is erika sutton md", "sutton md"),
])
def test_a_degree_after_a_name_belongs_to_it(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "i miss the bus every day", "turn left at quayside dr new westminster",
    "the doctor said rest", "the 6 125 jr sub debentures",
])
def test_a_weak_honorific_before_ordinary_words_finds_nothing(analyzer, text):
    assert _found(analyzer, text) == []
