"""CaselessNerEngine: in speech-style English text spaCy's NER reads a truecased copy;
every detector still reads, and the output still replaces, the original characters."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.caseless_ner import speech_style


@pytest.fixture(scope="module")
def engine(analyzer):
    return analyzer.nlp_engine


def test_a_speech_style_news_sentence_loses_the_names_and_the_country(redactor):
    out = redacted(redactor, "veronica brenner of canada won the womens aerials")
    assert out == "<PERSON> of <LOCATION> won the womens aerials"


def test_a_player_the_small_model_calls_an_organisation_is_redacted(redactor):
    out = redacted(redactor, "kylian mbappe scored twice for the visitors")
    assert out == "<PERSON> scored twice for the visitors"


@pytest.mark.parametrize("text", [
    "can i pay the bill with my credit card",
    "i want to change my delivery address",
    "the game was delayed because of heavy rain in the second half",
    "we had lunch near the river and walked back to the hotel",
    "my order never arrived and the tracking page says delivered",
])
def test_ordinary_lowercase_sentences_keep_every_word(redactor, text):
    assert redacted(redactor, text) == text


def test_the_other_detectors_read_the_original_lowercase_doc(engine):
    text = "veronica brenner of canada won"
    artifacts = engine.process_text(text, "en")
    assert artifacts.tokens.text == text
    assert [(e.text, e.label_) for e in artifacts.entities] == [
        ("veronica brenner", "PERSON"), ("canada", "LOCATION")]  # Presidio's names


def test_a_batch_gives_what_one_text_gives(engine):
    texts = ["veronica brenner of canada won", "Veronica Brenner of Canada won.", ""]
    batch = [a for _, a in engine.process_batch(texts, "en", batch_size=2)]
    for text, artifacts in zip(texts, batch):
        single = engine.process_text(text, "en")
        assert [(e.start_char, e.end_char, e.label_) for e in artifacts.entities] == [
            (e.start_char, e.end_char, e.label_) for e in single.entities]


def test_written_text_gets_the_models_own_entities(engine):
    text = "Yesterday Veronica Brenner of Canada won the race in Vail."
    nlp = engine.nlp["en"]
    assert [(e.text, e.label_) for e in engine.process_text(text, "en").tokens.ents] == [
        (e.text, e.label_) for e in nlp(text).ents]


def test_only_lowercase_or_shouted_text_is_speech_style(engine):
    nlp = engine.nlp["en"]
    assert speech_style(nlp("send fifty dollars to mahmoud please"))
    assert speech_style(nlp("Hi this is the bank calling about your card"))
    assert speech_style(nlp("SEND FIFTY DOLLARS TO MAHMOUD PLEASE"))
    assert not speech_style(nlp("Meeting With Veronica Brenner In Vail Tomorrow"))
    assert not speech_style(nlp("I sent fifty dollars to Mahmoud."))


def test_a_headline_in_capitals_keeps_its_ordinary_words(redactor):
    out = redacted(redactor, "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .")
    assert "GET LUCKY WIN" in out and "IN SURPRISE DEFEAT" in out


def test_a_name_in_a_headline_in_capitals_over_written_text_is_found(engine):
    text = ("TENNIS - PHILIPPOUSSIS BEATS SAMPRAS IN STRAIGHT SETS .\n"
            "The Australian won in Sydney on Tuesday.")
    doc = engine.process_text(text, "en").tokens
    assert ("SAMPRAS", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_the_written_lines_under_a_headline_keep_the_models_own_entities(engine):
    body = "Yesterday Veronica Brenner of Canada won the race in Vail."
    doc = engine.process_text("SKIING - CANADIAN WINS AERIALS TITLE .\n" + body, "en").tokens
    nlp = engine.nlp["en"]
    offset = len("SKIING - CANADIAN WINS AERIALS TITLE .\n")
    assert [(e.start_char - offset, e.text, e.label_) for e in doc.ents
            if e.start_char >= offset] == [
        (e.start_char, e.text, e.label_) for e in nlp(body).ents]


def test_a_chat_word_opening_the_next_line_of_a_person_across_lines_is_kept(redactor):
    # the NER reads "sanbernadino\nrt cochraneeagle" as one person: each line's piece is
    # trimmed on its own, so "rt" opening the second tweet stays
    out = redacted(redactor, "breaking news at large sanbernadino\nrt cochraneeagle your "
                   "cochrane eagle front page")
    assert "\nrt " in out and "cochraneeagle" not in out and "sanbernadino" not in out


@pytest.mark.parametrize("text, kept", [
    ("this james cameron film uses unique filming to capture the saga", "film uses"),
    ("tell me tom hanks middle name", "middle name"),
    ("dench tom wilkinson movie 2012 hd via youtube", "movie 2012"),
])
def test_a_common_word_after_a_lowercase_name_stays_out_of_the_name(redactor, text, kept):
    # the tagger reads "film", "middle" as proper nouns after a lowercase name; no name
    # list holds them, so they are no part of it
    out = redacted(redactor, text)
    assert kept in out and "cameron" not in out and "hanks" not in out \
        and "wilkinson" not in out


def test_a_known_full_name_ending_in_a_common_word_stays_whole(redactor):
    out = redacted(redactor, "i love john legend so much")
    assert "legend" not in out and "john" not in out


def test_a_common_word_before_a_given_name_stays_in_a_list_of_names(redactor):
    # "dj" closes the NER's "sultan ty bello dj" but is the title of "dj jimmy jatt"
    out = redacted(redactor, "the project involved teju babyface sound sultan ty bello dj "
                   "jimmy jatt omawunmi denrele edun and others painting")
    assert " dj " not in f" {out} " and "jimmy" not in out and "bello" not in out


@pytest.mark.parametrize("text, gone", [
    # "obama" is as frequent as a common word in English text, but it is a notable
    # person's short form: a surname, never a common tail
    ("police say thieves tried to break into the home of sarah obama the grandmother",
     "obama"),
    ("sarah obama is his step grandmother", "obama"),
    # a two-letter post-nominal ("sc", "qc") is part of the name it follows
    ("speaking in the parents defense tom molomby sc said that the parents came", " sc "),
])
def test_a_surname_or_post_nominal_after_a_lowercase_name_is_not_cut_off(redactor, text, gone):
    out = redacted(redactor, text)
    assert gone not in f" {out} " and "sarah" not in out and "molomby" not in out
