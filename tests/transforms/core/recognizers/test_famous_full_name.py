"""FamousFullNameRecognizer: a notable person's full name on a caseless line, when the label
reads as a name rather than as an ordinary phrase; with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.famous_full_name import FamousFullNameRecognizer, reads_as_name
from transforms.core.world_names import full_names


def _found(analyzer, text):
    return found_alone(FamousFullNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("she co starred with richard widmark and gig young in the film", "gig young"),
    ("the album was produced by stevie wonder in detroit", "stevie wonder"),
    ("in the final pete sampras served well", "pete sampras"),
    ("the song was sung by will smith last year", "will smith"),
])
def test_a_notable_persons_full_name_in_caseless_text_is_a_person(analyzer, text, name):
    assert name in _found(analyzer, text)


def test_a_hyphenated_name_read_with_spaces_is_found(analyzer):
    assert _found(analyzer, "the talks were led by chiang kai shek in nanjing") == [
        "chiang kai shek"]


def test_an_accented_name_is_found_as_the_label_without_accents(analyzer):
    assert _found(analyzer, "the story was told by tony pérez on the radio") == ["tony pérez"]


@pytest.mark.parametrize("text", [
    "it takes will power to stop smoking",  # both words common
    "i would say kevin love is all you need",  # the last word among the most common
    "the grant hill project was approved",  # after a determiner
    "theresa may come later",  # a month's name is never a name here
])
def test_a_label_that_reads_as_a_phrase_or_follows_a_determiner_is_not_found(analyzer, text):
    assert _found(analyzer, text) == []


def test_cased_text_is_left_to_spacy(analyzer):
    assert _found(analyzer, "The album was produced by Stevie Wonder in Detroit.") == []


@pytest.mark.parametrize("label, name", [
    ("pete sampras", True), ("stevie wonder", True), ("gig young", True),
    ("will smith", True), ("walt disney", True),
    ("will power", False), ("kevin love", False), ("ice cube", False),
    ("theresa may", False),  # a month's name is never a name here
])
def test_reads_as_name_tells_names_from_phrases(label, name):
    assert label in full_names()[0]
    assert reads_as_name(label.split()) is name


def test_ordinary_words_of_a_request_stay(redactor):
    out = redacted(redactor, "can you grant me access to the will power course please")
    assert "grant" in out and "will" in out and "power" in out
