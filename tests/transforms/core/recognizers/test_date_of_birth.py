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


# Birth dates said in words after a birth cue (speech recognition writes numbers as words).
@pytest.mark.parametrize("text,date", [
    ("my date of birth is the fourth of december nineteen eighty five",
     "fourth of december nineteen eighty five"),
    ("my date of birth is fourth december nineteen eighty five",
     "fourth december nineteen eighty five"),
    ("date of birth zero four twelve eighty five", "zero four twelve eighty five"),
    ("birth date twelve four eighty five", "twelve four eighty five"),
    ("i was born on the fifth of may nineteen eighty eight", "fifth of may nineteen eighty eight"),
    ("my birthday is december fourth", "december fourth"),
    ("my dob is the twenty first of march two thousand and three",
     "twenty first of march two thousand and three"),
    ("born on the 4th of december nineteen eighty five", "4th of december nineteen eighty five"),
    ("i was born in june nineteen seventy two", "june nineteen seventy two"),
    ("date of birth uh the second of the eleventh sixty seven",
     "second of the eleventh sixty seven"),
    ("the birth date on file is january ninth two thousand and one",
     "january ninth two thousand and one"),
    ("his b-day is july 4th 1976", "july 4th 1976"),
])
def test_a_birth_date_said_in_words_after_a_cue_is_found(analyzer, policy, text, date):
    assert date in found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH")


@pytest.mark.parametrize("text,date", [
    ("d o b 14 02 1956", "14 02 1956"),
    ("d.o.b. 14.02.1956", "14.02.1956"),
    ("D.O.B. 03/07/1962", "03/07/1962"),
])
def test_a_birth_date_after_a_spelled_or_dotted_dob_is_found(analyzer, policy, text, date):
    assert date in found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH")


def test_a_dotted_dob_is_no_place_and_its_date_goes(redactor):
    assert redacted(redactor, "d.o.b. 14.02.1956") == "d.o.b. <DATE_OF_BIRTH>"


@pytest.mark.parametrize("text", [
    "i was born in nineteen eighty five",  # a year alone: kept under the default policy
    "born in two thousand and three she is twenty now",
    "he was born in 1979 and moved here later",
    "he was born in march",  # a month alone
    "i was born on the twelfth",  # a day alone
    "the meeting is on the fourth of december nineteen eighty five",  # no birth cue
    "our office closes on december twenty fourth",
    "my order number is four twelve eighty five",
    "my birthday party is at four o'clock",
    "born and raised in texas for twenty years",
    "the report covers the fourth quarter of twenty twenty",
])
def test_a_year_alone_or_a_date_without_a_birth_cue_is_no_birth_date(analyzer, policy, text):
    assert found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH") == []


def test_a_number_read_out_after_a_birth_cue_is_no_birth_date(analyzer, policy):
    text = "date of birth and phone four one five five five one two three four"
    assert found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH") == []


def test_a_date_in_the_next_sentence_after_a_birth_cue_is_not_tied_to_it(analyzer, policy):
    text = "I was born in Leeds. We met on the fourth of December."
    assert found_by("DateOfBirthRecognizer", analyzer, policy, text, "DATE_OF_BIRTH") == []


def test_two_full_dates_inside_a_sentence_stay(redactor):
    text = "we met on 13th of June 1970 and again on 13th of June 1957"
    assert redacted(redactor, text) == text


@pytest.mark.parametrize("text", ["Red Smith (born December 6, 1898) was a player",
                                  "red smith born december 6 1898 was a player"])
def test_a_birth_date_before_1900_stays_as_the_written_pattern_keeps_it(redactor, text):
    assert redacted(redactor, text).endswith("born December 6, 1898) was a player"
                                             if "(" in text else "born december 6 1898 was a player")


def test_a_court_line_of_two_hearing_dates_stays(redactor):
    text = "Judgment reserved on / pronounced on\n01.11.2018        27.04.2019"
    assert redacted(redactor, text) == text
