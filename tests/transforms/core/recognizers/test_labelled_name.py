"""LabelledNameRecognizer: the words after a line-opening "name" label in speech-style
text."""
import pytest

from transforms.core.recognizers.labelled_name import LabelledNameRecognizer


def _found(text):
    return [text[r.start:r.end] for r in LabelledNameRecognizer("en").analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, name", [
    ("name april fuentes address 64302 george point", "april fuentes"),
    ("name svitlana jurković address 6430 jason springs", "svitlana jurković"),
    ("order 12\nfull name maori oomori phone 78 309", "maori oomori"),
])
def test_the_words_after_a_name_label_are_the_name(text, name):
    assert _found(text) == [name]


@pytest.mark.parametrize("text", [
    "name the song playing now", "name three movies with tom hanks",
    "name your price please", "the name april fuentes", "Name: April Fuentes",
])
def test_a_name_request_or_a_label_inside_a_line_holds_no_name(text):
    assert _found(text) == []
