"""The context step's keywords: made on first read, the same list as Presidio's, and
looked up in a set (transforms/core/context_enhancer.py: Keywords, LazyKeywordArtifacts)."""
from __future__ import annotations

import pytest
from presidio_analyzer.nlp_engine import NlpArtifacts

from transforms.core.context_enhancer import Keywords, LazyKeywordArtifacts


def test_keywords_answer_in_as_the_list_does():
    words = ["phone", "number", "call:me", "call", "me"]
    kept = Keywords(words)
    assert list(kept) == words
    for word in words + ["Phone", "", "numbers", "call:"]:
        assert (word in kept) == (word in words)


@pytest.fixture(scope="module")
def engine():
    from transforms.core.policy import load_policy
    from transforms.core.presidio_engine import build_analyzer

    return build_analyzer(load_policy(), ("en",)).nlp_engine


TEXTS = ["Please call me on 0161 496 0000, my number is new: the old one was lost.",
         "my name is anna and i live on baker street, you can reach me at noon",
         "Is that the right account? I can't tell - it's 12345678."]


@pytest.mark.parametrize("text", TEXTS)
def test_lazy_artifacts_have_presidios_keywords_lemmas_and_entities(engine, text):
    artifacts = engine.process_text(text, "en")
    assert isinstance(artifacts, LazyKeywordArtifacts)
    assert "keywords" not in vars(artifacts)  # not made until read
    expected = NlpArtifacts.set_keywords(engine, artifacts.lemmas, "en")
    assert list(artifacts.keywords) == expected
    assert artifacts.keywords is artifacts.keywords  # made once
    doc = artifacts.tokens
    assert artifacts.lemmas == [t.lemma_ for t in doc]
    assert artifacts.tokens_indices == [t.idx for t in doc]
    presidio = engine.__class__.__mro__[1]._doc_to_nlp_artifact(engine, doc, "en")
    assert [(e.start, e.end, e.label_) for e in artifacts.entities] == \
        [(e.start, e.end, e.label_) for e in presidio.entities]
    assert artifacts.scores == presidio.scores
    assert artifacts.keywords == presidio.keywords


def test_lazy_artifacts_json_is_presidios(engine):
    artifacts = engine.process_text(TEXTS[0], "en")
    presidio = engine.__class__.__mro__[1]._doc_to_nlp_artifact(engine, artifacts.tokens, "en")
    import json
    assert json.loads(artifacts.to_json()) == json.loads(presidio.to_json())
