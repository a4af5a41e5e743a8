"""SpelledNameRecognizer: names spelled out letter by letter, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_by


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
