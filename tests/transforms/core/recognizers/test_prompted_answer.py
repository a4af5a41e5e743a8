"""PromptedAnswerRecognizer: the line after a question for a name, a postcode or a date of
birth holds it, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.recognizers.prompted_answer import (answer_spans, prompted_answers,
                                                         same_line_names)


def _found(text):
    return [(kind, text[s:e]) for kind, s, e in prompted_answers(text)]


@pytest.mark.parametrize("text,entity,value", [
    ("agent: can I take your postcode please\ncustomer: m o h 9 y s", "POSTAL_CODE",
     "m o h 9 y s"),
    ("agent: what is your zip code\ncustomer: its 75227 thanks", "POSTAL_CODE", "75227"),
    ("agent: who am I speaking with today?\ncustomer: yeah it's katie marshall", "PERSON",
     "katie marshall"),
    ("agent: could you spell your surname\ncustomer: s m i t h", "PERSON", "s m i t h"),
    ("agent: and your date of birth?\ncustomer: the 8th of the 7th 1906", "DATE_OF_BIRTH",
     "8th of the 7th 1906"),
    ("agent: when were you born\ncustomer: 2601 1979", "DATE_OF_BIRTH", "2601 1979"),
])
def test_the_answer_after_a_question_for_it_is_found(text, entity, value):
    assert _found(text) == [(entity, value)]


def test_the_recognizer_reports_what_only_the_question_reveals(analyzer, policy):
    text = "agent: can I take your postcode please\ncustomer: yes it's n 4 w"
    assert found_by("PromptedAnswerRecognizer", analyzer, policy, text,
                    "POSTAL_CODE") == ["n 4 w"]


def test_only_the_next_line_answers_and_not_the_same_speaker():
    text = ("agent: what's your name?\nagent: sorry, the line is bad\ncustomer: jo blogs\n"
            "customer: my name is jo\ncustomer: thanks a lot")
    assert prompted_answers(text) == []


def test_a_question_after_a_question_is_no_answer_and_a_first_stop_word_no_name():
    assert prompted_answers("what's your first name?\nWhat's your last name? Lahtinen") == []
    assert answer_spans("What Lahtinen", "PERSON") == [(5, 13)]


def test_a_statement_naming_the_item_asks_for_nothing():
    assert prompted_answers("my postcode is on the form\nw 2 0 a b") == []


def test_a_long_answer_is_not_taken_for_a_name_but_a_spelled_one_is():
    assert answer_spans("i need help with the order i placed last week", "PERSON") == []
    assert answer_spans("yes it's l e w is", "PERSON") == [(9, 17)]


def test_the_question_and_the_speaker_labels_are_kept(redactor):
    text = "agent: and your date of birth?\ncustomer: 13 11th 1952"
    assert redacted(redactor, text) == "agent: and your date of birth?\ncustomer: <DATE_OF_BIRTH>"


def test_a_vendor_mask_a_date_and_punctuation_bound_the_name_in_an_answer():
    text = "agent: Can I have your name and date of birth?\ncustomer: [PII], born on June 5, 1990."
    assert _found(text) == [("DATE_OF_BIRTH", "June 5, 1990")]
    assert answer_spans("smith, john smith", "PERSON") == [(0, 5), (7, 17)]


def test_a_vendor_mask_in_an_answer_stays_and_is_not_spread_as_a_name(redactor):
    text = ("agent: Can I have your name and date of birth?\ncustomer: [PII], born on "
            "June 5, 1990.\nagent: charged on card [PII] twice")
    out = redacted(redactor, text)
    assert out.count("[PII]") == 2 and "June" not in out


@pytest.mark.parametrize("text,name", [
    ("what's your last name king", "king"),
    ("What's your last name? Oomori", "Oomori"),
    ("agent: what is your full name: dana johnson.", "dana johnson"),
])
def test_a_name_closing_the_line_of_its_question_is_found(text, name):
    assert [text[s:e] for _, s, e in same_line_names(text)] == [name]


def test_a_said_name_after_its_question_is_removed(redactor):
    assert "king" not in redacted(redactor, "what's your last name king")


@pytest.mark.parametrize("text", [
    "what's your name again please", "what is your name sir",
    "what's your name? i forgot to ask",
    "what's your last name and the date you moved in to the flat",
    "my name is on the list",
])
def test_a_question_for_a_name_ended_by_fillers_or_a_longer_clause_takes_nothing(text):
    assert same_line_names(text) == []


@pytest.mark.parametrize("answer", [
    "you may need to confront an uncomfortable situation at work",
    "wed 17 00 partly cloudy temp 12 4 c windchill 15 humidity 79",
    "getting ready to set sail 1030 pm we depart",
    "grace hits the road again next week check out the dates for august september",
])
def test_after_a_birthday_question_a_long_line_without_a_year_or_month_and_day_has_no_birth_date(
        answer):
    assert _found(f"when is your birthday?\n{answer}") == []


@pytest.mark.parametrize("answer,value", [
    ("the fifth of may", "fifth of may"),
    ("may 23", "may 23"),
    ("26011979", "26011979"),
    ("born in nineteen", "nineteen"),
    ("27", "27"),  # a short answer: any date word, as speech recognition gives it
    ("1507", "1507"),
])
def test_a_birth_date_with_a_month_and_day_or_a_year_is_still_found(answer, value):
    assert _found(f"agent: and your date of birth?\ncustomer: {answer}") == [
        ("DATE_OF_BIRTH", value)]


def test_a_spoken_year_answering_a_birth_date_question_is_one_span_with_its_tens():
    text = "agent: what is your date of birth?\ncustomer: the fourth of june nineteen eighty five"
    ((kind, start, end),) = prompted_answers(text)
    assert (kind, text[start:end]) == ("DATE_OF_BIRTH", "fourth of june nineteen eighty five")
