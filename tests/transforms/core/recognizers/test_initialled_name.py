"""InitialledNameRecognizer: a given name, a middle initial and a surname in speech-style
text, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone
from transforms.core.recognizers.initialled_name import InitialledNameRecognizer


def _found(analyzer, text):
    return found_alone(InitialledNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("tiia a holappa lives at 5069 rue ziad", "tiia a holappa"),
    ("we need to add renze s akkermans as guardian", "renze s akkermans"),
    ("the author was michael j fernandez", "michael j fernandez"),
])
def test_a_given_name_an_initial_and_a_surname_are_one_name(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "can you check kwabena s account", "i like maria a lot", "plan a trip to paris",
    "Michael J. Fernandez wrote it.", "sarraounia wrote to voulet a provocative letter",
    "wes anderson s foray into the world of roald dahl", "stoners v george washington",
    "we on fire on thephoenixhour w thephoenixmag",
    "got some thangs i wan na try",  # "I" is no initial
    "donde anda la gente de mar del plata nos vemos ahi a romper todo muchachos",
])
def test_a_letter_between_other_words_is_no_initial(analyzer, text):
    assert _found(analyzer, text) == []
