"""Names spelled out letter by letter in French speech ("k o w a l c z y k", "ça s'écrit
b e r t r a n d bertrand").

The runs are those of :mod:`.spelling`; as in :mod:`.spelled_name`, four or more tokens,
three or more single letters and no digit spell a name, unless the letters spell a common
French word no census list holds, or are the spoken "y a t il" ("y a-t-il"). The word just
before or after the run that the letters spell is the name said whole, and is taken along.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from transforms.core.name_lexicon import name_word
from transforms.core.recognizers.common import SpanFinderRecognizer
from transforms.core.recognizers.spelling import spelled_runs

MIN_TOKENS, MIN_SINGLES = 4, 3
WORD = 4.0  # French Zipf from which letters spelling an unlisted word spell that word
_INVERSION = re.compile(r"(?i)(?<!\w)[a-z]\s+t\s+(?:il|elle|on|ils|elles)(?!\w)")
_WORD = re.compile(r"[^\W\d_]+")


def _french_word(word: str) -> bool:
    from wordfreq import zipf_frequency
    return name_word(word) is None and zipf_frequency(word, "fr") >= WORD


def _spells_a_name(text: str, run) -> bool:
    if run.singles < MIN_SINGLES or not run.reading.isalpha():
        return False
    if set(run.reading) <= {"X", "O"} or _french_word(run.reading.lower()):
        return False
    return not _INVERSION.search(text, run.start, run.end)


def _with_the_word_said(text: str, run) -> Tuple[int, int]:
    """The run, and the word next to it that it spells ("bertrand b e r t r a n d")."""
    start, end = run.start, run.end
    reading = run.reading.lower()
    after = re.compile(r"[ \t,]+(" + _WORD.pattern + ")").match(text, end)
    if after and after.group(1).lower() == reading:
        end = after.end()
    before = re.search(r"(" + _WORD.pattern + r")[ \t,]+$", text[max(0, start - 60):start])
    if before and before.group(1).lower() == reading:
        start = start - len(before.group(0))
    return start, end


class FrenchSpelledNameRecognizer(SpanFinderRecognizer):
    """Letters in a row, spelled out in French speech."""

    SCORE = 0.55

    @staticmethod
    def find(text: str) -> List[Tuple[int, int]]:
        return [_with_the_word_said(text, run)
                for run in spelled_runs(text, MIN_TOKENS) if _spells_a_name(text, run)]
