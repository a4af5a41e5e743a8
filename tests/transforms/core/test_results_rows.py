"""results_rows: figures on results and market lines are not phones; phones still are."""
import pytest

from tests.transforms.core.recognizers.support import assert_names_go_and_words_stay, redacted
from transforms.core.results_rows import prices, row_figures, said_abroad, trunk_led


@pytest.mark.parametrize("run,is_prices", [
    ("387.15 388.20", True), ("5,616.21 -31.44", True), ("3,892.40 +12.30", True),
    ("212.555.0147", False), ("212.555 0147", False), ("387.15", False),
])
def test_prices_are_two_or_more_decimals_apart_by_blanks(run, is_prices):
    assert prices(run) is is_prices


def test_a_group_of_two_or_more_digits_led_by_zero_is_a_trunk_or_area_code():
    assert trunk_led(["075", "333", "73", "84"]) and trunk_led(["20", "07"])
    assert not trunk_led(["4", "0", "12", "3"])


@pytest.mark.parametrize("text,run,is_row", [
    ("268 Colin Montgomerie 70 66 65 67", "70 66 65 67", True),
    ("Chicago 102 Boston 97", "102", True),
    ("Colin Montgomerie 70 66 65 67", "70 66 65 67", False),  # no other number
    ("268 Colin Montgomerie 415 555 0147", "415 555 0147", False),  # a four-digit group
    ("268 Colin Montgomerie 075 333 73 84", "075 333 73 84", False),  # an area code
    ("reply from 26 67 57 33 yesterday", "26 67 57 33", False),
])
def test_short_figures_are_a_row_only_beside_a_word_and_another_number(text, run, is_row):
    start = text.index(run)
    assert row_figures(text, start, start + len(run)) is is_row


@pytest.mark.parametrize("run,abroad", [
    ("254 712 345 678", True), ("33 6 12 34 56 78", True), ("61 412 345 678", True),
    ("70 66 65 67", False), ("71 68 70 69", False),  # no country's valid number
    ("17 8 4 5 27 25 28", False),  # valid for St Vincent, but a table's one-digit groups
])
def test_a_phone_said_with_its_country_code_is_a_valid_number_in_phone_groups(run, abroad):
    assert said_abroad(run.split()) is abroad


@pytest.mark.parametrize("line", [
    "268 {Colin Montgomerie} 70 66 65 67",
    "271 {Ernie Els} ( {South Africa} ) 68 70 67 66",
    "Gold 387.15 388.20",
    "gold 387 15 388 20",
    "nikkei 20 384 50 123 68",
    "{baltimore} 70 63 526 4",
    "{Newcastle} 4 3 1 0 9 3 10",
])
def test_rounds_standings_and_prices_keep_their_numbers_and_places_go(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


@pytest.mark.parametrize("text,phone", [
    ("268 Colin 415 555 0147", "415 555 0147"),
    ("Colin 075 333 73 84", "075 333 73 84"),
    ("reply from 26 67 57 33 yesterday", "26 67 57 33"),
    ("call me on 70 66 65 67 after 5", "70 66 65 67"),
    ("my number is 387 15 388 20", "387 15 388 20"),
    ("order 5: mary 254 712 345 678", "254 712 345 678"),  # country codes, no "+"
    ("ticket 3 - jean 33 612 345 678", "33 612 345 678"),
    ("it's 3 pm, jack on 61 412 345 678", "61 412 345 678"),
    ("flat 4 maria 49 151 234 567 89", "49 151 234 567 89"),
    ("anna 2 kids 55 119 876 543 21", "55 119 876 543 21"),
])
def test_phones_beside_a_name_or_after_a_cue_are_still_phones(redactor, text, phone):
    out = redacted(redactor, text)
    assert phone not in out and "PHONE" in out, out
