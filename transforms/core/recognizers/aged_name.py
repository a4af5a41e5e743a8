"""A name given with its age, in caseless (speech-style) news.

News gives a person's age beside the name ("Jutting, now 31, is on trial", "Ms Lee, aged
42, said"); read aloud or lowercased, the commas go: "jutting now 31 is on trial". A word
right before "now" / "aged" and an age (a number from 1 to 120) is a person when it
may be a name: a listed name seldom an ordinary word, or an unlisted word English text
seldom uses; a given name or another such word before it joins ("sean jutting now 31").
Not a thing's ("the firmware now 3", "my modem aged 3": a determiner or possessive before
it) nor a count ("postcode now 2 days ago", "latency now 40 percent": a plural noun or a
percentage after the number; "now 45 years old" is an age).
Written text, where capitals carry meaning, is left to spaCy.
"""
from __future__ import annotations

from typing import List, Tuple

from transforms.core.name_lexicon import name_or_rare
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer
from transforms.core.recognizers.gazetteer_name import (CAPITALISED, NOT_NAMES, RARE_WORD,
                                                        cased_by_line)

AGE_CUES = {"now", "aged"}
OLDEST = 120
_OWNED = {"DT", "PRP$", "WP$"}  # "the firmware", "my modem": a thing
_PER = {"percent", "per", "%", "pc"}
_YEARS = {"years", "yrs"}


def _may_name(token) -> bool:
    return (token.is_alpha and len(token.text) >= 3 and not token.is_stop
            and token.lower_ not in NOT_A_NAME and token.lower_ not in NOT_NAMES
            and token.lower_ not in AGE_CUES
            and name_or_rare(token.lower_, CAPITALISED, RARE_WORD))


def _age(doc, j: int) -> bool:
    """``doc[j]`` is a number from 1 to 120 that counts no things after it."""
    token = doc[j]
    if not (token.text.isdecimal() and 1 <= int(token.text) <= OLDEST):
        return False
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is None or nxt.tag_ != "NNS" and nxt.lower_ not in _PER:
        return True
    return nxt.lower_ in _YEARS and j + 2 < len(doc) and doc[j + 2].lower_ == "old"


class AgedNameRecognizer(PersonDocRecognizer):
    """The name before "now 31" / "aged 42" in a caseless line."""

    MIN_TOKENS = 3

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        cased = cased_by_line(doc)
        found = []
        for i in range(len(doc) - 2):
            if cased[i] or doc[i + 1].lower_ not in AGE_CUES or not _age(doc, i + 2) \
                    or not _may_name(doc[i]):
                continue
            start = i - 1 if i > 0 and not cased[i - 1] and _may_name(doc[i - 1]) else i
            if start > 0 and doc[start - 1].tag_ in _OWNED:
                continue
            found.append((doc[start].idx, doc[i].idx + len(doc[i].text)))
        return found
