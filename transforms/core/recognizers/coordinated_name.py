"""Surnames joined by "and" or "or" in caseless (speech-style) English text.

"the founders ramos bell and brown", "stephenson murray and brown": commas are lost in
speech, and a common-word surname ("brown", "bell", "price") is a name only beside other
names. A list is the listed names or rare words on each side of "and"/"or"; it is a list of
people when one of its words is mostly a name in the census lists ("ramos",
"stephenson"), or a seldom word (Zipf below :data:`SELDOM`) that no list holds and that
ends the names of two notable people or more ("between mitterrand and owen"; not
"protease and lipase", nor "goth and electronica" of one "jay electronica"), and the word after the conjunction is a listed name seldom used as a word or a
word English text hardly uses. "rice and beans", "brown and white" stay.
"""
from __future__ import annotations

from typing import List

from transforms.core.name_lexicon import name_or_rare, name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, NOT_NAMES, cased_by_line
from transforms.core.world_names import label_surnames

UNHEARD = 2.5  # Zipf below which an unlisted word may be a name in a list
SELDOM = 3.0  # below: an unlisted notable people's surname marks a list of people
BEARERS = 2  # notable people bearing it, at least (one "jay electronica" is no surname)
_JOINS = {"and", "or", "&"}
_LEFT, _RIGHT = 3, 2  # words of a list before and after the conjunction


def _item(token) -> bool:
    """A word that may be a name in a list: a listed name seldom used as a word (not
    "starring john goodman and jeff bridges"), or a rare word."""
    if not token.is_alpha or len(token.text) < 2 or token.is_stop \
            or token.lower_ in NOT_A_NAME or token.lower_ in NOT_NAMES:
        return False
    return name_or_rare(token.lower_, AMBIGUOUS, UNHEARD) or _notable(token)


def _notable(token) -> bool:
    """An unlisted seldom word that ends notable people's names ("sassoon", "chirac")."""
    return name_word(token.lower_) is None and zipf(token.lower_) < SELDOM \
        and label_surnames().get(token.lower_, 0) >= BEARERS


def _strong(token) -> bool:
    word = name_word(token.lower_)
    return _notable(token) if word is None else word.mostly_name


class CoordinatedNameRecognizer(PersonDocRecognizer):
    """Names in a list joined by "and"/"or" where one of them is clearly a name."""

    MIN_TOKENS = 3

    def spans(self, doc, text: str) -> List[tuple]:
        cased = cased_by_line(doc)
        found = set()
        for k, token in enumerate(doc):
            if token.lower_ not in _JOINS or cased[k] or k + 1 >= len(doc) \
                    or not _item(doc[k + 1]):
                continue
            a = k
            while a > 0 and k - a < _LEFT and not cased[a - 1] and _item(doc[a - 1]):
                a -= 1
            b = k + 1
            while b < len(doc) and b - k <= _RIGHT and not cased[b] and _item(doc[b]):
                b += 1
            items = list(doc[a:k]) + list(doc[k + 1:b])
            if a == k or not any(_strong(t) for t in items):
                continue
            found.add((doc[a].idx, doc[k - 1].idx + len(doc[k - 1].text)))
            found.add((doc[k + 1].idx, doc[b - 1].idx + len(doc[b - 1].text)))
        return sorted(found)
