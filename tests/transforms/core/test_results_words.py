"""results_words: sports and market words are not names; scorecard marks split names."""
import pytest

from tests.transforms.core.recognizers.support import assert_names_go_and_words_stay
from transforms.core.results_words import SECTION_WORDS, dismissal_marks, person_pieces


def test_section_words_leave_out_words_mostly_a_surname():
    assert {"cricket", "golf", "scorecard", "results", "bunds"} <= SECTION_WORDS
    assert "bonds" not in SECTION_WORDS  # Barry Bonds


@pytest.mark.parametrize("text,marks", [
    ("Michael Atherton c Healy b McGrath 34", ["c", "b"]),
    ("Nasser Hussain lbw b Warne 12", ["lbw", "b"]),
    ("Ian Healy st Gillespie b Warne 5", ["st", "b"]),
    ("Mark Taylor c & b Cork 0", ["c", "&", "b"]),
    ("john c smith said so", []),  # an initial, no bowler and runs
    ("plan b was fine", []),
    ("life sett par vtg b fpd 0 01 is a design agency", []),  # the runs end the line
    ("anna b novak 700 main street", []),  # a middle initial and a house number
    ("Graham Thorpe b Cork 56\nMark Ramprakash b Cork 0", ["b", "b"]),
])
def test_dismissal_marks_need_a_bowler_and_the_runs(text, marks):
    assert [text[a:b] for a, b in dismissal_marks(text)] == marks


@pytest.mark.parametrize("text,pieces", [
    ("Atherton c Healy b McGrath 34", ["Atherton", "Healy", "McGrath"]),
    ("GOLF - FALDO", ["FALDO"]),
    ("ENGLAND SCORECARD", ["ENGLAND"]),
    ("John Smith", ["John Smith"]),
    ("Haider al - Abadi", ["Haider al - Abadi"]),  # a dash is cut only in capitals
])
def test_a_person_loses_section_words_and_splits_at_marks(text, pieces):
    cut = text.index(" 34") if " 34" in text else len(text)
    assert [text[a:b] for a, b in person_pieces(text, 0, cut)] == pieces


@pytest.mark.parametrize("line", [
    "GOLF - {FALDO} TAKES TWO-SHOT LEAD .",
    "{Michael Atherton} c {Healy} b {McGrath} 34",
    "{Nasser Hussain} lbw b {Warne} 12",
    "{saeed anwar} c {croft} b {cork} 27",
    "BONDS - GERMAN BUNDS CLOSE HIGHER .",
])
def test_sports_slugs_and_scorecards_keep_their_words(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


@pytest.mark.parametrize("line", [
    "{LEBED} SAYS CHECHEN TRUCE WILL HOLD .",
    "{CLINTON} AND {DOLE} CLASH OVER TAX CUTS .",
    "TENNIS - {SAMPRAS} BEATS {IVANISEVIC} IN FINAL .",
])
def test_names_in_capitals_headlines_are_still_found(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


@pytest.mark.parametrize("text", ["golf", "Golf Peterson", "tennis smith", "Markets Jones"])
def test_a_section_word_in_lower_or_title_case_stays_in_a_person(text):
    assert [text[a:b] for a, b in person_pieces(text, 0, len(text))] == [text]


@pytest.mark.parametrize("line", [
    "my name is {golf}",  # a Thai nickname, said after a cue
    "my name is {Golf Peterson}",
    "hi this is {rugby jones} calling",
])
def test_a_person_called_by_a_section_word_is_redacted(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


@pytest.mark.parametrize("line", [
    "{joe hockey} has contradicted nationals {john cobb} on foreign farm buyers",
])
def test_a_sports_word_after_a_given_name_in_speech_text_is_a_surname(redactor, line):
    assert_names_go_and_words_stay(redactor, line)
