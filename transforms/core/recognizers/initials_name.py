"""Initials before a surname in caseless (speech-style) English text: "t s eliot",
"h p lovecraft", "w h r rivers".

Speech transcripts and lowercased text drop the full stops of "T. S. Eliot"; the NER then
reads the letters as letters and the surname alone as an unknown or common word. Two or
three single letters, then a surname, are one name. The surname is listed, seldom a word
and not common in text (census wordness below 2.5, Zipf below 4.5: "eliot", "rivers"; not
"case", "price"), or unlisted and rare in English (Zipf below 3, Latin letters:
"lovecraft", "auden"). The letters are not the pronoun "i", do not end with the article
"a" ("6 30 p m a motorcyclist"), are not an abbreviation said as letters ("u s", "m s"
for messrs, "g s t") nor a contraction cut in two ("do n t dodge"), and not a longer run
(a spelling, read by the spelling recognizers); "u s senators", "d c to", "s f rabbis" (a
plural), "d d xxxxxx" stay. "s o", "w o", "d o", "h o", "c o" are "S/O" (son of), "W/O",
"D/O", "H/O", "C/O" with the slash dropped ("s o kundappa"): the name after them goes, the
two letters stay.
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Tuple

from transforms.core.name_lexicon import name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer
from transforms.core.recognizers.gazetteer_name import NOT_NAMES, cased_by_line
from transforms.core.recognizers.written_words import foreign_by_function_words

SURNAME_WORDNESS = 2.5  # a listed surname below this is a name after initials
SURNAME_ZIPF = 4.5  # ... if English text does not use it more than this
UNLISTED_ZIPF = 3.0  # an unlisted word below this is a surname after initials
ABBREVIATIONS = {"us", "uk", "eu", "un", "dc", "la", "ny", "tv", "pm", "am", "ie", "eg",
                 "ok", "vs", "uae", "usa", "ussr", "nt", "ms", "mp", "gst", "mla",
                 "ob"}  # "o b gyn"
RELATIONS = {"so", "wo", "do", "ho", "co"}  # "s o kundappa": son of Kundappa
_STRETCHED = re.compile(r"(.)\1\1")  # "xxxxxx", "wahaaay": no surname


def _letter(token) -> bool:
    return token.is_alpha and len(token.text) == 1 and token.lower_ != "i"


def _surname(token) -> bool:
    if not token.is_alpha or len(token.text) < 3 or token.is_stop \
            or token.lower_ in NOT_A_NAME or token.lower_ in NOT_NAMES \
            or _STRETCHED.search(token.lower_):
        return False
    word = name_word(token.lower_)
    if word is None:  # not a plural ("s f plumbers"); a listed "rivers" may be one
        return zipf(token.lower_) < UNLISTED_ZIPF and not (
            token.tag_ == "NNS" and token.lower_.endswith("s")) and all(
            "LATIN" in unicodedata.name(c, "") for c in token.text)
    return word.last and (word.mostly_name or (word.wordness < SURNAME_WORDNESS
                                               and zipf(token.lower_) < SURNAME_ZIPF))


class InitialsNameRecognizer(PersonDocRecognizer):
    """Two or three initials, then a surname: "t s eliot"."""

    MIN_TOKENS = 3

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        cased, foreign = cased_by_line(doc), foreign_by_function_words(doc)
        found = []
        for i in range(len(doc)):
            if cased[i] or foreign[i] or not _letter(doc[i]) or (i and _letter(doc[i - 1])):
                continue
            j = i
            while j < len(doc) and _letter(doc[j]):
                j += 1
            letters = "".join(t.lower_ for t in doc[i:j])
            if 2 <= j - i <= 3 and j < len(doc) and letters not in ABBREVIATIONS \
                    and letters[-1] != "a" and _surname(doc[j]):
                start = doc[j].idx if letters in RELATIONS else doc[i].idx
                found.append((start, doc[j].idx + len(doc[j].text)))
        return found
