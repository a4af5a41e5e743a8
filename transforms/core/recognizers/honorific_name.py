"""A name after an honorific, and the honorific and degree that go with it.

"mr good is a 16 year old man", "mx stone flew to ...": after "mr", "mrs", "ms" or "mx" the
next word names someone even when it is an ordinary word; listed names or rare words after
it join ("mr bryan webb"). A degree or suffix after a name is part of it ("robert torres
phd", "erika sutton md"). "miss" and "dr" (also a verb and a street) count only before a
listed name or a rare word. The honorific itself is trimmed off every PERSON span
(:func:`transforms.core.legal_words.trim_person`).
"""
from __future__ import annotations

from typing import List

from transforms.core.name_lexicon import name_or_rare
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, NOT_NAMES, RARE_WORD

HONORIFICS = {"mr", "mrs", "ms", "mx", "messrs", "mister", "missus"}
WEAK_HONORIFICS = {"miss", "dr", "doctor"}
SUFFIXES = {"md", "phd", "jr", "sr", "esq", "dds", "dvm", "ii", "iii"}


def _word(token) -> bool:
    """Any word but a stop word, a month or day, or another title ("mr good" is a name)."""
    return (token.is_alpha and len(token.text) >= 2 and not token.is_stop
            and token.lower_ not in NOT_NAMES
            and token.lower_ not in HONORIFICS | WEAK_HONORIFICS | SUFFIXES)


def _named(token) -> bool:
    """A listed name that is mostly a name, or a word English text seldom uses."""
    if not _word(token) or token.lower_ in NOT_A_NAME:
        return False
    return name_or_rare(token.lower_, AMBIGUOUS, RARE_WORD)


class HonorificNameRecognizer(PersonDocRecognizer):
    """The word(s) after "mr"/"mrs"/"ms"/"mx" with the honorific; a name before "phd"."""

    MIN_TOKENS = 2

    def spans(self, doc, text: str) -> List[tuple]:
        found = []
        for i, token in enumerate(doc[:-1]):
            low = token.lower_.rstrip(".")
            nxt = doc[i + 1] if doc[i + 1].text != "." else (doc[i + 2] if i + 2 < len(doc)
                                                            else doc[i + 1])
            if (low in HONORIFICS and _word(nxt)) or (low in WEAK_HONORIFICS and _named(nxt)):
                end = nxt.i + 1
                while end < len(doc) and end - nxt.i < 3 and _named(doc[end]):
                    end += 1
                found.append((token.idx, doc[end - 1].idx + len(doc[end - 1].text)))
            elif doc[i + 1].lower_.rstrip(".") in SUFFIXES and _named(token):
                found.append((token.idx, doc[i + 1].idx + len(doc[i + 1].text)))
        return found
