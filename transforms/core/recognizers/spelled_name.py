"""Names spelled out letter by letter in speech ("r o s e m a r y", "M AR TI n Bo y l e",
"kilo alpha tango echo").

A run of four or more spelling tokens (:mod:`.spelling`), three or more of them single
letters, NATO words or letter names, and no digit, is a spelled name: callers spell their
names, rarely anything else made only of letters (but "wo n t", "x o x", and in chat an
English word spelled for emphasis: "a w e s o m e"). English: NATO words and letter names
are English.
"""
from __future__ import annotations

import re
from typing import List, Tuple


from transforms.core.name_lexicon import name_word, zipf
from transforms.core.recognizers.common import SpanFinderRecognizer
from transforms.core.recognizers.spelling import spelled_runs

WORD = 4.0  # Zipf from which letters spelling an unlisted word spell that word, not a name
# (Indian given names the census lacks reach 3.5 in English text: "vijay", "mali")

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
    if _english_word(run.reading.lower()):
        return False
    return not _CONTRACTION.search(text, run.start, run.end)


def _english_word(word: str) -> bool:
    """Letters spelling out an English word no census list holds ("a w e s o m e",
    "i n d e p e n d e n t"): emphasis in chat, not a name. A listed name ("r o s e",
    "b o y l e") stays a name, and so do words run together: a given name and a surname
    spelled in one breath read as such ("a l e x p r e s t o n")."""
    return name_word(word) is None and zipf(word) >= WORD


class SpelledNameRecognizer(SpanFinderRecognizer):
    """Letters in a row, spelled out."""

    SCORE = 0.55

    @staticmethod
    def find(text: str) -> List[Tuple[int, int]]:
        return [(run.start, run.end)
                for run in spelled_runs(text, MIN_TOKENS) if _spells_a_name(text, run)]
