"""word_forms: rare words that are regular forms of common English words are not names."""
import pytest

from transforms.core.word_forms import english_form


@pytest.mark.parametrize("word", [
    "assignees", "sublicenses", "complainers", "undrawn", "nonpayment", "cuteness",
    "resubmit", "authorizations", "Transferees", "photoshopping",
])
def test_a_common_stem_with_a_regular_suffix_or_prefix_is_an_english_form(word):
    assert english_form(word)


@pytest.mark.parametrize("word", [
    "oluwaseun", "kowalczyk", "nkechi", "heikkonen", "dembele",
    "mailer", "pinker",  # "-er" makes surnames: no suffix here
    "sameer", "fleming", "coburn",  # listed names and "-er" are never forms
    "tapes",  # shorter than six letters
    "republic", "discount",  # common words in their own right
])
def test_names_and_short_words_are_not_english_forms(word):
    assert not english_form(word)
