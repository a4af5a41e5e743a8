"""ContextNameRecognizer: lowercase names after a cue, in the languages it has cues for."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, found_by, redacted
from transforms.core.recognizers import ContextNameRecognizer, recognizers_for, registered
from transforms.core.recognizers.context_name import NAME_CUES


def test_lowercase_names_after_cues_are_found_but_words_are_not(redactor):
    out = redacted(redactor, "customer: hi my name is priya patel and i am calling about my "
                   "bill agent: thanks priya have a good day")
    assert "priya" not in out and "patel" not in out
    assert "calling about my bill" in out and "have a good day" in out


def test_a_name_in_the_notes_is_found_in_the_voice_transcript(redactor):
    results = redactor.redact(["yeah so grzegorz here about the renewal",
                               "Customer Grzegorz Brzeczyszczykiewicz called."],
                              [[], []], groups=[0, 0])
    assert "grzegorz" not in results[0].text.lower()
    assert "about the renewal" in results[0].text


def test_french_cues_find_a_lowercase_name_in_french_text(analyzer, policy):
    text = "bonjour je m'appelle grzegorz et j'appelle pour ma facture"
    # alone: in the analyzer FrenchCueNameRecognizer finds the same span first
    assert found_alone(ContextNameRecognizer, analyzer, text, language="fr") == ["grzegorz"]


def test_a_language_without_name_cues_is_refused():
    with pytest.raises(ValueError, match="no name cues for language 'de'"):
        ContextNameRecognizer("de")


def test_names_are_served_exactly_in_the_languages_with_cues():
    (names,) = [r for r in registered() if r.factory is ContextNameRecognizer]
    assert set(names.languages) == set(NAME_CUES)
    assert ContextNameRecognizer not in {type(r) for r in recognizers_for("de")}


def test_a_rare_name_the_tagger_calls_a_preposition_is_found_after_my_name_is(analyzer):
    # spaCy tags the lowercase "miia" ADP; a word this rare is no function word
    text = "my name is miia uotila"
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    found = ContextNameRecognizer("en").analyze(text, ["PERSON"], artifacts)
    assert [text[r.start:r.end] for r in found] == ["miia uotila"]


def _context(analyzer, text):
    """What the recognizer finds on its own (spaCy may find the same name first)."""
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    return [text[r.start:r.end]
            for r in ContextNameRecognizer("en").analyze(text, ["PERSON"], artifacts)]


@pytest.mark.parametrize("text, name", [
    ("the table is booked under the name oehler for tonight", "oehler"),
    ("it is on name kit brusser i think", "kit brusser"),
    ("you can call me sterling", "sterling"),
    ("i opened it in the name of nimesh", "nimesh"),
    ("hi my names forest kattan", "forest kattan"),  # "my name's", apostrophe dropped
])
def test_a_name_after_a_naming_phrase_is_found(analyzer, text, name):
    assert _context(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "please call me back tomorrow", "the name field is empty",
    "what is the name of the restaurant", "it is under the name of the company",
])
def test_naming_phrases_before_ordinary_words_find_nothing(analyzer, text):
    assert _context(analyzer, text) == []


@pytest.mark.parametrize("text", [
    "it's friday and it's scuttlebutton time", "another hour it's december 19 2014 at 02 51 pm",
    "it's friday lol", "hello sunday my old friend",
])
def test_a_weekday_or_a_month_that_is_no_given_name_is_not_a_name_after_a_cue(analyzer, text):
    assert _context(analyzer, text) == []


def test_a_month_that_is_a_given_name_is_still_a_name_after_a_strong_cue(analyzer):
    assert _context(analyzer, "hi my name is june") == ["june"]


def test_a_word_glued_to_digits_after_a_cue_is_no_name(analyzer):
    assert _context(analyzer, "thanks user1671 for the follow") == []


def test_a_surname_the_tagger_reads_as_a_verb_of_no_english_stem_is_found(redactor):
    out = redacted(redactor, "my name is alan turing and my account is locked")
    assert "turing" not in out and "alan" not in out
    assert "and my account is locked" in out


def test_an_inflected_verb_after_the_name_is_kept(redactor):
    out = redacted(redactor, "my name is alan calling about my bill")
    assert "alan" not in out and "calling about my bill" in out


@pytest.mark.parametrize("text", [
    "user1498 thanks friend have dm'd u back",
    "hi followers we have moved to independent please follow",
    "hi guys thanks for coming",
    "dear fridge i will be back in 35 minutes",
])
def test_a_common_word_one_is_addressed_as_is_no_name_after_a_greeting(analyzer, text):
    # "friend", "guys" are census names far more often words; "followers" none
    # (a word the tagger reads as an interjection, "dear god", is not taken here)
    assert _context(analyzer, text) == []


@pytest.mark.parametrize("text, name", [
    ("thanks bill for the help", "bill"),
    ("hello grace how are you", "grace"),
    ("hi summer nice to meet you", "summer"),
    ("thanks kwabena see you soon", "kwabena"),
    ("dear god i don't ask you to make my life easier", "god"),
])
def test_a_name_that_is_also_a_word_is_still_found_after_a_greeting(analyzer, text, name):
    assert _context(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "the ribbon cutting of the first stage of the island development at\nthanks sister margaret "
    "and maronite college of the holy family great to present a flag",
    "hello brother thomas we prayed for you",
])
def test_a_title_before_a_given_name_after_a_greeting_goes_with_the_name(redactor, text):
    # "sister" alone is how one is addressed; before "margaret" it is her title
    out = redacted(redactor, text)
    assert "sister" not in out and "margaret" not in out and "brother" not in out \
        and "thomas" not in out
