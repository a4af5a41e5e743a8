import pytest

from transforms.core.language import detect, from_field, spacy_stop_words


@pytest.mark.parametrize("value,expected", [("fr", "fr"), ("FR-ca", "fr"), ("fr_FR", "fr"),
                                            ("de", None), (None, None), (3, None)])
def test_language_field_is_read_as_its_primary_subtag(value, expected):
    assert from_field(value, ["en", "fr"]) == expected


def test_stop_words_vote_for_the_language_and_short_text_keeps_the_default():
    assert detect("bonjour je voudrais savoir pourquoi ma facture a augmenté ce mois-ci",
                  ["en", "fr"], "en") == "fr"
    assert detect("hi i wanted to ask why my bill went up this month", ["en", "fr"],
                  "fr") == "en"
    assert detect("merci", ["en", "fr"], "en") == "en"


def test_stop_words_are_spacys_own_and_an_unknown_or_odd_code_has_none():
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.fr.stop_words import STOP_WORDS as french

    assert spacy_stop_words("en") == frozenset(english) and "the" in english
    assert spacy_stop_words("fr") == frozenset(french) and "je" in french
    assert spacy_stop_words("zz") == spacy_stop_words("../fr") == frozenset()
