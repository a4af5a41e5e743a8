"""The bisecting enhancer picks the token Presidio's enhancer picks, so scores agree."""
import copy

import pytest
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from tests.synthetic import make_corpus
from transforms.core.context_enhancer import BisectingLemmaEnhancer

TEXTS = ["my phone number is 212-555-0147, call me", "  ssn:078-05-1120\n\nthanks  ",
         "card4111111111111111 ok", "x", "email me at a@b.co or on my cell +44 20 7946 0958"]


def _artifacts(analyzer, text):
    return analyzer.nlp_engine.process_text(text, "en")


def test_every_offset_finds_the_token_presidio_finds(analyzer):
    ours, presidio = BisectingLemmaEnhancer(), LemmaContextAwareEnhancer()
    for text in TEXTS:
        art = _artifacts(analyzer, text)
        for start in range(len(text) + 2):
            try:
                expected = presidio._find_index_of_match_token(
                    "w", start, art.tokens, art.tokens_indices)
            except ValueError:
                with pytest.raises(ValueError):
                    ours._find_index_of_match_token("w", start, art.tokens, art.tokens_indices)
                continue
            assert ours._find_index_of_match_token(
                "w", start, art.tokens, art.tokens_indices) == expected, (text, start)


def test_enhanced_scores_are_presidios_on_synthetic_conversations(analyzer, policy):
    texts = [r["transcript_text"] for r in make_corpus(n=20, n_customers=5).records] + TEXTS
    recognizers = analyzer.registry.get_recognizers(language="en", all_fields=True)
    boosted = 0
    for text in texts:
        art = _artifacts(analyzer, text)
        raw = []
        for rec in recognizers:
            for r in rec.analyze(text, policy.entities, art):
                r.recognition_metadata = {**(r.recognition_metadata or {}),
                                          "recognizer_identifier": rec.id}
                raw.append(r)
        got = BisectingLemmaEnhancer().enhance_using_context(
            text, copy.deepcopy(raw), art, recognizers)
        expected = LemmaContextAwareEnhancer().enhance_using_context(
            text, copy.deepcopy(raw), art, recognizers)
        assert [(r.start, r.end, r.entity_type, r.score) for r in got] == \
            [(r.start, r.end, r.entity_type, r.score) for r in expected]
        boosted += sum(a.score != b.score for a, b in zip(expected, raw))
    assert boosted, "no score was raised by context: the comparison proves nothing"
