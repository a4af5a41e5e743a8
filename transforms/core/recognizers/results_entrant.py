"""Entrants of a written results row: the words before a nationality in brackets (issue 9).

Sports results name each competitor with their country in brackets and figures after
("Nishiyama ( Japan ) 6-3 6-2", "2. Heikkonen ( Finland ) Subaru 3:06:40", "66 Telmo
Vandraud ( France )"). The bracket says whose nationality it is: the one to three
capitalised words just before it are the entrant, whatever spaCy read there (a rare
surname alone is often an organisation to it, or nothing). They are a person when:

- the bracket holds a country (:data:`~.country_names.COUNTRY_NAMES`), a place or
  nationality to spaCy, or a code in capitals ("USA", "U.S.");
- the line holds a figure after the bracket (a score, a time, a round) or opens with one
  (a rank, a score: "67 Kirsu Matai ( Japan )"): a results row, not prose;
- the entrant's last word may be a name: a listed name used as a word less than
  :data:`LISTED` (census wordness), or an unlisted word rarer than :data:`RARE` (Zipf),
  with a vowel and no letter three times in a row; no word of it is a country or a place
  to spaCy ("Barcelona ( Spain ) 3"), and none is a common word ("Results");
- no legal form of a company follows the bracket (:data:`COMPANY_FORMS`: "Driveshafts
  ( India ) Ltd.", a company's national branch);
- it is no side of a match score, where clubs stand with their country: a one- or
  two-digit score after the bracket then the other side ("Feyenoord ( Netherlands ) 2
  Galatasaray ( Turkey ) 1"), or a score before the entrant and one closing the row.

Lines in capitals are left to the headline rules; lowercase text to the speech rules.
"""
from __future__ import annotations

import re
from typing import List

from transforms.core.name_lexicon import lexicon, name_or_rare, name_word, zipf
from transforms.core.recognizers.common import PersonDocRecognizer
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.written_words import TRIPLED, VOWEL

LISTED = 1.0  # census wordness below which the entrant's last word is a name
RARE = 3.0  # Zipf below which an unlisted last word is one
COMMON = 4.5  # Zipf from which an unlisted word of the entrant is an ordinary word
_COUNTRIES = {c.lower() for c in COUNTRY_NAMES}
_COUNTRY_WORDS = {w for c in _COUNTRIES for w in c.split()}
_PLACES = {"GPE", "LOC", "NORP"}
_WORD = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"
_ROW = re.compile(
    r"(?<![^\s(,;:.])((?:[A-Z]\.[ \t]*){0,2}" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})"
    r"[ \t]*\([ \t]*([A-Z][^()\n\d]{0,30}?)[ \t]*\)")
# Words after "Name ( Country )" that make it a company's national branch.
COMPANY_FORMS = {"ltd", "limited", "pvt", "private", "inc", "llc", "plc", "corp",
                 "corporation", "co", "company", "gmbh", "ag", "sa", "bv", "nv", "group", "bank"}
_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_CODE = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")
_SCORE_THEN_SIDE = re.compile(r"[ \t]*\d{1,2}[ \t]+[A-Z]")
_SCORE_BEFORE = re.compile(r"(?:^|[ \t])\d{1,2}[ \t]+$")
_SCORE_CLOSING = re.compile(r"[ \t]*\d{1,2}[ \t]*(?:$|[,;(])")


def _nationality(text: str, start: int, end: int, place: List[bool]) -> bool:
    inside = text[start:end]
    return (inside.lower() in _COUNTRIES or _CODE.fullmatch(inside) is not None
            or any(place[start:end]))


def _name_like(word: str) -> bool:
    low = word.lower()
    if low in _COUNTRY_WORDS or not VOWEL.search(low) or TRIPLED.search(low):
        return False
    return name_or_rare(low, LISTED, RARE)


def _ordinary(word: str) -> bool:
    low = word.lower()
    return low in _COUNTRY_WORDS or (name_word(low) is None and zipf(low) >= COMMON)


def company_after(rest: str) -> bool:
    """The first word of ``rest`` is a company's legal form ("Ltd.", "private")."""
    m = _FIRST_WORD.match(rest)
    return m is not None and m.group(1).lower() in COMPANY_FORMS


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


class ResultsEntrantRecognizer(PersonDocRecognizer):
    """Competitors before their nationality in brackets, on a written results row."""

    SCORE = 0.55

    def load(self) -> None:
        lexicon()

    def spans(self, doc, text: str) -> List[tuple]:
        if "(" not in text:
            return []
        place = [False] * (len(text) + 1)
        for ent in doc.ents:
            if ent.label_ in _PLACES:
                place[ent.start_char:ent.end_char] = [True] * (ent.end_char - ent.start_char)
        found = []
        for m in _ROW.finditer(text):
            s, e = m.span(1)
            line_end = _line_end(text, m.end())
            after = text[m.end():line_end]
            line = text[_line_start(text, s):line_end]
            if not (any(c.isdigit() for c in after) or line[:1].isdigit()) \
                    or not _nationality(text, *m.span(2), place):
                continue
            if line.isupper() or not any(c.islower() for c in line):
                continue  # a line in capitals: the headline rules read it
            words = re.findall(_WORD, text[s:e])
            if any(place[s:e]) or any(_ordinary(w) for w in words) \
                    or not _name_like(words[-1]):
                continue
            if company_after(after):
                continue
            if _SCORE_THEN_SIDE.match(after) or (
                    _SCORE_BEFORE.search(text[_line_start(text, s):s])
                    and _SCORE_CLOSING.match(after)):
                continue  # a side of a match score: a club with its country
            found.append((s, e))
        return found
