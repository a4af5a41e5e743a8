"""Names in written sports results and capitals headlines (issue 9: newswire).

- a *figures list*: two or more comma-separated items of one clause, each capitalised
  words then a figure ("Hick 45 , Thorpe 12", "Wasim 10-2-33-2 , Waqar 9-1-45-1",
  "Lomu 2 tries , Mehrtens 3 penalties"): an item whose last word is mostly a name or
  seldom used (listed with wordness < 1.5, unlisted with Zipf < 4) is a person, when one
  item of the list is spaCy's PERSON, or holds a surname (not a given name) with wordness
  < 0.8 or an unlisted word with Zipf < 2 (a list of teams, "Ajax 12 , PSV 10 , Vitesse 7",
  "Essex 312 , Kent 198", has none); after a label naming people ("Scorers :",
  "Goalscorers :": :data:`PEOPLE_LABELS`) every item that is no place or country is one;
- a *capitals headline* ("GOLF - MONTGOMERIE LEADS BY ONE SHOT", four words or more, the
  others common): a word of four letters or more listed as a surname with wordness < 1,
  or unlisted with Zipf < 2.5.

Countries and what spaCy tags a place or nationality stay in both ("Australia 25 , New
Zealand 32"), and its organisations in a headline ("SOCCER - FEYENOORD BEAT AJAX").
"""
from __future__ import annotations

import re
from typing import List

from transforms.core.name_lexicon import lexicon, name_or_rare, name_word, zipf
from transforms.core.recognizers.common import PersonDocRecognizer, line_ranges
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.written_words import TRIPLED, VOWEL

_PLACES = {"GPE", "LOC", "NORP"}  # never a person in a list or a headline
_ORGS = {"ORG", "FAC"}  # nor in a headline ("FEYENOORD"); in a list of people, spaCy's guess
_COUNTRIES = {w.lower() for c in COUNTRY_NAMES for w in c.split()}
_WORD = r"[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*"
_ITEM = re.compile(r"^\s*((?:[A-Z]\.\s*){0,2}" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})"
                   r"[ \t]+\d[\d.:/\-]*(?:[ \t]+[a-z]+){0,2}\s*$")
_CLAUSES = re.compile(r"[^\n();:]+")
# Labels that say the items after them are people: a side's scorers, not its results.
PEOPLE_LABELS = {"scorer", "scorers", "goalscorer", "goalscorers", "try-scorers"}
_LABEL = re.compile(r"([^\W\d_][\w-]*)[ \t]*:[ \t]*$")
SURE_LISTED = 0.8  # a surname (not a given name: "Kent") this much a name: a list of people
SURE_RARE = 2.0  # an unlisted word this rare: one too ("Ravanelli")
LIST_LISTED = 1.5  # wordness below which a listed last word of an item is a name
LIST_RARE = 4.0  # Zipf below which an unlisted one is
HEAD_LISTED = 1.0
HEAD_RARE = 2.5


def _name_word(word: str, listed: float, rare: float) -> bool:
    low = word.lower()
    if low in _COUNTRIES or not VOWEL.search(low) or TRIPLED.search(low):
        return False
    return name_or_rare(low, listed, rare)


def _sure(word: str) -> bool:
    entry = name_word(word.lower())
    if entry is not None:
        return entry.last and not entry.first and _name_word(word, SURE_LISTED, 0.0)
    return _name_word(word, 0.0, SURE_RARE)


class ResultsNameRecognizer(PersonDocRecognizer):
    """People in results lists and capitals headlines of written sports news."""

    SCORE = 0.55

    def load(self) -> None:
        lexicon()

    def spans(self, doc, text: str) -> List[tuple]:
        place, org, person = ([False] * (len(text) + 1) for _ in range(3))
        for ent in doc.ents:
            marks = (place if ent.label_ in _PLACES else org if ent.label_ in _ORGS
                     else person if ent.label_ == "PERSON" else None)
            for k in range(ent.start_char, ent.end_char) if marks is not None else ():
                marks[k] = True
        found = self._lists(text, place, person) + self._headlines(doc, place, org)
        return sorted(set(found))

    @staticmethod
    def _lists(text: str, place: List[bool], person: List[bool]) -> List[tuple]:
        spans = []
        for clause in _CLAUSES.finditer(text):
            pieces, at = [], clause.start()
            for piece in clause.group(0).split(","):
                m = _ITEM.match(piece)
                if m:
                    pieces.append((at + m.start(1), at + m.end(1)))
                at += len(piece) + 1
            label = _LABEL.search(text, max(0, clause.start() - 30), clause.start())
            people = label is not None and label.group(1).lower() in PEOPLE_LABELS
            if people and pieces:
                spans += [(s, e) for s, e in pieces if not any(place[s:e]) and not any(
                    w.lower() in _COUNTRIES for w in re.findall(_WORD, text[s:e]))]
                continue
            if len(pieces) < 2 or not any(
                    (any(person[s:e]) and not person[e])  # not "Kent 198" read as one
                    or any(_sure(w) for w in re.findall(_WORD, text[s:e]))
                    for s, e in pieces):
                continue  # a list of teams: no item is a person for sure
            for s, e in pieces:
                words = re.findall(_WORD, text[s:e])
                if any(place[s:e]) or not _name_word(words[-1], LIST_LISTED, LIST_RARE):
                    continue
                spans.append((s, e))
        return spans

    @staticmethod
    def _headlines(doc, place: List[bool], org: List[bool]) -> List[tuple]:
        spans = []
        for a, b in line_ranges(doc):
            letters = [w for w in doc[a:b] if w.is_alpha and len(w.text) > 1]
            if len(letters) < 4 or not all(w.text.isupper() for w in letters):
                continue
            common = [zipf(w.lower_) >= 3.0 for w in letters]  # once a line, not per word
            all_common = sum(common)
            for t, t_common in zip(letters, common):
                if len(t.text) < 4 or place[t.idx] or org[t.idx]:
                    continue
                others, known = len(letters) - 1, all_common - t_common
                entry = name_word(t.lower_)
                if entry is not None and not entry.last:
                    continue
                if known >= 0.75 * others and \
                        _name_word(t.text, HEAD_LISTED, HEAD_RARE):
                    spans.append((t.idx, t.idx + len(t.text)))
        return spans
