"""written_words: how a capitalised word reads, on spaCy's real tokens."""
import pytest

from tests.transforms.core.recognizers.support import redacted

from transforms.core.recognizers.written_words import (english, foreign_lines, mixed_lines,
                                                       part_of, subject, unseen)


def tokens(analyzer, text):
    return analyzer.nlp_engine.process_text(text, "en").tokens


def test_a_word_english_never_uses_is_unseen_and_a_common_or_hashtag_word_is_not(analyzer):
    doc = tokens(analyzer, "We met Pohjonen, Spotify and ClimateChange fans and Hahaaa.")
    assert [t.text for t in doc if unseen(t)] == ["Pohjonen"]


def test_a_line_of_malay_is_foreign_and_an_address_line_of_names_is_english(analyzer):
    doc = tokens(analyzer, "Hari ini hari Sabtu, Tanggal 05 Bulan September\n"
                           "Edhem Jernejšek lives at 608 Deborah Villages")
    first, second = part_of(doc[0]), part_of(doc[len(doc) - 1])
    assert not english(doc[first[0]:first[1]])
    assert english(doc[second[0]:second[1]])


def test_a_subject_may_have_an_adverb_before_its_verb(analyzer):
    doc = tokens(analyzer, "Budjana also owns a guitar.")
    assert subject(doc[0])
    assert not subject(tokens(analyzer, "Budjana, a guitarist.")[0])


@pytest.mark.parametrize("text, foreign", [
    ("Basta dapat, pag may chance kang gawin. Gawin mo na agad. Habang di pa huli ang lahat",
     True),
    ("@null Hari ini hari Kamis, Tanggal 17 Bulan September Tahun 2015", True),
    ("mon copain il est vraiment adorable", True),
    ("tulog na kayo guys ako nalang maguupdate sainyo if may pasok hehe", True),
    ("kapag ako naging presidente saturday at sunday yung pasok", True),
    ("we may meet at the park at noon if it is dry", False),
    ("just in demi lovato is coming to manila on april 30", False),
    ("china criticises japan after shinzo abe honours war criminals as martyrs", False),
    ("subs v afc walton gk hughes rea chicksen colunga march mackail smith", False),
    ("rt jithosh offl jadeja on fire 4th wicket taken csk daaa", False),
    ("name lincoln wormald address unter den linden 13 bremen arbergen hb 28307", False),
    ("pero bašić machine repairer phone 01 84 63 e mail perobasic at rhyta dot com", False),
    ("franck charbonneau cardiographer λεωφ ηρώων πολυτεχνείου 19 μονη αγιου μηνα", False),
    ("they had 6 walentyna walentyna walentyna walentyna walentyna and walentyna", False),
])
def test_a_line_english_hardly_uses_is_foreign(analyzer, text, foreign):
    doc = tokens(analyzer, text)
    assert foreign_lines(doc) == [foreign] * len(doc)


def test_each_line_is_judged_alone(analyzer):
    doc = tokens(analyzer, "mon copain il est vraiment adorable\nmy friend is really lovely")
    marks = foreign_lines(doc)
    assert marks[0] and not marks[-1]


def test_a_rare_name_said_six_times_in_an_english_line_is_found(redactor):
    out = redacted(redactor, "they had 6 walentyna walentyna walentyna walentyna and walentyna")
    assert "walentyna" not in out and "they had 6" in out


def test_a_line_is_mixed_with_two_tagalog_or_indonesian_function_words_not_one(analyzer):
    doc = tokens(analyzer, "nakita ni Enrique Gil sa mall\nthe account holder is hari kumar")
    marks = mixed_lines(doc)
    first = next(t.i for t in doc if "\n" in t.text)
    assert all(marks[:first]) and not any(marks[first + 1:])
