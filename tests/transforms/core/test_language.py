import pytest

from transforms.core.language import detect, from_field


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
