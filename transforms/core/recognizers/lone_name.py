"""A turn that is only a name: "Tyree Orner", "Gizzi", "hogan", the customer's answer to
"what name is the booking under?".

A line (after an optional speaker label, "customer:") of one to three words, punctuation
only at its end, is a person when every word may be a name and one is clearly one:

- may be a name: a census given name or surname not too common as a word ("Ai", "swing"
  beside a clear name; wordness below :data:`~.gazetteer_name.NEXT_TO_NAME`), or a word
  English text almost never uses;
- clearly a name: mostly a name in the census lists ("desimone", "hogan"), or a word
  English text almost never uses (Zipf < 2.5: "natonya", "gizzi"), with a vowel and no
  letter three times in a row.

"Sure", "yes please", "Tuesday" or "angle flash" (two common words) stay.
"""
from __future__ import annotations

from typing import List

from transforms.core.name_lexicon import lexicon, name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer, line_ranges
from transforms.core.recognizers.gazetteer_name import NEXT_TO_NAME, NOT_NAMES
from transforms.core.recognizers.written_words import TRIPLED, VOWEL

UNHEARD = 2.5  # Zipf below which an unlisted word is clearly a name here
MAX_WORDS = 3


def _lines(doc):
    """Token lists of each line, a leading speaker label ("agent:") left out."""
    for start, end in line_ranges(doc):
        line = [t for t in doc[start:end] if not t.is_space]
        if len(line) >= 2 and line[1].text == ":" and line[0].is_alpha:
            line = line[2:]
        yield line


def _clear(token) -> bool:
    word = name_word(token.lower_)
    if word is None:  # "ittteee", "hmm" are no names
        return (zipf(token.lower_) < UNHEARD and len(token.text) >= 3
                and VOWEL.search(token.text) is not None and not TRIPLED.search(token.text))
    return word.mostly_name


def _possible(token) -> bool:
    if not token.is_alpha or len(token.text) < 2 or token.is_stop or \
            token.lower_ in NOT_A_NAME or token.lower_ in NOT_NAMES:
        return False
    word = name_word(token.lower_)
    return _clear(token) if word is None else word.wordness < NEXT_TO_NAME


class LoneNameRecognizer(PersonDocRecognizer):
    """A line of one to three name words and nothing else."""

    MIN_TOKENS = 0

    def load(self) -> None:
        lexicon()

    def spans(self, doc, text: str) -> List[tuple]:
        found = []
        for line in _lines(doc):
            words = [t for t in line if not t.is_punct]
            if not 1 <= len(words) <= MAX_WORDS or line[:len(words)] != words or \
                    len(line) - len(words) > 2:
                continue  # punctuation only at the end: "Incredible film! Bravo!" is no name
            if all(_possible(t) for t in words) and any(_clear(t) for t in words):
                found.append((words[0].idx, words[-1].idx + len(words[-1].text)))
        return found
