"""truecase: the truecased copy the NER reads in speech-style text, and which of the
persons found in it stand, with the real spaCy model of the session analyzer."""
import pytest

from transforms.core.truecase import label_of, truecased_words, trusted


@pytest.fixture(scope="module")
def nlp(analyzer):
    return analyzer.nlp_engine.nlp["en"]


def _doc(nlp, text):
    return nlp(text, disable=["ner"])


def test_only_letter_case_changes_token_for_token(nlp):
    doc = _doc(nlp, "yeah i told zoë müller-lüdenscheidt about it\nok thanks")
    words = truecased_words(doc)
    assert len(words) == len(doc)
    for token, word in zip(doc, words):
        assert word.lower() == token.text.lower() and len(word) == len(token.text)


def test_names_places_and_rare_words_are_capitalised_common_words_are_not(nlp):
    words = truecased_words(_doc(nlp, "veronica brenner of canada won the womens aerials"))
    assert words[:4] == ["Veronica", "Brenner", "of", "Canada"]
    assert words[4:6] == ["won", "the"]


def test_a_given_name_and_surname_are_capitalised_together(nlp):
    words = truecased_words(_doc(nlp, "the film stars brad pitt and emma stone"))
    assert words[3:5] == ["Brad", "Pitt"] and words[6:8] == ["Emma", "Stone"]
    assert words[:3] == ["the", "film", "stars"] and words[5] == "and"


def test_an_ordinary_request_stays_lowercase_but_i(nlp):
    text = "can i pay the bill with my credit card and change my delivery address"
    words = truecased_words(_doc(nlp, text))
    assert " ".join(words) == text.replace(" i ", " I ")


def test_a_lone_common_word_read_as_a_person_does_not_stand(nlp):
    doc = _doc(nlp, "we spent the honeymoon there")
    assert not trusted(doc, 3, 4, "PERSON")
    assert trusted(doc, 3, 4, "GPE")  # places stand: they were asked for as such


def test_a_word_after_a_cue_or_a_listed_name_stands_as_a_person(nlp):
    doc = _doc(nlp, "my kid lukas and veronica")
    assert trusted(doc, 2, 3, "PERSON") and trusted(doc, 4, 5, "PERSON")


def test_an_organisation_of_a_given_name_and_a_rare_word_is_a_person(nlp):
    doc = _doc(nlp, "kylian mbappe scored twice for the golden state warriors")
    assert label_of(doc, 0, 2, "ORG") == "PERSON"
    assert label_of(doc, 6, 9, "ORG") == "ORG"
    assert label_of(doc, 0, 2, "GPE") == "GPE"
