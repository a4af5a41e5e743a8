"""SpelledNameRecognizer: names spelled out letter by letter, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.text_redactor import TextRedactor


def _found(analyzer, policy, text):
    return found_by("SpelledNameRecognizer", analyzer, policy, text, "PERSON")


@pytest.mark.parametrize("text,name", [
    ("r o s e m a r y", "r o s e m a r y"),
    ("that's M AR TI n Bo y l e", "M AR TI n Bo y l e"),
    ("kilo alpha tango echo", "kilo alpha tango echo"),
])
def test_letters_spelled_in_a_row_are_a_name(analyzer, policy, text, name):
    assert _found(analyzer, policy, text) == [name]


@pytest.mark.parametrize("text", [
    "we flew to the u s a", "w 2 0 a b", "i am a big fan", "plan b is ok",
])
def test_three_letters_or_fewer_acronyms_and_codes_with_digits_are_not_names(
        analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "i wo n t support for him if i get 5 likes", "i ca n t believe all of the detail",
    "have a great time tm x o x you will have so much fun x o x",
])
def test_split_contractions_and_hugs_and_kisses_are_not_spelled_names(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_name_spelled_after_a_contraction_word_is_still_found(analyzer, policy):
    assert _found(analyzer, policy, "i do n't know it's s m i t h") == ["s m i t h"]


@pytest.mark.parametrize("answer", ["j o h n", "s m i t h j"])
def test_a_spelled_name_leaves_no_letter_at_its_ends(policy, pseudonymizer, analyzer, answer):
    redactor = TextRedactor(policy, pseudonymizer, analyzer)
    out = redacted(redactor, f"agent: how do you spell your name\ncustomer: {answer}")
    assert out.endswith("customer: <PERSON>")


@pytest.mark.parametrize("text", ["lol a w e s o m e btw totally agree",
                                  "definition of i n d e p e n d e n t"])
def test_an_english_word_spelled_for_emphasis_is_not_a_name(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_listed_name_that_is_also_a_word_is_still_a_spelled_name(analyzer, policy):
    assert _found(analyzer, policy, "it is r o s e") == ["r o s e"]
    assert _found(analyzer, policy, "a l e x p r e s t o n") == ["a l e x p r e s t o n"]


@pytest.mark.parametrize("name", ["s a n j a y", "a m i t", "v i j a y", "s h i v a"])
def test_a_given_name_the_census_lacks_is_still_a_spelled_name(analyzer, policy, name):
    assert _found(analyzer, policy, f"the name on the account is {name}") == [name]
