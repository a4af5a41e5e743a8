"""SpeechCueNameRecognizer: names no list holds, in speech-style text, from dialogue cues,
possessives and a given name before them, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.speech_cue_name import SpeechCueNameRecognizer


def _found(analyzer, text):
    """What the recognizer finds on its own (spaCy may find the same name first)."""
    return found_alone(SpeechCueNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("send fifty dollars to oluwaseun", "oluwaseun"),
    ("can you check kwamena's account", "kwamena"),
    ("i spoke to ahmed obinwa about the refund", "obinwa"),
    ("please add my daughter nkiruka to the plan", "nkiruka"),
    ("in 1964 gradsky has joined the faculty", "gradsky"),
    ("the honorable service of okonkwo s unit", "okonkwo"),
    ("said capt oyelaran commander of the ship", "oyelaran"),
    ("by then the emperor trajan had crossed the river", "trajan"),
    ("it was one of scorsese's finest films", "scorsese"),
    ("qaboos whose reign lasted fifty years", "qaboos"),
    ("the interpreter accompanied ndlovu to the hearing", "ndlovu"),
])
def test_a_rare_word_after_a_cue_possessive_or_given_name_is_a_person(analyzer, text, name):
    assert _found(analyzer, text) == [name]


def test_a_name_after_a_cue_is_redacted_and_the_request_kept(redactor):
    assert redacted(redactor, "send fifty dollars to oluwaseun") == "send fifty dollars to <PERSON>"


def test_written_text_is_left_to_the_other_detectors(analyzer):
    assert _found(analyzer, "Send fifty dollars to Oluwaseun.") == []


@pytest.mark.parametrize("text", [
    "send it to accounting and talk to him tomorrow",
    "i paid for the upgrade with my card",
    "the refund goes to this account",
])
def test_common_words_after_cues_are_not_names(analyzer, redactor, text):
    assert _found(analyzer, text) == []
    assert redacted(redactor, text) == text


def test_a_rare_word_before_here_or_speaking_is_a_callers_name(analyzer):
    assert _found(analyzer, "natonya here change reservation for three") == ["natonya"]
    assert _found(analyzer, "hi kwamena speaking about my booking") == ["kwamena"]


def test_a_turn_without_capitals_is_read_as_speech_beside_a_cased_turn(analyzer):
    text = "Can you cancel the booking for Rolande Brill?\nsend fifty dollars to oluwaseun"
    assert _found(analyzer, text) == ["oluwaseun"]


@pytest.mark.parametrize("text, name", [
    ("gen joseph votel commander of central command said", "joseph votel"),
    ("petty officer keating was advising the forces", "keating"),
    ("talks held by the special envoy de mistura in geneva", "de mistura"),
    ("a salon surrounded madame de staël in paris", "de staël"),
])
def test_a_name_after_a_title_or_rank_is_a_person(analyzer, text, name):
    assert name in _found(analyzer, text)


@pytest.mark.parametrize("text", [
    "the general manager of the team resigned",
    "the secretary general said the talks would go on",
    "an officer was advising the forces",
    "the president of the club thanked the fans",
])
def test_a_title_before_common_words_finds_nothing(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_listed_surname_owning_something_is_a_person(analyzer):
    assert _found(analyzer, "keating s honorable and selfless service") == ["keating"]
    assert _found(analyzer, "the company s honorable record") == []


@pytest.mark.parametrize("text, name", [
    ("the syrian people need defending from assad s inhumanity", "assad"),
    ("yet another sign that assad s war on them is a sham", "assad"),
    ("the talks tested merkel's coalition again", "merkel"),
])
def test_a_seldom_written_surname_owning_something_with_no_determiner_is_a_person(
        analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "we climbed the tower's stairs",
    "she admired the city s church s spire",
    "the cotton s price rose",
    "courses lead to diplomas bachelor's degrees and master's degrees",
])
def test_a_common_word_or_a_thing_owning_something_is_not_a_person(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_particle_and_a_rare_word_join_a_name(analyzer):
    assert _found(analyzer, "we spoke to adenet le roi about it") == ["adenet le roi"]


@pytest.mark.parametrize("text, name", [
    ("then oyelaran shouted at us what are you doing here", "oyelaran"),
    ("so i told kwamena about it yesterday", "kwamena"),
    ("the form was signed by krisztián yesterday", "krisztián"),
])
def test_a_speech_verb_or_a_letter_english_does_not_spell_marks_a_name(analyzer, text, name):
    assert name in _found(analyzer, text)


def test_a_foreign_spelling_on_a_line_that_is_not_english_is_no_name(analyzer):
    assert _found(analyzer, "me encanta está canción más que nada") == []


@pytest.mark.parametrize("text, name", [
    ("jonathan had given coral his address", "coral"),
    ("she handed bolethe her keys at the door", "bolethe"),
])
def test_the_one_given_something_before_a_possessive_is_a_person(analyzer, text, name):
    assert name in _found(analyzer, text)


def test_a_thing_given_with_a_determiner_is_not_a_person(analyzer):
    assert _found(analyzer, "he had given the dog his dinner") == []


@pytest.mark.parametrize("text, name", [
    ("mikayla weld engraver life map", "mikayla weld"),
    ("tobenna hicks engraver life map", "tobenna hicks"),
    ("eira ulvik lives at 9680 rosa", "eira ulvik"),
    ("my phone is broken\nmikayla weld engraver", "mikayla weld"),
    ("alvir pušaver 887 aspernstrasse 93 suite 410 schlagles austria 27172", "alvir pušaver"),
])
def test_a_rare_word_and_a_surname_opening_a_line_are_a_name(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "wake me up at seven", "play some jazz music", "tacos and burritos tonight",
    "set the alarm\nplay weld songs", "pedicure price", "bonfire tonite all are welcome",
    "itsmariasmith paddistone hahah ohkayy when",
])
def test_a_line_opening_with_ordinary_words_holds_no_name(analyzer, text):
    assert _found(analyzer, text) == []


@pytest.mark.parametrize("text", [
    "komentar untuk penampilan ke2 titik blitar konser final group 5 8 april 2015",
    "kapag ako naging presidente saturday at sunday yung pasok",
])
def test_a_line_in_indonesian_or_tagalog_has_no_cued_name(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_long_rare_name_is_still_a_name(analyzer):
    assert _found(analyzer, "saidmagomed is from garden master") == ["saidmagomed"]


@pytest.mark.parametrize("text", [
    "we sat under the gazebo's roof all afternoon",
    "they restored the carillon whose bells had cracked",
    "they restored the old carillon whose bells had cracked",
    "we sat under the little gazebo's roof",
])
def test_a_thing_owning_something_after_a_determiner_is_not_a_name(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_rare_word_before_whose_after_an_adjective_and_no_determiner_is_a_person(analyzer):
    assert _found(analyzer, "poor kwabena whose account was hacked") == ["kwabena"]


@pytest.mark.parametrize("text", [
    "the lenders and their successors and assignees",
    "he said the complainers had left early",
    "a note to sublicensees about the fee",
    "we met with transferees and lenders",
    "its subleases and sublicenses do not prohibit it",
    "obligations for undrawn letters of credit",
])
def test_a_rare_form_of_a_common_word_after_a_cue_is_no_name(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_rare_name_after_a_cue_is_still_found_beside_english_forms(analyzer):
    assert _found(analyzer, "the assignees spoke to oluwaseun") == ["oluwaseun"]
