"""Rare words between two names found on one line are a name too."""
from transforms.core.name_gaps import fill_gaps
from transforms.core.spans import Span


def _person(text, words):
    start = text.index(words)
    return Span(start, start + len(words), "PERSON", 0.6)


def _gaps(text, *names):
    return [text[s.start:s.end] for s in fill_gaps(text, [_person(text, n) for n in names])]


def test_rare_words_between_two_names_are_a_name():
    text = "the cast includes ravindra kolhapure tanvik oberai deshmukh and others"
    assert _gaps(text, "ravindra kolhapure", "deshmukh") == ["tanvik oberai"]


def test_a_written_list_with_commas_fills_the_names_between():
    text = "It starred Kate Morrow, Tanvik Oberai, Lisa Gold."
    assert _gaps(text, "Kate Morrow", "Lisa Gold") == ["Tanvik Oberai"]


def test_a_common_word_between_two_names_is_no_name():
    for text in ("anna kolhapure met deshmukh today", "anna kolhapure and deshmukh",
                 "anna kolhapure beat deshmukh", "Kate Morrow, Sound Sultan, Lisa Gold",
                 "anna kolhapure lagi deshmukh"):  # a Tagalog function word
        first, last = ("Kate Morrow", "Lisa Gold") if "Kate" in text else (
            "anna kolhapure", "deshmukh")
        assert _gaps(text, first, last) == []


def test_a_gap_across_a_line_or_of_more_than_four_words_is_left():
    assert _gaps("anna kolhapure\ntanvik deshmukh", "anna kolhapure", "deshmukh") == []
    text = "anna kolhapure tanvik oberai vasant prabhakar ramdas deshmukh"
    assert _gaps(text, "anna kolhapure", "deshmukh") == []


def test_lowercase_words_between_two_capitalised_names_are_no_name():
    # chat typos are rare words too: between names written with capitals, a name would be
    assert _gaps("Hi Maria, recieved thnks John", "Maria", "John") == []
    assert _gaps("Kate Morrow, tanvik oberai Lisa Gold", "Kate Morrow", "Lisa Gold") == []
    text = "the cast includes ravindra kolhapure tanvik oberai Deshmukh"
    assert _gaps(text, "ravindra kolhapure", "Deshmukh") == ["tanvik oberai"]
