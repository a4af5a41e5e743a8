"""Names spelled letter by letter in French speech (hand-written lines, issue 9)."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("line, left", [
    ("mon nom est kowalczyk k o w a l c z y k", "mon nom est <PERSON>"),
    ("mon nom de famille est nguyen n g u y e n", "mon nom de famille est <PERSON>"),
    ("je m'appelle kévin mercier m e r c i e r", "je m'appelle <PERSON>"),
    ("ça s'écrit b e r t r a n d bertrand", "ça s'écrit <PERSON>"),
])
def test_a_name_spelled_in_french_is_redacted_with_the_name_said(redactor, line, left):
    assert redacted(redactor, line, language="fr") == left


@pytest.mark.parametrize("line", ["y a t il un problème avec ma ligne",
                                  "il y a un souci avec la box"])
def test_french_words_of_one_or_two_letters_are_no_spelling(redactor, line):
    assert redacted(redactor, line, language="fr") == line
