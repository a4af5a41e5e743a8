"""Names spelled out letter by letter in speech ("r o s e m a r y", "M AR TI n Bo y l e",
"kilo alpha tango echo").

A run of four or more spelling tokens (:mod:`.spelling`), three or more of them single
letters, NATO words or letter names, and no digit, is a spelled name: callers spell their
names, rarely anything else made only of letters (but "wo n t", "x o x"). English: NATO words and letter names
are English.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.spelling import spelled_runs

MIN_TOKENS, MIN_SINGLES = 4, 3
# "won't", "can't" with the apostrophe dropped and split ("i wo n t", "i ca n t"), and
# hugs and kisses ("x o x"): letters in a row that spell no name.
_CONTRACTION = re.compile(r"(?i)\b(?:wo|ca|do|does|did|is|are|was|were|has|have|had|could|"
                          r"would|should|must|need|ai|might|sha)\s+n\s+t\b")


def _spells_a_name(text: str, run) -> bool:
    if run.singles < MIN_SINGLES or not run.reading.isalpha():
        return False
    if set(run.reading) <= {"X", "O"} or set(
            p[2] for p in run.parts if len(p[2]) == 1) <= {"X", "O"}:
        return False
    return not _CONTRACTION.search(text, run.start, run.end)


class SpelledNameRecognizer(RuleRecognizer):
    """Letters in a row, spelled out."""

    ENTITIES = ["PERSON"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        return [result(self, "PERSON", run.start, run.end, 0.55)
                for run in spelled_runs(text, MIN_TOKENS) if _spells_a_name(text, run)]
