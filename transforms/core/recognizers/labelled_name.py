"""A name after a form's "name" label, in caseless (speech-style) English text.

"name april fuentes address 64302 george point", "full name maori oomori phone ...": a form
or card read out loses its colons, so the label runs into the value. At the start of a line,
after "name" (or "full name", "first name", ...), up to three words that are neither stop
words nor another field's label are the name, when one of them is a listed name or a word
English text seldom uses. "name the song", "name three movies" hold none.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.core.name_lexicon import name_or_rare
from transforms.core.recognizers.common import SpanFinderRecognizer
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, RARE_WORD

_LABEL = re.compile(r"(?im)^[ \t]*(?:(?:full|first|last|given|family|customer|client|"
                    r"patient|contact)[ \t]+)?name[ \t]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Labels of the next field, which end the name.
FIELDS = {"address", "phone", "email", "mail", "e", "dob", "date", "birth", "born", "age",
          "id", "number", "tel", "mobile", "job", "occupation", "company", "title", "sex",
          "gender", "city", "country", "zip", "postcode", "ssn", "card", "account"}
MAX_WORDS = 3


def _named(word: str) -> bool:
    """A listed name seldom used as a word, or a word English text seldom uses."""
    return name_or_rare(word, AMBIGUOUS, RARE_WORD)


class LabelledNameRecognizer(SpanFinderRecognizer):
    """Words after a line-opening "name" label, up to the next field's label."""

    SCORE = 0.6

    @staticmethod
    def find(text: str) -> List[Tuple[int, int]]:
        found = []
        for label in _LABEL.finditer(text):
            line_end = text.find("\n", label.end())
            line_end = len(text) if line_end < 0 else line_end
            words, end = [], label.end()
            for m in _WORD.finditer(text, label.end(), line_end):
                low = m.group(0).lower()
                if (len(words) == MAX_WORDS or low in FIELDS or low in STOP_WORDS
                        or m.group(0) != low or text[end:m.start()].strip()):
                    break  # a field label, a stop word, capitals or punctuation
                words.append(m)
                end = m.end()
            if words and any(_named(w.group(0)) for w in words):
                found.append((words[0].start(), words[-1].end()))
        return found

