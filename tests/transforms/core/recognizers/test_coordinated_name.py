"""CoordinatedNameRecognizer: surnames in a list joined by "and"/"or", in speech-style text,
with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.coordinated_name import CoordinatedNameRecognizer


def _found(analyzer, text):
    return found_alone(CoordinatedNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, names", [
    ("the brainchild of our 3 founders ramos bell and brown the idea", ["ramos bell", "brown"]),
    ("founded by stephenson murray and brown in a garage", ["stephenson murray", "brown"]),
    ("our founders gonzales and white met at school", ["gonzales", "white"]),
])
def test_common_word_surnames_beside_a_clear_surname_are_names(analyzer, text, names):
    assert _found(analyzer, text) == names


def test_every_name_of_the_list_is_redacted(redactor):
    out = redacted(redactor, "the founders ramos bell and brown met at school")
    assert "brown" not in out and "ramos" not in out and "met at school" in out


@pytest.mark.parametrize("text", [
    "rice and beans with brown and white sugar",
    "i want the red and white one",
    "salt pepper and garlic please",
    "book a table for two and a high chair",
])
def test_ordinary_words_joined_by_and_are_not_names(analyzer, text):
    assert _found(analyzer, text) == []


def test_written_text_is_left_to_the_other_detectors(analyzer):
    assert _found(analyzer, "The founders, Ramos, Bell and Brown, met at school.") == []


def test_a_verb_before_a_list_of_names_is_no_part_of_it(analyzer):
    assert _found(analyzer, "a movie starring john goodman and jeff bridges") == [
        "john goodman", "jeff bridges"]


@pytest.mark.parametrize("text, names", [
    ("the rivalry between mitterrand and owen lasted years", ["mitterrand", "owen"]),
    ("letters from chirac and bernie were read out", ["chirac", "bernie"]),
])
def test_a_notable_surname_makes_its_list_a_list_of_people(analyzer, text, names):
    # "mitterrand", "chirac": rare words that end a notable person's name
    assert _found(analyzer, text) == names


@pytest.mark.parametrize("text", [
    "the protease and lipase levels rose",  # rare words, no one's surname
    "happy bday and kpop forever",
    "from industrial metal to goth and electronica",  # one notable "jay electronica"
])
def test_rare_words_that_are_no_notable_surnames_make_no_list(analyzer, text):
    assert _found(analyzer, text) == []
