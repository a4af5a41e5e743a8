"""Two parts of one name the detectors found apart, across a particle between them.

"martin sprague de camp", "bill de blasio": the detectors often find the given name and
the surname but not the lowercase particle between them, which is then left in the
output, alone among placeholders; or they stop at the particle ("bill de" found,
"blasio" not). A person, a particle and a person, with only spaces between, are one
person; a person ending with a particle goes on over the word after it when that word
may be a name (:func:`.name_gaps.name_like`: "blasio", not "after").
"""
from __future__ import annotations

import dataclasses
import re
from typing import List, Sequence

from transforms.core.name_gaps import name_like
from transforms.core.recognizers.speech_cue_name import PARTICLES
from transforms.core.spans import Span

_GAP = re.compile(r"[ \t]+([^\W\d_]+)[ \t]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)\Z")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]{2,})")


def join_particles(text: str, spans: Sequence[Span]) -> List[Span]:
    """A PERSON span over each pair of PERSON spans that only a particle parts, and over
    each PERSON span ending with a particle and the word after it."""
    persons = sorted((s for s in spans if s.entity == "PERSON"), key=lambda s: s.start)
    joined = []
    for i, left in enumerate(persons):
        last = _LAST_WORD.search(text, left.start, left.end)
        if last and last.start() > left.start and last.group(1).lower() in PARTICLES:
            after = _NEXT_WORD.match(text, left.end)
            if after and name_like(after.group(1)):  # "<bill de> blasio"
                joined.append(dataclasses.replace(left, end=after.end()))
        for right in persons[i + 1:]:
            if right.start < left.end:
                continue
            gap = _GAP.fullmatch(text, left.end, right.start)
            if gap and gap.group(1).lower() in PARTICLES:
                joined.append(dataclasses.replace(left, end=right.end,
                                                  score=max(left.score, right.score)))
            break
    return joined
