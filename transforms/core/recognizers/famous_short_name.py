"""A famous person named by one word, in caseless text: "obama mocked", "vote for trump",
"towards churchill", "met hitler", "de gaulle had instructed", "herzl".

In speech-style news no capital and no first name tell a reader that "churchill" is a
person; what does is that the word is the short form of a very notable person
(:mod:`transforms.core.famous_names`, people with 100 or more Wikipedia pages). Such a
form is a person when:

- English text seldom writes it otherwise (wordfreq Zipf below :data:`FAMOUS_RARE`:
  "herzl", "churchill", "hitler"), it is neither a notable place nor a settlement, the
  tagger reads it as a noun or name (not "explosives laden car"), and, when the census
  lists hold it as a word written far more than borne ("mercury", "pine": wordness
  :data:`WORDY` or more), it is rarer still (Zipf below :data:`FAMOUS_SELDOM`); nothing
  before it makes it a thing ("the", "a", "his", a number) or a place ("in", "at",
  "near": "a church built in assisi");
- it is more common ("trump", "obama", "disney", "swift", below :data:`FAMOUS_COMMON`) or a
  settlement's name, and a person cue is beside it: a verb of saying or acting after it
  ("obama mocked", "trump said", "disney also found out", "lincoln was accompanied"), a
  title, role or "vote for"
  before it ("president obama", "vote for trump"), a verb of meeting or speaking to before
  it ("met hitler"), or "'s" after it ("trump's wall"); a word before it that makes it a
  thing ("the trump card", "a swift return") rules it out, but not the number of a date
  ("on november 18 lincoln was accompanied");
- and, whatever the cue, no noun for a place or thing named after a person follows it
  ("nehru park", "lincoln memorial", "nobel prize");
- it is a country or region ("victoria", "france": the ``place`` list) only after a title
  or with a verb of saying ("queen victoria").

In written text (capitals carry meaning) the same tests apply to a capitalised form
standing alone: not inside a longer run of capitalised words ("Walt Disney World", "Nobel
Prize", "Lake Victoria") and not a place, work or date to spaCy. spaCy's small model
leaves many alone ("Churchill", "De Gaulle", "Nietzsche's", "vote for Trump"). A line in
another language is left alone.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from transforms.core.famous_names import famous
from transforms.core.name_lexicon import census_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer, line_ranges
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.gazetteer_name import NOT_NAMES, cased_by_line
from transforms.core.recognizers.news_name import ATTRIBUTION, ROLES, after_date
from transforms.core.recognizers.speech_cue_name import (PARTICLES, SPEECH_VERBS, SUBJECT_NEXT,
                                                          TITLES)
from transforms.core.recognizers.written_words import foreign_by_function_words
from transforms.core.venue_nouns import VENUES
from transforms.core.venue_words import STREET_AFTER

FAMOUS_RARE = 4.2  # Zipf below which a famous short form is a person without a cue
FAMOUS_COMMON = 5.0  # Zipf from which it is too common a word even with a cue
# A census word written this much more than it is borne (wordness) is an ordinary word
# too ("mercury", "pine", "bolt", "nobel"), and needs a cue unless below FAMOUS_SELDOM.
# Fame raises the wordness of famous surnames ("churchill" 1.1, "einstein" 2.3).
WORDY = 1.5
FAMOUS_SELDOM = 3.5
# Words after a name that say a person acts: "obama mocked", "trump is expected"
# (a subject verb read from the tags, below), "'s".
_ACTS = (ATTRIBUTION | SUBJECT_NEXT) - {"here", "speaking", "also", "is", "was", "has", "had"}
_VOTE = {"vote", "votes", "voted", "voting", "voters", "supporters", "support", "backed"}
_BEFORE = TITLES | ROLES | SPEECH_VERBS | {"mr", "mrs", "ms", "dr", "mister", "under",
                                           "against", "versus", "vs"}
_THING = {"DET", "NUM", "ADJ", "PRON"}  # "the trump card", "a swift return", "his pound"
_COUNTRIES = {c.lower() for c in COUNTRY_NAMES}
# spaCy's readings a capitalised famous form may carry in written text: a company or
# group may be its founder ("Disney also found out"); a place, work or date is not.
_WRITTEN_ENTS = {"", "PERSON", "ORG", "NORP"}
_POSSESSIVE = {"'s", "’s", "s"}
_AUXILIARIES = {"is", "was", "has", "had"}
# Nouns after a person's name that make it the name of a place or a thing named after
# them: "nehru park", "lincoln memorial", "nobel prize", "disney hotel".
_NAMED_AFTER = STREET_AFTER | VENUES | {
    "park", "square", "memorial", "bridge", "airport", "station", "university", "college",
    "school", "hall", "centre", "center", "prize", "award", "awards", "foundation",
    "institute", "hospital", "tower", "boulevard", "library", "monument", "statue"}
_NOT_NAME_POS = {"ADJ", "VERB", "AUX", "ADV"}  # "explosives laden car", "had sung"
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
    if k + 1 < b and doc[k].lower_ in _AUXILIARIES and doc[k + 1].tag_ == "VBN" \
            and doc[k + 1].lower_ != "been":
        return True  # "lincoln was accompanied", "trump has said"
    return k < b and doc[k].tag_ in ("VBD", "VBZ", "MD") and doc[k].lower_ not in (
        "is", "'s", "s", "was", "has")


def _acts(doc, j: int, b: int) -> bool:
    return j < b and (doc[j].lower_ in _ACTS or _subject(doc, j, b)
                      or doc[j].lower_ in _POSSESSIVE)


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and not token.text.isupper()


def _standing_alone(doc, i: int, j: int, a: int, b: int) -> bool:
    """In written text: the form ``doc[i:j]`` is capitalised (its particles need not be:
    "de Gaulle"), not inside a longer run of capitalised words ("Walt Disney World",
    "Nobel Prize", "Lake Victoria": names spaCy and the other rules read), and not part of
    a place, date or work spaCy found."""
    if not _capitalised(doc[j - 1]) or not all(
            _capitalised(t) or t.lower_ in PARTICLES for t in doc[i:j]):
        return False
    if j < b and _capitalised(doc[j]):
        return False
    if i > a and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start \
            and doc[i - 1].lower_ not in _BEFORE:
        return False
    return all(t.ent_type_ in _WRITTEN_ENTS for t in doc[i:j])


def _titled(doc, i: int, a: int) -> bool:
    """A title, role or verb of contact before ``doc[i]``; or "vote for" / "voted for"."""
    if i <= a:
        return False
    prev = doc[i - 1].lower_
    if prev in _BEFORE:
        return True
    return prev == "for" and i - 1 > a and doc[i - 2].lower_ in _VOTE


class FamousShortNameRecognizer(PersonDocRecognizer):
    """The short form of a very notable person, in caseless English text."""

    def load(self) -> None:
        famous()

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        cased, foreign = cased_by_line(doc), foreign_by_function_words(doc)
        forms, found = famous().forms, []
        for a, b in line_ranges(doc):
            if a == b or foreign[a]:
                continue
            i = a
            while i < b:
                j = _match(doc, i, b) if doc[i].lower_ in forms else None
                if j is not None and (not cased[a] or _standing_alone(doc, i, j, a, b)) \
                        and self._person(doc, i, j, a, b):
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
        if j < b and doc[j].lower_ in _NAMED_AFTER:
            return False  # "nehru park", "lincoln memorial"
        prev = doc[i - 1] if i > a else None
        if prev is not None and prev.pos_ in _THING and not titled and not after_date(doc, i, a):
            return False  # "the trump card", "a swift return"; "president obama" is one,
            # and so is "on november 18 lincoln was" (a date's number)
        if titled or _acts(doc, j, b):
            return True
        if frequency >= FAMOUS_RARE or form in data.towns or doc[j - 1].pos_ in _NOT_NAME_POS or (
                prev is not None and prev.lower_ in _LOCATIVE):
            return False  # "disney" alone may be the town or the company; "in assisi"
        listed = census_word(form)
        return listed is None or listed.wordness < WORDY or frequency < FAMOUS_SELDOM
