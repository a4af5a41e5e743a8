"""A famous person named by one word, in caseless text: "obama mocked", "vote for trump",
"towards churchill", "met hitler", "de gaulle had instructed", "herzl".

In speech-style news no capital and no first name tell a reader that "churchill" is a
person; what does is that the word is the short form of a very notable person
(:mod:`transforms.core.famous_names`, people with 100 or more Wikipedia pages). Such a
form is a person when:

- English text seldom writes it otherwise (wordfreq Zipf below :data:`FAMOUS_RARE`:
  "herzl", "churchill", "hitler") and it is neither a notable place nor a settlement, nor
  a word that is mostly an ordinary word in the census lists; nothing before it makes it
  a thing ("the", "a", "his", a number) or a place ("in", "at", "near": "a church built
  in assisi");
- it is more common ("trump", "obama", "disney", "swift", below :data:`FAMOUS_COMMON`) or a
  settlement's name, and a person cue is beside it: a verb of saying or acting after it
  ("obama mocked", "trump said", "disney also found out"), a title, role or "vote for"
  before it ("president obama", "vote for trump"), a verb of meeting or speaking to before
  it ("met hitler"), or "'s" after it ("trump's wall"); a word before it that makes it a
  thing ("the trump card", "a swift return") rules it out;
- it is a country or region ("victoria", "france": the ``place`` list) only after a title
  or with a verb of saying ("queen victoria").

Written text, where capitals carry meaning, is left to spaCy and the written-name rules;
so is a line in another language.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from transforms.core.famous_names import famous
from transforms.core.name_lexicon import census_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer, line_ranges
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.gazetteer_name import CAPITALISED, NOT_NAMES, cased_by_line
from transforms.core.recognizers.news_name import ATTRIBUTION, ROLES
from transforms.core.recognizers.speech_cue_name import SPEECH_VERBS, SUBJECT_NEXT, TITLES
from transforms.core.recognizers.written_words import foreign_by_function_words

FAMOUS_RARE = 4.2  # Zipf below which a famous short form is a person without a cue
FAMOUS_COMMON = 5.0  # Zipf from which it is too common a word even with a cue
# Words after a name that say a person acts: "obama mocked", "trump is expected"
# (a subject verb read from the tags, below), "'s".
_ACTS = (ATTRIBUTION | SUBJECT_NEXT) - {"here", "speaking", "also", "is", "was", "has", "had"}
_VOTE = {"vote", "votes", "voted", "voting", "voters", "supporters", "support", "backed"}
_BEFORE = TITLES | ROLES | SPEECH_VERBS | {"mr", "mrs", "ms", "dr", "mister", "under",
                                           "against", "versus", "vs"}
_THING = {"DET", "NUM", "ADJ", "PRON"}  # "the trump card", "a swift return", "his pound"
_COUNTRIES = {c.lower() for c in COUNTRY_NAMES}
_POSSESSIVE = {"'s", "’s", "s"}
_LOCATIVE = {"in", "at", "near", "outside", "inside"}  # "built in assisi": a place


def _plain(word: str) -> bool:
    return (word.isalpha() and word not in NOT_A_NAME and word not in NOT_NAMES
            and word not in _COUNTRIES)


def _match(doc, i: int, b: int) -> Optional[int]:
    """The end of the famous form starting at ``doc[i]`` on its line ``doc[:b]``."""
    forms = famous().forms.get(doc[i].lower_)
    if not forms:
        return None
    for form in forms:
        j = i + len(form)
        if j <= b and all(doc[i + k].lower_ == w for k, w in enumerate(form)):
            return j
    return None


def _subject(doc, j: int, b: int) -> bool:
    """``doc[j - 1]`` is the subject of a verb after it, an adverb between or not:
    "obama mocked", "disney also found out", "putin will"."""
    k = j + 1 if j + 1 < b and doc[j].tag_ == "RB" else j
    return k < b and doc[k].tag_ in ("VBD", "VBZ", "MD") and doc[k].lower_ not in (
        "is", "'s", "s", "was", "has")


def _acts(doc, j: int, b: int) -> bool:
    return j < b and (doc[j].lower_ in _ACTS or _subject(doc, j, b)
                      or doc[j].lower_ in _POSSESSIVE)


def _titled(doc, i: int, a: int) -> bool:
    """A title, role or verb of contact before ``doc[i]``; or "vote for" / "voted for"."""
    if i <= a:
        return False
    prev = doc[i - 1].lower_
    if prev in _BEFORE:
        return True
    return prev == "for" and i - 1 > a and doc[i - 2].lower_ in _VOTE


class FamousNameRecognizer(PersonDocRecognizer):
    """The short form of a very notable person, in caseless English text."""

    def load(self) -> None:
        famous()

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        cased, foreign = cased_by_line(doc), foreign_by_function_words(doc)
        forms, found = famous().forms, []
        for a, b in line_ranges(doc):
            if a == b or cased[a] or foreign[a]:
                continue
            i = a
            while i < b:
                j = _match(doc, i, b) if doc[i].lower_ in forms else None
                if j is not None and self._person(doc, i, j, a, b):
                    found.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
                    i = j
                else:
                    i += 1
        return found

    @staticmethod
    def _person(doc, i: int, j: int, a: int, b: int) -> bool:
        """Whether the famous form ``doc[i:j]``, on the line ``doc[a:b]``, is a person."""
        form = " ".join(t.lower_ for t in doc[i:j])
        if not all(_plain(t.lower_) for t in doc[i:j]) or (j - i == 1 and doc[i].is_stop):
            return False
        data = famous()
        frequency = zipf(form)
        if frequency >= FAMOUS_COMMON:
            return False
        titled = _titled(doc, i, a)
        if form in data.countries:
            return titled or (j < b and doc[j].lower_ in ATTRIBUTION)
        prev = doc[i - 1] if i > a else None
        if prev is not None and prev.pos_ in _THING and not titled:
            return False  # "the trump card", "a swift return"; "president obama" is one
        if titled or _acts(doc, j, b):
            return True
        if frequency >= FAMOUS_RARE or form in data.towns or (
                prev is not None and prev.lower_ in _LOCATIVE):
            return False  # "disney" alone may be the town or the company; "in assisi"
        listed = census_word(form)
        return listed is None or listed.wordness < CAPITALISED
