"""written_words: how a capitalised word reads, on spaCy's real tokens."""
from transforms.core.recognizers.written_words import english, part_of, subject, unseen


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
