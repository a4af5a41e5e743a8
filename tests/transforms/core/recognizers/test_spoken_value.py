"""read_value: a number or code said in words, with tens, hundreds and spelled letters."""
from transforms.core.number_words import read_value


def reading(text, letters=False):
    value = read_value(text, 0, letters=letters, dashes=letters)
    return value and value.reading


def test_tens_join_the_digit_after_them():
    assert reading("one two three forty five six seven eight nine") == "123456789"
    assert reading("one twenty three forty five sixty seven eighty nine") == "123456789"
    assert reading("forty please") == "40"


def test_hundred_takes_the_two_digits_after_it():
    assert reading("fifteen hundred sunset") == "1500"
    assert reading("one hundred twenty three maple") == "123"
    assert reading("seven hundred five") == "705"


def test_double_oh_and_digits_written_as_digits_are_read():
    assert reading("nine oh two one oh") == "90210"
    assert reading("one two three double four") == "12344"
    assert reading("9 0 2 1 0") == "90210"
    assert reading("nine o two one o") == "90210"


def test_letters_dashes_and_their_examples_are_read_only_when_asked():
    assert reading("p o l dash one two three", letters=True) == "POL-123"
    assert reading("a c c t one two", letters=True) == "ACCT12"
    assert reading("d as in delta one two three", letters=True) == "D123"
    assert reading("d one two") is None
    assert reading("four b", letters=True) == "4B"


def test_an_ordinary_word_stops_the_value():
    assert reading("twelve oak street") == "12"
    assert reading("minutes later") is None
