"""name_lexicon: census names weighed against English word frequency."""
from transforms.core.name_lexicon import is_mostly_name, lexicon, name_word, zipf


def test_names_are_ranked_by_how_often_they_are_ordinary_words():
    wordness = {w: name_word(w).wordness for w in ("veronica", "john", "grant", "will")}
    assert wordness["veronica"] < wordness["grant"] < wordness["will"]
    assert wordness["john"] < wordness["grant"]


def test_ordinary_words_in_the_surname_list_are_not_mostly_names():
    assert name_word("points") is not None and name_word("points").last
    assert not is_mostly_name("points") and not is_mostly_name("will")
    assert is_mostly_name("Benitez") and is_mostly_name("veronica")


def test_an_unknown_word_is_absent_and_has_no_frequency():
    assert name_word("qzxvbnm") is None and zipf("qzxvbnm") == 0.0
    assert zipf("the") > 7


def test_the_lexicon_is_loaded_once():
    assert lexicon() is lexicon()


def test_word_frequencies_are_wordfreqs_own_english_large_list_read_without_wordfreq():
    import wordfreq

    from transforms.core.name_lexicon import _frequency

    assert _frequency() == wordfreq.get_frequency_dict("en", wordlist="large")


def test_every_census_word_is_listed_with_the_census_lists_it_is_in_and_made_once():
    from pathlib import Path

    import names

    def words(name):
        with open(Path(names.__file__).parent / name, encoding="ascii") as lines:
            return {line.split()[0].lower() for line in lines if line.split()}

    given = words("dist.male.first") | words("dist.female.first")
    surnames = words("dist.all.last")
    entries = lexicon()
    census = given | surnames
    assert census <= set(entries) and len(entries) == len(set(entries))
    assert all((entries[w].first, entries[w].last) == (w in given, w in surnames)
               for w in census)
    assert name_word("JOHN") is entries["john"] is lexicon().get("john")
    assert "qzxvbnm" not in entries and entries.get("qzxvbnm") is None


def test_a_word_missing_from_the_lexicon_is_not_named_in_the_error():
    import pytest

    from transforms.core.name_lexicon import lexicon

    with pytest.raises(KeyError) as caught:
        lexicon()["zqxjvbnaticket"]
    assert "zqxjvbnaticket" not in str(caught.value)
