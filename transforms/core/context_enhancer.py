"""Presidio's lemma context enhancer, finding a result's token by bisection.

Presidio walks the text's tokens from the first for every result it enhances (a Python
loop over the spaCy Doc); here the tokens' end offsets are listed once per text and the
token is found by bisection: the same token, so the same context words and scores
(tests/transforms/core/test_context_enhancer.py).
"""
from __future__ import annotations

import bisect

from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer


class BisectingLemmaEnhancer(LemmaContextAwareEnhancer):
    """:class:`LemmaContextAwareEnhancer` with its defaults; only the token search differs."""

    _last = (None, None)  # (the tokens, their end offsets): one tuple, read and set whole

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
