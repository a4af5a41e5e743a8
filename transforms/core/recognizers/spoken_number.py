"""Digits read out by speech recognition ("four one five five five ...", "double two", "oh").

Serves every language although it reads English number words: callers in bilingual
contact centres (fr-CA) read digits out in English inside French calls, and "six" is
also French, so "zéro six six ..." is a French phone read out. Only runs with two or more
of these words count, so ordinary French text is untouched (no finding on the French
evaluation records). Restricting it to English would let those numbers through.
"""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import RecognizerResult

from transforms.core.number_words import spoken_runs
from transforms.core.recognizers.common import RuleRecognizer, luhn_ok, result
from transforms.core.recognizers.spoken_identifier import (SPOKEN_CUES, PolicyRules,
                                                           spoken_identifiers)

_SSN_CUE = re.compile(r"(?i)\b(?:" + SPOKEN_CUES["US_SSN"] + r"|security)\b")
_PHONE_CUE = re.compile(r"(?i)\b(?:phone|number|call|reach|mobile|cell|callback|fax|dial)\b")


class SpokenNumberRecognizer(PolicyRules, RuleRecognizer):
    """Runs of number words (with at least two words, not plain digits) of 7+ digits,
    classified as phone, SSN, card or number by length, checksum and the cue before; a
    run the spoken-identifier recognizer reads (after its cue, or as a custom rule's id
    with its prefix spelled) is left to it."""

    ENTITIES = ["PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "SPOKEN_NUMBER"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        cued = [(s, e) for s, e, entity, _ in spoken_identifiers(text, self.rules)
                if entity != "US_SSN"]  # the same scan as the spoken-identifier recognizer's
        for m, digits in spoken_runs(text):
            if any(s < m.end() and m.start() < e for s, e in cued):
                continue  # a passport or policy number said after its cue: that recognizer's
            kind = self._classify(digits, text[max(0, m.start() - 60):m.start()])
            if kind and kind in entities:
                results.append(result(self, kind, m.start(), m.end(), 0.7, digits))
        return results

    @staticmethod
    def _classify(digits: str, before: str) -> Optional[str]:
        n = len(digits)
        if n < 7:
            return None
        if n == 9 and _SSN_CUE.search(before):
            return "US_SSN"
        if 13 <= n <= 19 and luhn_ok(digits):
            return "CREDIT_CARD"
        if n in (10, 11) or _PHONE_CUE.search(before):
            return "PHONE_NUMBER"
        return "SPOKEN_NUMBER"
