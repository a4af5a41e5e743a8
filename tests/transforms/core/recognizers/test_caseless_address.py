"""caseless_address: content words, census names, caseless lines and the postal tail."""
from transforms.core.recognizers import caseless_address as caseless


def test_function_words_units_and_value_labels_are_not_content_words():
    assert caseless.content("farmer") and caseless.content("östanlid")
    assert not any(caseless.content(w) for w in ("the", "down", "minutes", "address", "12"))


def test_a_line_with_a_capital_is_not_caseless():
    text = "Agent: hello\nsend it to 12 oak lane"
    assert caseless.in_caseless_line(text, text.index("12"), len(text))
    assert not caseless.in_caseless_line(text, 0, 5)


def test_the_tail_ends_at_a_postal_code_or_is_not_taken():
    text = "12 oak lane apt 4 dayton oh 45402 after lunch"
    assert text[:caseless.tail(text, 11)] == "12 oak lane apt 4 dayton oh 45402"
    assert caseless.tail("12 oak lane dayton after lunch", 11) == 11
    assert caseless.tail("12 oak lane and we paid 150 dollars", 11) == 11


def test_a_function_word_is_not_a_region_before_a_code_but_a_province_is():
    assert caseless.tail("order 3 boxes of 250 units", 7) == 7
    text = "2129 york st london on n5w 2s9"
    assert caseless.tail(text, 12) == len(text)
