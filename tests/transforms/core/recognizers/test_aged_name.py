"""AgedNameRecognizer: a name given with its age ("kowalczyk now 45") in caseless news,
with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.aged_name import AgedNameRecognizer


def _found(analyzer, text):
    return found_alone(AgedNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("two days later kowalczyk now 45 was released on bail", "kowalczyk"),
    ("the driver ferreira aged 52 was unhurt", "ferreira"),
    ("maria kowalczyk now 45 was released on bail", "maria kowalczyk"),
    ("kowalczyk now 45 years old was released on bail", "kowalczyk"),
])
def test_a_name_like_word_before_now_or_aged_and_an_age_is_a_person(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "children aged 5 and over ride free",
    "the price is now 30 dollars",
    "the team is now 12 points clear",
    "the villa now 300 years old was sold",  # no age: a number above 120
    "the firmware now 3 versions behind",  # a thing: after a determiner
    "my modem aged 3 is slow",  # a thing: after a possessive
    "caller verified postcode now 2 days ago",  # a count of something, not an age
    "latency now 40 milliseconds",
    "latency now 20 percent lower",
])
def test_ordinary_words_before_now_or_aged_and_a_number_are_not_names(analyzer, text):
    assert _found(analyzer, text) == []


def test_written_text_is_left_to_spacy(analyzer):
    assert _found(analyzer, "Two days later Kowalczyk, now 45, was released on bail.") == []


def test_the_name_goes_and_the_age_report_stays(redactor):
    out = redacted(redactor, "two days later kowalczyk now 45 was released on bail")
    assert "kowalczyk" not in out and out.endswith("was released on bail")


@pytest.mark.parametrize("text", ["kowalczyk now ² said", "kowalczyk aged ① said"])
def test_a_digit_sign_that_is_no_number_is_no_age_and_raises_nothing(analyzer, text):
    assert _found(analyzer, text) == []  # int() of it would fail, quoting the text
