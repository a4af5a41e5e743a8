"""Names spelled out letter by letter in speech ("r o s e m a r y", "M AR TI n Bo y l e",
"kilo alpha tango echo").

A run of four or more spelling tokens (:mod:`.spelling`), three or more of them single
letters, NATO words or letter names, and no digit, is a spelled name: callers spell their
names, rarely anything else made only of letters. English: NATO words and letter names
are English.
"""
from __future__ import annotations

from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.spelling import spelled_runs

MIN_TOKENS, MIN_SINGLES = 4, 3


class SpelledNameRecognizer(RuleRecognizer):
    """Letters in a row, spelled out."""

    ENTITIES = ["PERSON"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        return [result(self, "PERSON", run.start, run.end, 0.55)
                for run in spelled_runs(text, MIN_TOKENS)
                if run.singles >= MIN_SINGLES and run.reading.isalpha()]
