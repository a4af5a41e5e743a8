"""spelling: the characters a run of spelled tokens says, as speech recognition writes it."""
from transforms.core.recognizers.spelling import spelled_runs, spelling


def _runs(text, min_tokens=2):
    return [(text[r.start:r.end], r.reading, r.singles) for r in spelled_runs(text, min_tokens)]


def test_letters_nato_words_digits_number_words_and_chunks_are_read_as_characters():
    assert [spelling(w) for w in ("alpha", "Zed", "two", "w20", "9tb", "ML", "o")] == \
        ["A", "Z", "2", "W20", "9TB", "ML", "O"]


def test_ordinary_words_break_a_run_and_two_letter_words_are_not_letters():
    assert spelling("table") is None and spelling("is") is None and spelling("me") is None
    assert _runs("a table for two") == []
    assert _runs("it is 2 4 me") == [("2 4", "24", 0)]


def test_a_run_stays_on_its_line():
    assert _runs("m o\nh 9") == [("m o", "MO", 2), ("h 9", "H9", 1)]


def test_a_two_letter_word_after_a_spelled_letter_and_letter_for_word_are_part_of_it():
    assert _runs("l e w is here") == [("l e w is", "LEWIS", 3)]
    assert _runs("C for Charlie V for Victor 7 5")[0][:2] == ("C for Charlie V for Victor 7 5",
                                                               "CV75")


def test_runs_of_a_minimum_length_are_the_longer_runs_whatever_was_asked_before():
    texts = ["my code is m o h 9 y s ok and the ref is a b", "whiskey 2 0 alpha bravo",
             "nothing spelled here", "my code is m o h 9 y s ok and the ref is a b"]
    for text in texts:  # each text asked at 4, 2, 1 and 4 again, others between
        every = _runs(text, 1)
        for min_tokens in (4, 2, 1, 3, 4):
            assert _runs(text, min_tokens) == [
                r for r, run in zip(every, spelled_runs(text, 1))
                if run.tokens >= min_tokens]
    assert _runs(texts[0], 4) == [("m o h 9 y s ok", "MOH9YSOK", 5)]
    assert _runs(texts[1], 4) == [("whiskey 2 0 alpha bravo", "W20AB", 3)]
