"""LoneNameRecognizer: a turn that is only a name, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone
from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.lone_name import LoneNameRecognizer


def _found(analyzer, text):
    return found_alone(LoneNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("Gizzi", "Gizzi"),
    ("hogan", "hogan"),
    ("Ai Desimone.", "Ai Desimone"),
    ("beverlee swing", "beverlee swing"),
    ("customer: natonya", "natonya"),
])
def test_a_turn_that_is_only_a_name_is_a_person(analyzer, text, name):
    assert _found(analyzer, text) == [name]


def test_each_line_is_a_turn_of_its_own(analyzer):
    text = "agent: what name is the booking under?\ncustomer: Desimone\nagent: thanks"
    assert _found(analyzer, text) == ["Desimone"]


@pytest.mark.parametrize("text", [
    "Sure.", "yes please", "Tuesday", "angle flash", "thanks", "7 pm", "ittttteeeeee",
    "hogan booked a table for four", "customer: ok great",
])
def test_short_ordinary_turns_and_longer_sentences_are_not_lone_names(analyzer, text):
    assert _found(analyzer, text) == []


def test_the_recognizer_serves_english():
    assert any(isinstance(r, LoneNameRecognizer) for r in recognizers_for("en"))
    assert not any(isinstance(r, LoneNameRecognizer) for r in recognizers_for("fr"))
