"""world_names: given names and surnames of many countries, from notable people's names,
weighed against English word frequency in the census-name lexicon."""
import pytest

from tests.transforms.core.recognizers.support import assert_names_go_and_words_stay, redacted
from transforms.core.name_lexicon import is_mostly_name, name_word
from transforms.core.world_names import full_names, world_shares


def test_given_names_and_surnames_the_census_lacks_are_listed_as_mostly_names():
    for word in ("sergei", "viktor", "oleksiy", "hiroki", "dilip"):
        assert name_word(word) is not None and name_word(word).first, word
        assert is_mostly_name(word), word
    assert name_word("tolstoy").last and not name_word("tolstoy").first


def test_a_world_name_is_marked_as_not_from_the_census():
    assert not name_word("kwabena").census and name_word("john").census
    assert name_word("محمد") is None and name_word("iban") is None


def test_a_word_counts_only_when_two_notable_people_bear_it():
    given, surnames = world_shares()
    assert "dembele" in surnames and "rachmaninoff" not in surnames  # one Rachmaninoff


def test_only_world_words_that_are_mostly_names_join_the_lexicon():
    given, _ = world_shares()
    assert {"chip", "odd", "skip"} <= given.keys()  # "Chip Kelly", "Odd Nerdrum"
    assert name_word("chip") is None and name_word("odd") is None
    assert name_word("skip") is None
    assert name_word("empress") is None and name_word("ii") is None


def test_every_word_the_lexicon_gains_is_mostly_a_name():
    from pathlib import Path

    import names

    from transforms.core.name_lexicon import lexicon

    census = set()
    for name in ("dist.male.first", "dist.female.first", "dist.all.last"):
        with open(Path(names.__file__).parent / name, encoding="ascii") as lines:
            census |= {line.split()[0].lower() for line in lines if line.split()}
    gained = set(lexicon()) - census
    given, surnames = world_shares()
    assert len(gained) > 10000 and gained <= given.keys() | surnames.keys()
    assert all(lexicon()[word].mostly_name and not lexicon()[word].census for word in gained)


def test_census_words_keep_their_census_weight():
    assert not is_mostly_name("jan") and not is_mostly_name("may")
    assert name_word("john").wordness == pytest.approx(-0.135, abs=0.01)


@pytest.mark.parametrize("line", [
    "yeah the violin part was played by {hiroki} last night",
    "we called {oleksiy} and he said the flat is free",
    "the table is booked for {dilip} and two friends at eight",
    "the order was signed by {viktor} and the rest of the team",
    "we met {henrik} and {sven} at the station",
    "{graeme} from accounts will ring you back",
    "the concert with {yves} and {olaf} was cancelled",
    "please put {gunnar} on the account as well",
])
def test_international_given_names_in_speech_text_are_redacted(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


@pytest.mark.parametrize("line", [
    "the great hall was full and the elder trees were in bloom",
    "will you send the may invoice before the end of jan",
])
def test_ordinary_words_in_speech_text_are_kept(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


def test_words_common_in_another_language_are_not_names():
    given, surnames = world_shares()
    for word in ("mijn", "maar", "nur", "satu", "ze"):
        assert word not in given and word not in surnames, word
        assert name_word(word) is None, word
    assert "gunnar" in given and is_mostly_name("gunnar")


def test_tweet_words_in_dutch_and_indonesian_are_kept(redactor):
    for line in ("ik heb het al gezien maar mijn tv is kapot",
                 "satu hari lagi untuk liburan"):
        assert_names_go_and_words_stay(redactor, line)


def test_a_rare_surname_of_the_world_list_still_counts_as_unseen_in_written_text(redactor):
    out = redacted(redactor, "The shop was started by van den Nieuwenhuizen in 1985.")
    assert "Nieuwenhuizen" not in out and "den" not in out.split()
    assert out.startswith("The shop was started by ") and out.endswith(" in 1985.")


def test_full_names_hold_labels_of_two_to_four_words_with_hyphens_read_as_spaces():
    labels, firsts = full_names()
    assert {"pete sampras", "stevie wonder", "chiang kai shek"} <= labels
    assert "pete" in firsts and "chiang" in firsts
    assert all(2 <= label.count(" ") + 1 <= 4 for label in labels)
    assert not any("-" in label for label in labels)


def test_label_surnames_are_the_last_words_of_notable_peoples_names():
    from transforms.core.world_names import label_surnames
    surnames = label_surnames()
    assert "pinochet" in surnames and "sampras" in surnames
    assert "protease" not in surnames and "tannin" not in surnames
