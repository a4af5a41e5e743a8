"""The bisecting enhancer picks the token Presidio's enhancer picks, so scores agree; its
copy of the results is what a deep copy makes."""
import copy

import pytest
from presidio_analyzer import (AnalysisExplanation, AnalyzerEngine, Pattern, PatternRecognizer,
                               RecognizerResult)
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from tests.synthetic import make_corpus
from transforms.core.context_enhancer import BisectingLemmaEnhancer, copied

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


def _raw_results(analyzer, policy, text, recognizers):
    art = _artifacts(analyzer, text)
    raw = []
    for rec in recognizers:
        for r in rec.analyze(text, policy.entities, art):
            r.recognition_metadata = {**(r.recognition_metadata or {}),
                                      "recognizer_identifier": rec.id}
            raw.append(r)
    return art, raw


def _state(results):
    return [(vars(r) | {"analysis_explanation": r.analysis_explanation
                        and vars(r.analysis_explanation)}) for r in results]


def test_enhanced_scores_are_presidios_on_synthetic_conversations(analyzer, policy):
    texts = [r["transcript_text"] for r in make_corpus(n=20, n_customers=5).records] + TEXTS
    recognizers = analyzer.registry.get_recognizers(language="en", all_fields=True)
    boosted = 0
    for text in texts:
        art, raw = _raw_results(analyzer, policy, text, recognizers)
        got = BisectingLemmaEnhancer().enhance_using_context(
            text, copy.deepcopy(raw), art, recognizers)
        expected = LemmaContextAwareEnhancer().enhance_using_context(
            text, copy.deepcopy(raw), art, recognizers)
        assert [(r.start, r.end, r.entity_type, r.score) for r in got] == \
            [(r.start, r.end, r.entity_type, r.score) for r in expected]
        boosted += sum(a.score != b.score for a, b in zip(expected, raw))
    assert boosted, "no score was raised by context: the comparison proves nothing"


def test_results_are_copied_as_a_deep_copy_copies_them_and_the_originals_stay_unchanged(
        analyzer, policy):
    texts = [r["transcript_text"] for r in make_corpus(n=10, n_customers=3).records] + TEXTS
    recognizers = analyzer.registry.get_recognizers(language="en", all_fields=True)
    boosted = 0
    for text in texts:
        art, raw = _raw_results(analyzer, policy, text, recognizers)
        before = _state(raw)
        copies = copied(raw)
        assert _state(copies) == _state(copy.deepcopy(raw))
        assert not {id(o) for r in raw for o in (r, r.analysis_explanation,
                                                  r.recognition_metadata) if o is not None} & {
            id(o) for r in copies for o in (r, r.analysis_explanation, r.recognition_metadata)}
        got = BisectingLemmaEnhancer().enhance_using_context(text, raw, art, recognizers)
        assert _state(raw) == before  # the scores raised are the copies'
        boosted += sum(a.score != b.score for a, b in zip(got, raw))
    assert boosted, "no score was raised by context: the test proves nothing"


def test_an_explanation_two_results_share_stays_shared_in_the_copy():
    explanation = AnalysisExplanation("R", 0.5)
    raw = [RecognizerResult("PHONE_NUMBER", 0, 4, 0.5, explanation),
           RecognizerResult("PHONE_NUMBER", 6, 9, 0.5, explanation)]
    deep, ours = copy.deepcopy(raw), copied(raw)
    assert (deep[0].analysis_explanation is deep[1].analysis_explanation) and (
        ours[0].analysis_explanation is ours[1].analysis_explanation)
    assert ours[0].analysis_explanation is not explanation


def test_a_result_holding_a_mutable_value_is_left_to_presidios_deep_copy(analyzer):
    text = "my phone number is 212-555-0147"
    art = _artifacts(analyzer, text)
    recognizers = analyzer.registry.get_recognizers(language="en", all_fields=True)
    phone = next(r for r in recognizers if type(r).__name__ == "PhoneRecognizer")
    (result,) = phone.analyze(text, ["PHONE_NUMBER"], art)
    result.recognition_metadata["seen"] = ["a list"]
    assert copied([result]) is None
    (got,) = BisectingLemmaEnhancer().enhance_using_context(text, [result], art, recognizers)
    assert got.score > result.score == phone.SCORE  # raised on Presidio's copy
    assert got.recognition_metadata["seen"] is not result.recognition_metadata["seen"]


class _OwnContextRecognizer(PatternRecognizer):
    """A recognizer with its own context step: halves its scores when another result is
    found in the text."""

    def enhance_using_context(self, text, raw_recognizer_results,
                              other_raw_recognizer_results, nlp_artifacts, context=None):
        for r in raw_recognizer_results:
            r.score /= 2 if other_raw_recognizer_results else 1
        return raw_recognizer_results


def test_results_sorted_by_recognizer_once_are_enhanced_as_presidio_enhances_them(
        analyzer, policy):
    own = _OwnContextRecognizer(supported_entity="TICKET", name="ticket",
                                patterns=[Pattern("ticket", r"\bT-\d{4}\b", 0.5)])
    texts = [r["transcript_text"] for r in make_corpus(n=20, n_customers=5).records] + [
        t + " ticket T-1234" for t in TEXTS]
    recognizers = analyzer.registry.get_recognizers(language="en", all_fields=True) + [own]
    halved = 0
    for text in texts:
        art, raw = _raw_results(analyzer, policy, text, recognizers)
        raw.append(RecognizerResult("PERSON", 0, 1, 0.3, recognition_metadata={
            "recognizer_identifier": "a recognizer not asked"}))  # dropped by both
        got = analyzer._enhance_using_context(text, copy.deepcopy(raw), art, recognizers)
        expected = AnalyzerEngine._enhance_using_context(
            analyzer, text, copy.deepcopy(raw), art, recognizers)
        assert _state(got) == _state(expected)
        halved += sum(r.score == 0.25 for r in got)
    assert halved, "the recognizer with its own context step was never asked"


def test_a_text_without_results_gets_none_back_as_from_presidios_enhancer(analyzer):
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from transforms.core.context_enhancer import BisectingLemmaEnhancer

    text = "please allow three business days"
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    recognizers = analyzer.registry.get_recognizers("en", all_fields=True)
    for enhancer in (BisectingLemmaEnhancer(), LemmaContextAwareEnhancer()):
        assert enhancer.enhance_using_context(text, [], artifacts, recognizers) == []
    assert analyzer._enhance_using_context(text, [], artifacts, recognizers) == []
