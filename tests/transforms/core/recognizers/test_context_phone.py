"""ContextPhoneRecognizer: grouped digits are a phone only with a phone cue nearby."""
from functools import partial

import pytest

from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.recognizers.context_phone import date_or_time, international, score_row

_found = partial(found_by, "ContextPhoneRecognizer", entity="PHONE_NUMBER")


def test_grouped_digits_are_a_phone_only_with_a_phone_cue(analyzer, policy):
    assert _found(analyzer, policy, "my phone number is 4471 2290 331") == ["4471 2290 331"]
    assert _found(analyzer, policy, "ticket 4471 2290 331 closed") == []


def test_a_french_phone_cue_counts_in_french_text(analyzer, policy):
    assert _found(analyzer, policy, "mon portable est le 4471 2290 331", language="fr") == \
        ["4471 2290 331"]


@pytest.mark.parametrize("text,phone", [
    ("Please have the manager call me at 480 6764 I'd like to join", "480 6764"),
    ("How can we reach you? You can call 84 17 85", "84 17 85"),
    ("I would like to stop receiving messages to 313 450 639", "313 450 639"),
    ("They're not answering at 463 5424", "463 5424"),
    ("Phone:\n21 253 221 9057", "21 253 221 9057"),
    ("25 876397 office", "25 876397"),
])
def test_short_and_international_numbers_after_a_cue_are_phones(analyzer, policy, text, phone):
    assert _found(analyzer, policy, text) == [phone]


@pytest.mark.parametrize("phone", ["(37) 788-063", "07700 063 966", "21 244 938 6394",
                                   "+44 20 7946 0958", "04.00.14.32.96"])
def test_a_shape_only_phones_have_is_a_phone_without_a_cue(analyzer, policy, phone):
    assert _found(analyzer, policy, f"Reply from {phone} yesterday") == [phone]


@pytest.mark.parametrize("text", [
    "Arsenal 38 26 9 3 73 26 87",
    "Liverpool 38 30 7 1 85 22 97; Man City 38 32 2 4 106 27 98",
    "They finished with 104 points in 2019",
    "The score was 3-1 then 2-2",
    "Meeting on 2019-03-04 at 10.30, on 03/04/2019 or Monday",
    "order 3 boxes of 250 units and 12 of 500",
])
def test_tables_scores_dates_and_quantities_are_not_numbers_of_a_person(analyzer, policy, text):
    types = ["PHONE_NUMBER", "CREDIT_CARD", "STREET_ADDRESS", "POSTAL_CODE", "AGE",
             "DATE_OF_BIRTH", "SPOKEN_NUMBER"]
    assert [text[r.start:r.end] for r in analyzer.analyze(
        text, language="en", entities=types, score_threshold=policy.lowest_score)] == []


@pytest.mark.parametrize("text,phone", [
    ("0328 4921229 is the best number for me", "0328 4921229"),
    ("Reply from 445 6271 yesterday", "445 6271"),
    ("Reply from 50-98-28-96 yesterday", "50-98-28-96"),
])
def test_a_cue_after_or_a_local_phone_shape_is_enough(analyzer, policy, text, phone):
    assert _found(analyzer, policy, text) == [phone]


def test_two_years_are_not_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "the seasons 2019 2020 were long") == []


def test_a_phone_with_a_label_attached_by_a_dash_is_found(analyzer, policy):
    assert _found(analyzer, policy, "830-725-5360-Office,830-725-5361-Fax") == [
        "830-725-5360", "830-725-5361"]


def test_a_number_with_thousands_separators_is_not_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "we sold 1,234,567 units, call it 2,345,678") == []


@pytest.mark.parametrize("run,row", [
    ("17 8 4 5 27 25 28", True), ("63 61 .508 6 1/2", True), ("38 26 7 5 80 30 50", True),
    ("01 23 45 67 89", False), ("5 5 5 0 1 4 7", False), ("+44 171 542 7658", False),
    ("(37) 788-063", False), ("555 123 4567", False), ("84 17 85", False),
])
def test_only_mixed_short_groups_are_a_row_of_scores(run, row):
    assert score_row(run) is row


@pytest.mark.parametrize("text,phone", [
    ("Can someone call me on 393.564.4811x187? I have questions", "393.564.4811x187"),
    ("Reply from +1-115-295-4648x672 yesterday", "+1-115-295-4648x672"),
    ("Reply from (415)555-0147 ext. 23 yesterday", "(415)555-0147 ext. 23"),
    ("call me on 393 564 4811x187 i have questions", "393 564 4811x187"),
])
def test_an_extension_after_the_number_is_part_of_the_phone(analyzer, policy, text, phone):
    assert _found(analyzer, policy, text) == [phone]


def test_a_plus_and_one_unbroken_international_number_is_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "Phone:\n+914610824637\n") == ["+914610824637"]
    assert _found(analyzer, policy, "personal info phone 914610824637 e mail") == \
        ["914610824637"]


def test_a_long_number_without_plus_or_cue_is_not_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "Reference 914610824637 was closed") == []
    assert _found(analyzer, policy, "It weighs 4811 x 2 kilos") == []


@pytest.mark.parametrize("text", [
    "2015 12 07 mon 12 38 27",
    "rt classicitis pr id apr ab urbe condita 12 04 2015",
    "seq 2021 at 13 nov 2015 16 52 59 gmt",
    "honolulu weather on september 27 2015 09 27 2015",
    "corn april 14 of 485 519 vs april 15 363 390 loss",
])
def test_dates_and_clock_times_in_digit_groups_are_not_phones(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,run,is_date", [
    ("test status update fri mar 06 20 10 01 est", "06 20 10 01", True),
    ("posted 2015 15 45 40 gmt", "2015 15 45 40", True),
    ("reply from 06 20 10 01 today", "06 20 10 01", False),
    ("in june 445 6271 called", "445 6271", False),
    ("1987 55 64 73", "1987 55 64 73", False),
])
def test_a_date_or_time_needs_a_year_or_a_date_word_and_small_groups(text, run, is_date):
    start = text.index(run)
    assert date_or_time(text, start, start + len(run)) is is_date


def test_a_phone_after_a_cue_stays_a_phone_even_when_shaped_like_a_date(analyzer, policy):
    assert _found(analyzer, policy, "call me on 2015 12 07 33") == ["2015 12 07 33"]


@pytest.mark.parametrize("phone", [
    "1 685 109 4584", "1 344 644 1029x054", "001 694 255 3388x6553", "41 0 75 333 73 84",
    "46 0 8 123 456 78", "46 0 60 56 68 91", "44 0 117 496 0123", "447700 900461",
])
def test_a_phone_said_with_its_country_code_is_one_phone_without_a_cue(analyzer, policy, phone):
    assert _found(analyzer, policy, f"reply from {phone} yesterday") == [phone]


@pytest.mark.parametrize("run,said_abroad", [
    ("41 0 75 333 73 84", True), ("1 685 109 4584", True), ("447700 900461", True),
    ("1 234 5678", False),  # a local number only: a population, an amount
    ("38 0 75 333 73 84", False),  # 38 is no calling code
    ("44 26 9 3 73 26", False), ("1 102 98 45 33", False),  # rows of scores
    ("001 694 255 3388", False),  # a leading 0 is a national or exit prefix
])
def test_a_country_code_needs_a_real_code_and_a_possible_national_number(run, said_abroad):
    assert international(run.split()) is said_abroad


def test_a_country_code_and_trunk_zero_in_front_is_not_a_row_of_scores():
    assert score_row("41 0 75 333 73 84") is False
    assert score_row("38 26 7 5 80 30 50") is True


@pytest.mark.parametrize("text,phone", [
    ("reply from 3201836657 yesterday", "3201836657"),
    ("reply from 447700407678 yesterday", "447700407678"),
    ("reply from 26 67 57 33 yesterday", "26 67 57 33"),
    ("reply from 04 00 14 32 96 yesterday", "04 00 14 32 96"),
])
def test_unbroken_numbers_and_pairs_apart_by_blanks_are_phone_shapes(analyzer, policy, text,
                                                                      phone):
    assert _found(analyzer, policy, text) == [phone]


@pytest.mark.parametrize("text", [
    "reply from 320183665 yesterday",  # nine digits unbroken
    "order 3201836657 arrived",  # a number that names what it is
    "the laps were 12 30 45 10 today",  # pairs a clock could show
])
def test_short_unbroken_labelled_numbers_and_clock_pairs_are_not_phone_shapes(analyzer, policy,
                                                                              text):
    assert _found(analyzer, policy, text) == []


def test_a_number_rung_or_dialled_is_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "on 12 may i rang 84 17 85 and nobody answered") == [
        "84 17 85"]
    assert _found(analyzer, policy, "i dialled 84 17 85 twice") == ["84 17 85"]


@pytest.mark.parametrize("text,phone", [
    ("apt 5 415 555 0147", "415 555 0147"),
    ("ca 94107 41 0 89 920 70 64", "41 0 89 920 70 64"),
    ("reply from 415 555 0147 2 times a day", "415 555 0147"),
    ("41 48 609 95 29 45 years old", "41 48 609 95 29 45"),  # which end is not: unknown
])
def test_a_phone_touching_a_number_of_something_else_is_found(analyzer, policy, text, phone):
    assert _found(analyzer, policy, text) == [phone]


def test_a_uk_area_code_of_five_digits_before_the_number_is_a_phone_shape(analyzer, policy):
    assert _found(analyzer, policy, "reply from 07700 630201 yesterday") == ["07700 630201"]


@pytest.mark.parametrize("text", [
    "liverpool 38 26 19 13 73 26 87 points",
    "chelsea 38 26 19 13 73 26",
    "the splits were 31 28 29 33 30 today",
])
def test_rows_of_two_digit_scores_are_not_phones_whole_or_in_part(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "the minimum amount is one million dollars 1 000 000 00",
    "they raised 1 250 000 000 dollars",
])
def test_an_amount_said_in_thousands_is_not_a_phone_in_part(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "disallowance of rs 1 34 56 177 claimed as expenditure",
    "i e 1 44 00 000 as mobilization advance",
    "r p nos 1399 2017 1401 2017 high court",
    "air 1967 sc 1480 1967 2 scr 650",
])
def test_lakhs_citations_and_case_numbers_are_not_a_phone_in_part(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_phone_ending_in_a_year_like_group_beside_a_number_is_found(analyzer, policy):
    assert _found(analyzer, policy, "apt 5 605 422 1913") == ["605 422 1913"]


@pytest.mark.parametrize("text", [
    "criminal diary no s 53174 2022 53175 2022 arising out of",
    "civil appeal diary no 31208 2015 filed",
    "fao 792 2018 1 in the high court",
])
def test_case_numbers_with_their_years_are_not_a_phone_in_part(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,phone", [
    ("402 114 6455 office07700 718 521 fax", "07700 718 521"),
    ("call me on mobile07700 900 461 tomorrow", "07700 900 461"),
    ("my number is tel0207 946 0018 thanks", "0207 946 0018"),
])
def test_a_phone_glued_to_its_label_is_found_whole(analyzer, policy, text, phone):
    assert phone in _found(analyzer, policy, text)


@pytest.mark.parametrize("text", ["the homework07 was due on 12 march",
                                  "the teleconference 4 starts at 10"])
def test_digits_glued_to_a_word_that_only_ends_in_a_label_are_no_phone(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []



@pytest.mark.parametrize("text,number,name", [
    ("Writ Petition(s)(Civil) No(s). 318/2006 filed by Shri Bansi Lal Sharma", "318/2006",
     "Sharma"),
    ("Civil Appeal Nos. 4042-4043 Of 2020, Mr. Krishnan Venugopal for the appellant",
     "4042-4043", "Venugopal"),
    ("special leave petition criminal diary no s 7282 2022 mr krishnan venugopal for him",
     "7282 2022", "venugopal"),
])
def test_a_case_number_stays_and_the_name_beside_it_goes(redactor, text, number, name):
    out = redacted(redactor, text)
    assert number in out and name not in out


@pytest.mark.parametrize("text,phone", [
    ("reach me on 0221/1234567 after six", "0221/1234567"),
    ("call me on 4042-4043 tonight", "4042-4043"),
    ("my number is 318/2006", "318/2006"),
])
def test_a_phone_with_a_cue_or_an_area_code_is_still_a_phone(analyzer, policy, text, phone):
    assert _found(analyzer, policy, text) == [phone]


@pytest.mark.parametrize("text", [
    "judgment of the division bench in wa no 119 2018 smt anjana vs bank of india",
    "complainant respondent no 2 lodged fir no 0254 2018 on 13 6 2018 against them",
    "in wp sr no 3786 2021 five member committee of employees",
    "heard with the oa no. 291 138 2020 pending before the tribunal",
])
def test_a_number_and_its_year_after_no_is_a_case_number_not_a_phone(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "and wmp nos 17623 21215 20518 of 2019 wp no 15304 of 2019",
    "w p md nos 17981 17982 and 17983 of 2017 17297 17298 and 17299 of 2015 before the bench",
    "application numbers 4471 2290 331 and 4471 2290 332 of 2016 were heard",
])
def test_numbers_of_a_year_are_case_numbers_not_a_phone(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,phone", [
    ("my mobile no 976 2018 after six", "976 2018"),
    ("phone no 4471 2290 331 of the office", "4471 2290 331"),
    ("Reply from 07700 063 966 of course", "07700 063 966"),
])
def test_a_phone_cue_or_shape_still_wins_over_a_case_number_context(analyzer, policy, text,
                                                                     phone):
    assert _found(analyzer, policy, text) == [phone]


@pytest.mark.parametrize("text", [
    "the petitioner versus union of india respondents w p c 4951 2014 harsh kumar",
    "respondents for petitioner s mr ajeet in cw 1416 2018 raj for the appellant",
    "the appellant relied on 2008 sc 2594 5 2007 3 ald 128 and the respondent on nothing",
])
def test_a_number_with_a_year_in_a_judgment_is_a_citation_not_a_phone(analyzer, policy,
                                                                        text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,phone", [
    ("the petitioner may be reached at 976 2018 after six", "976 2018"),
    ("the petitioner's phone is 976 2018", "976 2018"),
    ("the respondent lives at 12 main street, call 4927 2018 anytime", "4927 2018"),
])
def test_a_phone_in_a_judgment_with_a_cue_is_still_a_phone(analyzer, policy, text, phone):
    assert _found(analyzer, policy, text) == [phone]


def test_a_number_ending_in_a_year_outside_a_judgment_may_still_be_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "Reply from 445 2018 yesterday") == ["445 2018"]


@pytest.mark.parametrize("text", [
    "calling upon the petitioners to pay a sum of rs 240 03 62 830 86",
    "hence i pass an award for rs 49 96 719 with interest",
    "the fee was usd 445 6271 in all",
])
def test_an_amount_after_its_currency_is_not_a_phone(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_clock_times_before_hours_are_not_a_phone(analyzer, policy):
    assert _found(analyzer, policy, "three shifts 0600 1400 hours 1400 2200 hours") == []


def test_a_phone_cue_before_an_abbreviation_dot_still_wins(analyzer, policy):
    assert _found(analyzer, policy, "my mobile no. 976 2018 after six") == ["976 2018"]
