"""Presidio's lemma context enhancer, finding a result's token by bisection and copying
the results it changes without ``copy.deepcopy``.

Presidio walks the text's tokens from the first for every result it enhances (a Python
loop over the spaCy Doc); here the tokens' end offsets are listed once per text and the
token is found by bisection: the same token, so the same context words and scores
(tests/transforms/core/test_context_enhancer.py). Presidio deep-copies the results before
raising their scores (most of its time); a result's attributes, its explanation's and its
metadata's values are plain values, so copying those three objects is the same copy.
:class:`GroupingAnalyzerEngine` sorts the results by recognizer once before that step.
"""
from __future__ import annotations

import bisect
import enum
from functools import cached_property

from presidio_analyzer import (AnalysisExplanation, AnalyzerEngine, EntityRecognizer,
                               RecognizerResult)
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts


_PLAIN = (str, int, float, bool, type(None))


class _Copied(list):
    """Results already copied: Presidio's ``copy.deepcopy`` of them returns them."""

    def __deepcopy__(self, memo):
        return self


def _plain(values) -> bool:
    """Values a deep copy returns as they are (an enum member: a pattern's regex flags)."""
    return all(type(v) in _PLAIN or (isinstance(v, enum.Enum)
                                     and type(v).__deepcopy__ is enum.Enum.__deepcopy__)
               for v in values)


def _clone(obj):
    """A new object of the same class with the same attributes (what copy.copy makes of
    these, without its reduce protocol)."""
    clone = object.__new__(type(obj))
    clone.__dict__.update(vars(obj))
    return clone


def copied(results):
    """What ``copy.deepcopy(results)`` returns, or None when a result holds anything but
    plain values (Presidio's deep copy is then used). An object two results share stays
    shared, as in a deep copy."""
    memo, out = {}, []
    for result in results:
        if id(result) not in memo:
            if type(result) is not RecognizerResult:
                return None
            explanation, metadata = result.analysis_explanation, result.recognition_metadata
            if not (_plain(v for k, v in vars(result).items()
                           if k not in ("analysis_explanation", "recognition_metadata"))
                    and (explanation is None or (type(explanation) is AnalysisExplanation
                                                 and _plain(vars(explanation).values())))
                    and (metadata is None or (type(metadata) is dict
                                              and _plain(metadata.values())))):
                return None
            clone = _clone(result)
            if explanation is not None:
                if id(explanation) not in memo:
                    memo[id(explanation)] = _clone(explanation)
                clone.analysis_explanation = memo[id(explanation)]
            if metadata is not None:
                if id(metadata) not in memo:
                    memo[id(metadata)] = dict(metadata)
                clone.recognition_metadata = memo[id(metadata)]
            memo[id(result)] = clone
        out.append(memo[id(result)])
    return out


class Keywords(list):
    """The text's context keywords, in Presidio's order, with ``in`` answered by a set:
    Presidio's context step asks whether each lemma near a result is a keyword, a scan of
    the whole list each time (quadratic in the text's length). Same answers: the
    keywords are strings."""

    def __init__(self, words):
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._set


class LazyKeywordArtifacts(NlpArtifacts):
    """Presidio's :class:`NlpArtifacts` whose ``keywords`` (lemmas that are no stop word or
    punctuation, looked up in the vocabulary one by one) are made when first read, as
    Presidio makes them: only the context step reads them, and only for a text with a
    result of a recognizer with context words."""

    def __init__(self, entities, tokens, tokens_indices, lemmas, nlp_engine, language,
                 scores=None):
        self.entities = entities
        self.tokens = tokens
        self.lemmas = lemmas
        self.tokens_indices = tokens_indices
        self.nlp_engine = nlp_engine
        self.scores = scores if scores else [0.85] * len(entities)
        self._language = language

    @cached_property
    def keywords(self):
        return Keywords(self.set_keywords(self.nlp_engine, self.lemmas, self._language))

    def to_json(self) -> str:
        """Presidio's (the keywords made first; the language is no attribute there)."""
        self.keywords  # noqa: B018 (made and kept in __dict__, as Presidio's are)
        language = self.__dict__.pop("_language")
        try:
            return super().to_json()
        finally:
            self._language = language


class BisectingLemmaEnhancer(LemmaContextAwareEnhancer):
    """:class:`LemmaContextAwareEnhancer` with its defaults; only the token search and the
    copy of the results differ."""

    _last = (None, None)  # (the tokens, their end offsets): one tuple, read and set whole

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers,
                              context=None):
        """Presidio's, on results copied here (its deep copy of them is then a no-op)."""
        if not raw_results and nlp_artifacts is not None:
            return []  # what Presidio's returns for no results
        results = copied(raw_results)
        if results is None:
            return super().enhance_using_context(text, raw_results, nlp_artifacts,
                                                 recognizers, context)
        return list(super().enhance_using_context(text, _Copied(results), nlp_artifacts,
                                                  recognizers, context))

    def forget_last(self) -> None:
        """Drop the kept tokens (raw words): called when a batch is done."""
        self._last = (None, None)

    def _find_index_of_match_token(self, word, start, tokens, tokens_indices) -> int:
        """The first token ending after ``start`` (Presidio: starting at it or covering it)."""
        last_tokens, ends = self._last
        if last_tokens is not tokens:
            ends = [index + len(token) for index, token in zip(tokens_indices, tokens)]
            if any(index >= end for index, end in zip(tokens_indices, ends)) or any(
                    a >= b for a, b in zip(ends, ends[1:])):  # not a spaCy tokenisation
                return LemmaContextAwareEnhancer._find_index_of_match_token(
                    word, start, tokens, tokens_indices)
            self._last = (tokens, ends)
        i = bisect.bisect_right(ends, start)
        if i == len(ends):
            raise ValueError("Did not find the match's token in the text's tokens")
        return i


_OWN: dict = {}  # recognizer class -> whether it has its own enhance_using_context


def _own_enhancement(recognizer) -> bool:
    kind = type(recognizer)
    own = _OWN.get(kind)
    if own is None:
        own = _OWN[kind] = (kind.enhance_using_context
                            is not EntityRecognizer.enhance_using_context)
    return own


class GroupingAnalyzerEngine(AnalyzerEngine):
    """Presidio's ``AnalyzerEngine`` whose recognizer-level context step sorts the results
    by recognizer once: Presidio splits the whole result list again for each of the (about
    60) recognizers, though only one with its own ``enhance_using_context`` can change
    anything (none does today; EntityRecognizer's returns its results as they are). Such
    a recognizer still gets Presidio's call; the order of the results is Presidio's."""

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers,
                               context=None):
        if not raw_results and not any(_own_enhancement(r) for r in recognizers):
            # nothing found, nothing to order: straight to the lemma step
            return self.context_aware_enhancer.enhance_using_context(
                text=text, raw_results=[], nlp_artifacts=nlp_artifacts,
                recognizers=recognizers, context=context)
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        by_recognizer = {}
        for r in raw_results:
            by_recognizer.setdefault(r.recognition_metadata[key], []).append(r)
        results = []
        for recognizer in recognizers:
            own = by_recognizer.get(recognizer.id, [])
            if _own_enhancement(recognizer):
                own = recognizer.enhance_using_context(
                    text=text, raw_recognizer_results=list(own),
                    other_raw_recognizer_results=[
                        r for r in raw_results if r.recognition_metadata[key] != recognizer.id],
                    nlp_artifacts=nlp_artifacts, context=context)
            results.extend(own)
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=results, nlp_artifacts=nlp_artifacts,
            recognizers=recognizers, context=context)
