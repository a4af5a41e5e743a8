"""DateOfBirthRecognizer: a date with a birth cue nearby."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


@pytest.mark.parametrize("text,gone", [
    ("my date of birth is the 12 of june 1966", "1966"),
    ("dob: 03/14/1985", "03/14/1985"),
])
def test_birth_dates_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)


def test_an_english_birth_cue_counts_in_a_french_record(analyzer, policy):
    assert found_by("DateOfBirthRecognizer", analyzer, policy, "client : dob 14/03/1985",
                    "DATE_OF_BIRTH", language="fr") == ["14/03/1985"]


@pytest.mark.parametrize("text,date", [
    ("Please tell me your date of birth. It's 3/29/1982", "3/29/1982"),
    ("he was born in March 1931", "March 1931"),
    ("she was born on 1987 12 28 her maiden name is adams", "1987 12 28"),  # ISO, said
])
def test_a_birth_date_after_a_cue_is_found(analyzer, policy, text, date):
    assert found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH") == [date]


@pytest.mark.parametrize("text", ["the meeting is on 3/29/1982", "see you next Monday",
                                  "we opened in March 2019"])
def test_a_date_without_a_birth_cue_stays(redactor, text):
    assert redacted(redactor, text) == text


@pytest.mark.parametrize("text,date", [
    ("14th December 1955", "14th December 1955"),
    ("customer: the 30th of October 1988", "30th of October 1988"),
    ("Katie Marshall\n29th of the 11th 1920\nw 2 0 a b", "29th of the 11th 1920"),
    ("01 08 1931", "01 08 1931"), ("customer: 16-11 1950", "16-11 1950"),
    ("1987 12 28", "1987 12 28"), ("2601 1979", "2601 1979"),
])
def test_a_full_date_said_alone_on_its_line_is_a_birth_date(analyzer, policy, text, date):
    assert found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH") == [date]


@pytest.mark.parametrize("text,date", [
    ("date of birth 2601 1979", "2601 1979"),
    ("my dob is 13 11th 1952", "13 11th 1952"),
])
def test_spoken_birth_dates_after_a_cue_are_found(analyzer, policy, text, date):
    assert found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH") == [date]


def test_a_full_date_inside_a_sentence_without_a_cue_stays(redactor):
    text = "we opened on 14 December 1955 in the old hall"
    assert redacted(redactor, text) == text


@pytest.mark.parametrize("text", [
    "                    Dated: 07.08.2019\n\n",
    "Dated :     27.04.2019\n",
    "Digitally signed by the registrar\nDate: 2022.04.13\n",
    "in O.P.No.3499 of 2009, dated\n                      20.07.2015.\n",
])
def test_a_document_dated_on_its_own_line_keeps_its_date(redactor, text):
    assert redacted(redactor, text) == text


def test_a_birth_date_labelled_as_such_on_its_own_line_still_goes(redactor):
    assert "1980" not in redacted(redactor, "Date of birth: 12.03.1980\n")
