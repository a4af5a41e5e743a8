"""Full names of notable people in caseless (speech-style) text.

spaCy finds little in lowercase text, and the name lists judge one word at a time: "stevie
wonder" and "pete sampras" lose at most the word the lists know as a name. The labels of
the people in Wikidata with ten or more Wikipedia pages
(:func:`transforms.core.world_names.full_names`) are read as whole names: a run of two to
four words on a caseless line that equals a label is a person when the label reads as a
name rather than as an ordinary phrase:

- its first word is a given name the lists hold (census or world list, its wordness
  below :data:`GIVEN`: "pete", "will", "grant") or a word English seldom writes (Zipf <
  :data:`RARE`: "sadiq");
- and its last word is mostly a name (listed with wordness < :data:`SURNAME`: "sampras",
  "smith") or rare, or, after a given name that is mostly a name (wordness <
  :data:`CLEAR_GIVEN`: "stevie", not "will"), a word not among English's most common
  (Zipf < :data:`COMMON_LAST`: "wonder", not "love");
- none of its words is a month, weekday or "god" (:data:`NOT_NAMES`), and no determiner or
  possessive comes before it ("the grant hill": a hill).

"will power", "mark wood", "grant green", "the rock", "may day" stay words. Written text,
where capitals carry meaning, is left to spaCy and the other recognizers.
"""
from __future__ import annotations

from typing import List, Tuple

from transforms.core.name_lexicon import name_word, unaccented, zipf
from transforms.core.recognizers.common import PersonDocRecognizer, line_ranges
from transforms.core.recognizers.gazetteer_name import NOT_NAMES, cased_by_line
from transforms.core.world_names import full_names

GIVEN = 3.5  # wordness below which a listed given name may open a full name ("will")
OPENING = 4.0  # Zipf below which any other word may open one ("arif", "walt", "gig")
SURNAME = 1.0  # wordness below which a listed last word reads as a surname ("widmark")
RARE = 4.5  # Zipf below which an unlisted or ordinary last word reads as a name ("disney")
SELDOM_GIVEN = 4.6  # Zipf of a first word below which ...
COMMON_LAST = 5.5  # ... a last word below this Zipf is a name too ("stevie wonder", not "kevin love")
LONGEST = 4  # words in a label
_OWNED = {"DT", "PRP$", "WP$"}  # "the grant hill", "my will power"


def _opens(word: str) -> bool:
    """Whether ``word`` may be the first word of a person's name in running text."""
    entry = name_word(word)
    if entry is not None and (entry.first or not entry.census) and entry.wordness < GIVEN:
        return True
    return zipf(word) < OPENING


def reads_as_name(words: List[str]) -> bool:
    """Whether a notable person's label of ``words`` reads as a name, not a phrase."""
    first, last = words[0], words[-1]
    if len(first) < 2 or len(last) < 2 or any(w in NOT_NAMES for w in words) \
            or not _opens(first):
        return False
    entry = name_word(last)
    if entry is not None and entry.wordness < SURNAME:
        return True
    frequency = zipf(last)
    return frequency < RARE or (zipf(first) < SELDOM_GIVEN and frequency < COMMON_LAST)


class FamousFullNameRecognizer(PersonDocRecognizer):
    """A notable person's full name on a caseless line: "pete sampras", "stevie wonder"."""

    MIN_TOKENS = 2

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        labels, firsts = full_names()
        cased = cased_by_line(doc)
        found = []
        for a, b in line_ranges(doc):
            if b - a < 2 or cased[a]:
                continue
            lower = [t.lower_ for t in doc[a:b]]
            i = 0
            while i < len(lower) - 1:
                end = 0
                first = lower[i] if lower[i].isascii() else unaccented(lower[i])
                if first in firsts and (i == 0 or doc[a + i - 1].tag_ not in _OWNED):
                    for n in range(min(LONGEST, len(lower) - i), 1, -1):
                        label = " ".join(lower[i:i + n])
                        if not label.isascii():
                            label = unaccented(label)
                        words = label.split(" ")
                        if label in labels and reads_as_name(words):
                            end = i + n
                            break
                if end:
                    found.append((doc[a + i].idx, doc[a + end - 1].idx + len(doc[a + end - 1])))
                    i = end
                else:
                    i += 1
        return found
