"""Digits read out in French (hand-written lines, issue 9)."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.recognizers.french_spoken_number import digits_said


@pytest.mark.parametrize("said, digits", [
    ("zéro six douze trente-quatre cinquante-six soixante-dix-huit", "0612345678"),
    ("zéro six un deux trois quatre cinq six sept huit", "0612345678"),
    ("quatre-vingt-dix-neuf vingt et un soixante et onze", "992171"),
    ("soixante dix huit", "78"),
])
def test_french_number_words_say_their_digits(said, digits):
    assert digits_said(said.replace("-", " ").split()) == digits


@pytest.mark.parametrize("line", [
    "mon numéro c'est zéro six douze trente-quatre cinquante-six soixante-dix-huit",
    "vous pouvez me joindre au zéro six un deux trois quatre cinq six sept huit",
])
def test_a_phone_read_out_in_french_is_replaced(redactor, line):
    out = redacted(redactor, line, language="fr")
    assert "PHONE#" in out and "douze" not in out and "sept huit" not in out


@pytest.mark.parametrize("line", ["je suis client depuis dix ans",
                                  "il a vingt et un ans et deux enfants"])
def test_a_few_french_numbers_in_a_sentence_stay(redactor, line):
    assert redacted(redactor, line, language="fr") == line
