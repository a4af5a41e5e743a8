"""French greetings and titles are no name or place (hand-written lines, issue 9)."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.french_courtesy import trim_courtesy


@pytest.mark.parametrize("text, kept", [
    ("madame nathalie girard", "nathalie girard"),
    ("bonjour pierre lefebvre", "pierre lefebvre"),
    ("Jean Martin merci", "Jean Martin"),
])
def test_titles_and_greetings_come_off_the_ends_of_a_span(text, kept):
    start, end = trim_courtesy(text, 0, len(text))
    assert text[start:end] == kept


@pytest.mark.parametrize("text", ["bonjour", "Bonjour Madame", "merci madame bonne journée"])
def test_a_span_of_courtesy_words_only_is_nothing(text):
    assert trim_courtesy(text, 0, len(text)) is None


@pytest.mark.parametrize("line", [
    "bonjour madame", "Bonjour Madame", "bonsoir monsieur", "merci madame bonne journée",
    "madame est-ce que vous m'entendez", "allô bonjour je vous appelle au sujet de ma commande",
    "Madame, Monsieur, veuillez trouver ci-joint ma facture.", "Monsieur le directeur a signé.",
])
def test_french_greetings_and_titles_stay_in_french_text(redactor, line):
    assert redacted(redactor, line, language="fr") == line


def test_a_french_title_stays_beside_the_redacted_name(redactor):
    out = redacted(redactor, "c'est madame nathalie girard à l'appareil", language="fr")
    assert out == "c'est madame <PERSON> à l'appareil"
    out = redacted(redactor, "mademoiselle léa petit a appelé hier", language="fr")
    assert out == "mademoiselle <PERSON> a appelé hier"


def test_bonjour_is_no_place_before_a_french_self_introduction(redactor):
    out = redacted(redactor, "bonjour je suis pierre lefebvre de lyon", language="fr")
    assert out.startswith("bonjour je suis <PERSON> de ")
