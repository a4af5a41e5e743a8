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

from transforms.core.recognizers.common import (NUM_RUN, NUMBER_WORDS, RuleRecognizer, luhn_ok,
                                                result, spoken_digits)
from transforms.core.recognizers.spoken_identifier import spoken_identifiers

_SSN_CUE = re.compile(r"(?i)\b(?:ssn|social|security)\b")
_PHONE_CUE = re.compile(r"(?i)\b(?:phone|number|call|reach|mobile|cell|callback|fax|dial)\b")


class SpokenNumberRecognizer(RuleRecognizer):
    """Runs of number words (with at least two words, not plain digits) of 7+ digits,
    classified as phone, SSN, card or number by length, checksum and the cue before; a
    run the spoken-identifier recognizer reads after its cue is left to it."""

    ENTITIES = ["PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "SPOKEN_NUMBER"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        cued = [(s, e) for s, e, entity, _ in spoken_identifiers(text) if entity != "US_SSN"]
        for m in NUM_RUN.finditer(text):
            words = re.findall(r"[a-z]+", m.group(0).lower())
            if sum(w in NUMBER_WORDS for w in words) < 2:
                continue
            if any(s < m.end() and m.start() < e for s, e in cued):
                continue  # a passport or policy number said after its cue: that recognizer's
            digits = spoken_digits(m.group(0))
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
