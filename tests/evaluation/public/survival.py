"""Which input words survive in the output, and what that says per entity.

Input and output are split into words (``\\w+``); placeholders (``<PERSON>``) and
pseudonyms are removed from the output first, so a substituted word counts as lost.
The two word sequences are aligned with difflib: a word survives when it is part of a
matching block, i.e. it is still there at a consistent position. Per labelled entity:
left whole (every word of two or more characters survives), left partly (some, not all),
caught (none); "half kept" counts entities with half or more of those words surviving
(the measure for street addresses). One-character words (initials, "a") are not counted
inside entities, except in an entity made only of them, three or more (a value spelled out:
"j e 0 x 5 s b", "t e n n a n t"), where they are the whole value.
Ordinary words are those outside every labelled entity and outside URLs (hushbeam strips
URL paths by design, and a URL is not a word anyone reads): kept or lost.
"""
from __future__ import annotations

import collections
import dataclasses
import difflib
import re
from typing import Dict, List, Sequence

from tests.evaluation.public.sentence import Entity
from transforms.core.pseudonym import PSEUDONYM_RE

_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*>")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
SPELLED = 3  # one-character words that make a spelled-out value


def _words(text: str) -> List[re.Match]:
    return list(_WORD.finditer(text))


def survivors(text_in: str, text_out: str) -> List[bool]:
    """For each word of ``text_in``: is it still in ``text_out``?"""
    cleaned = _PLACEHOLDER.sub(" ", PSEUDONYM_RE.sub(" ", text_out))
    src = [m.group(0).casefold() for m in _words(text_in)]
    dst = [m.group(0).casefold() for m in _words(cleaned)]
    kept = [False] * len(src)
    matcher = difflib.SequenceMatcher(a=src, b=dst, autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            kept[i] = True
    return kept


@dataclasses.dataclass
class Tally:
    """Counts for one corpus x variant x system."""
    entities: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    whole: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    partly: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    half: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    ordinary: int = 0
    ordinary_kept: int = 0
    records: int = 0
    written: int = 0

    def add(self, text_in: str, entities: Sequence[Entity], text_out) -> None:
        """One record; ``text_out`` None means the record was not written."""
        self.records += 1
        if text_out is None:
            return
        self.written += 1
        words = _words(text_in)
        kept = survivors(text_in, text_out)
        for e in entities:
            within = [(m, k) for m, k in zip(words, kept)
                      if m.start() < e.end and e.start < m.end()]
            inside = [k for m, k in within if len(m.group(0)) > 1]
            if not inside and len(within) >= SPELLED:
                inside = [k for _, k in within]  # spelled out: "j e 0 x 5 s b"
            if not inside:
                continue
            self.entities[e.type] += 1
            if all(inside):
                self.whole[e.type] += 1
            elif any(inside):
                self.partly[e.type] += 1
            self.half[e.type] += 2 * sum(inside) >= len(inside)
        urls = [u.span() for u in URL.finditer(text_in)]
        for m, k in zip(words, kept):
            if not any(e.start < m.end() and m.start() < e.end for e in entities) and \
                    not any(a <= m.start() < b for a, b in urls):
                self.ordinary += 1
                self.ordinary_kept += k

    def merge(self, other: "Tally") -> None:
        for name in ("entities", "whole", "partly", "half"):
            getattr(self, name).update(getattr(other, name))
        for name in ("ordinary", "ordinary_kept", "records", "written"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> Dict:
        def rate(n, d):
            return n / d if d else None
        return {
            "types": {t: {"entities": n, "left_whole": rate(self.whole[t], n),
                          "left_partly": rate(self.partly[t], n),
                          "left": rate(self.whole[t] + self.partly[t], n),
                          "half_kept": rate(self.half[t], n)}
                      for t, n in sorted(self.entities.items())},
            "ordinary_words": self.ordinary,
            "ordinary_kept": rate(self.ordinary_kept, self.ordinary),
            "records": self.records, "records_written": rate(self.written, self.records)}
