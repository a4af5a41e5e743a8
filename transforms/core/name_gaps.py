"""A few rare words between two names found in one line: the names between them.

Lists of people in news and credits ("the cast includes radhika apte girish kulkarni
neeraj kabi ...", "Kate Henshaw, Omoni Oboli, Dele Momodu") are found in part: the
detectors find some names and miss the ones between. Up to four words (commas allowed)
between two PERSON spans on one line, each unlisted and rare in English (Zipf below 3)
or a listed name seldom used as a word, are one more person. A common word between
two names ("and", "met", "beat", "sound") or a function word of a language tweets mix
with English (Tagalog "kung", "lagi") leaves the gap alone, and so does a lowercase word
between two capitalised names (a typo, "Maria, recieved thnks John"). English text only: the
redactor fills no gap in another language, whose every word is rare in English.
"""
from __future__ import annotations

import re
from typing import List, Sequence

from transforms.core.name_lexicon import name_or_rare
from transforms.core.ner_persons import foreign_function_word
from transforms.core.recognizers.common import NOT_A_NAME
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, NOT_NAMES
from transforms.core.spans import Span

RARE = 3.0  # Zipf below which an unlisted word between two names is a name
MAX_WORDS = 4
_GAP = re.compile(r"(?:[ \t]*,?[ \t]+[^\W\d_]{2,}){1,%d}[ \t]*,?[ \t]*" % MAX_WORDS)
_WORD = re.compile(r"[^\W\d_]+")


def name_like(word: str) -> bool:
    """A word that may be part of a name between or beside names found."""
    lower = word.lower()
    if lower in NOT_A_NAME or lower in NOT_NAMES or foreign_function_word(lower):
        return False
    return name_or_rare(lower, AMBIGUOUS, RARE)


def fill_gaps(text: str, spans: Sequence[Span]) -> List[Span]:
    """A PERSON span over each run of rare words between two PERSON spans of a line."""
    persons = sorted((s for s in spans if s.entity == "PERSON"), key=lambda s: s.start)
    found = []
    for i, left in enumerate(persons):
        right = next((s for s in persons[i + 1:] if s.start >= left.end), None)
        if right is None or right.start == left.end:
            continue
        words = list(_WORD.finditer(text, left.end, right.start))
        cased = text[left.start].isupper() and text[right.start].isupper()
        if _GAP.fullmatch(text, left.end, right.start) and all(
                name_like(w.group(0)) and (w.group(0)[0].isupper() or not cased)
                for w in words):
            found.append(Span(words[0].start(), words[-1].end(), "PERSON",
                              min(left.score, right.score), recognizer=left.recognizer))
    return found
