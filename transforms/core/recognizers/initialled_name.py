"""Names with a middle initial in caseless (speech-style) English text.

"tiia a holappa lives at", "renze s akkermans as guardian", "eufrosina c padovesi": speech
transcripts drop the initial's full stop, and the NER then stops at the letter. A given name
(listed and mostly a name, or a word English text seldom uses), one letter, and a surname
(listed and mostly a name, or rare) are one name. "kwabena s account", "voulet a
provocative letter" and "stoners v george" stay: the word after the letter is no name, or
the letter is a word ("v", "w", "u").
"""
from __future__ import annotations

import unicodedata
from typing import List

from transforms.core.name_lexicon import name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, NOT_NAMES, cased_by_line
from transforms.core.recognizers.written_words import foreign_by_function_words

UNHEARD = 2.5  # Zipf below which an unlisted word may be a name
MAX_LETTERS = 12  # a longer unlisted word is rather a handle or a hashtag
NOT_INITIALS = {"u", "v", "w", "n", "x", "i"}  # "you", "versus", "with", "and", "times", "I"


def _named(token, given: bool) -> bool:
    """A listed name that is mostly a name (a given name before the letter, a surname after
    it, seldom used as words), or a short word English text hardly uses ("holappa"; not
    the handle "thephoenixhour")."""
    if not token.is_alpha or len(token.text) < 2 or token.is_stop \
            or token.lower_ in NOT_A_NAME or token.lower_ in NOT_NAMES:
        return False
    word = name_word(token.lower_)
    if word is None:  # rare in English, in Latin letters (other scripts are all "rare")
        return (zipf(token.lower_) < UNHEARD and len(token.text) <= MAX_LETTERS
                and all("LATIN" in unicodedata.name(c, "") for c in token.text))
    return word.mostly_name or ((word.first if given else word.last)
                                 and word.wordness < AMBIGUOUS)


class InitialledNameRecognizer(PersonDocRecognizer):
    """Given name, one letter, surname: "tiia a holappa"."""

    MIN_TOKENS = 3

    def spans(self, doc, text: str) -> List[tuple]:
        cased, foreign = cased_by_line(doc), foreign_by_function_words(doc)
        found = []
        for i in range(len(doc) - 2):
            first, letter, last = doc[i], doc[i + 1], doc[i + 2]
            if cased[i] or foreign[i] or not (letter.is_alpha and len(letter.text) == 1) \
                    or letter.lower_ in NOT_INITIALS:
                continue
            if _named(first, True) and _named(last, False):
                found.append((first.idx, last.idx + len(last.text)))
        return found
