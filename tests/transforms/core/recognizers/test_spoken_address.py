"""SpokenAddressRecognizer: a street whose house number is said in words, after an address
cue; numbers said in ordinary talk stay."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.recognizers.spoken_address import spoken_addresses


def found(text):
    return [text[s:e] for s, e in spoken_addresses(text)]


@pytest.mark.parametrize("text,address", [
    ("i live at twelve oak street apartment four b", "twelve oak street apartment four b"),
    ("my address is one two three main street", "one two three main street"),
    ("the address is one twenty three maple drive", "one twenty three maple drive"),
    ("ship it to seven hundred pine road suite two oh one",
     "seven hundred pine road suite two oh one"),
    ("i live at fifteen hundred sunset boulevard", "fifteen hundred sunset boulevard"),
])
def test_a_house_number_said_in_words_after_an_address_cue_is_an_address(text, address):
    assert found(text) == [address]


@pytest.mark.parametrize("text", [
    "i live on a one way street",
    "it is a two lane road near the school",
    "we drove down three blocks and turned onto main street",
    "the two main streets meet at the square",
    "we live about five minutes from main street",
    "send me two copies of the street map",
    "i moved here two years ago from oak street",
    "she lives two doors down on oak street",
    "there are four main roads into town",
])
def test_numbers_in_ordinary_talk_near_a_street_are_no_house_number(text):
    assert found(text) == []


def test_the_spoken_and_the_written_address_are_both_removed(redactor):
    assert redacted(redactor, "i live at twelve oak street apartment four b") == \
        "i live at <ADDRESS>"
    assert redacted(redactor, "i live at 12 oak street apt 4b") == "i live at <ADDRESS>"
