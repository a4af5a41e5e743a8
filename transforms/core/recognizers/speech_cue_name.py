"""Names no list holds, in caseless (speech-style) English text, from the words around them.

Speech transcripts carry no capitals, and the census lists (:mod:`.gazetteer_name`) miss
most names from outside them ("oluwaseun", "kwabena", "uotila"). A word English text
almost never uses (wordfreq Zipf < 2.5) is a person here when:

- a dialogue cue comes before it: "send fifty dollars to oluwaseun", "a ticket for
  siobhan", "my daughter ines", "priya and oksana" (the cues of :mod:`.gazetteer_name`),
  not followed by a pronoun or determiner;
- it owns something: "kwabena's account", "keating s service" (apostrophe dropped;
  a listed surname also written as a word, seldom, when nothing makes it a thing: "from
  assad s inhumanity"); an
  unlisted word below Zipf 3 too, when no determiner (adjectives between or not) makes it
  a thing ("one of scorsese's films", not "the gazebo's roof");
- it is the subject of a report or of speech: "gradsky has", "anas says", "oyelaran
  shouted", "qaboos whose reign"; or follows a verb of speaking or company: "told
  kwabena", "accompanied ndlovu";
- it is spelled with a Latin letter English does not use, on an English line:
  "signed by krisztián";
- it follows a listed given name: "ahmed okonkwo";
- it opens a line before a listed surname or another rare word: "mikayla weld engraver",
  "eira ulvik lives at" (a contact card or resume line).

Any word is a person when it receives something before a possessive: "had given coral his
address", "handed bars her keys" (a thing given takes a determiner: "gave money his way"
is rare).

After a title or rank ("capt", "lt gen", "petty officer", "special envoy", "emperor") a
name is also a listed name that is mostly not an ordinary word, or a word English text
seldom uses: "gen joseph votel", "petty officer keating", "envoy de mistura". A listed surname
that owns something is a name too ("keating s honorable service").

A second rare word, or a listed surname, right after such a name joins it, and so does a
particle with the word after it ("adenet le roi", "madame de staël"). Written text, where
capitals carry meaning, is left to spaCy and the census recognizer; so is a line in another
language by its function words (:func:`.written_words.foreign_by_function_words`: in
Tagalog or Indonesian cue words such as "to", "at" are theirs too); a line of a name and a
foreign address, rare words nearly all, is not one.
"""
from __future__ import annotations

import re
import unicodedata
from typing import List

from transforms.core.name_lexicon import census_word, name_word, zipf
from transforms.core.word_forms import english_form
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer
from transforms.core.recognizers.gazetteer_name import (AMBIGUOUS, CAPITALISED, NOT_NAMES,
                                                        RARE_WORD, WEAK_CUES, cased_by_line)
from transforms.core.recognizers.news_name import SOVEREIGNS
from transforms.core.recognizers.secret_value import CUE_WORDS
from transforms.core.recognizers.written_words import (english, foreign_by_function_words,
                                                       part_of)
from transforms.core.venue_words import named_thing

MAX_GIVEN_LETTERS = 10  # a longer rare word opening a line is rather a handle or hashtag
UNHEARD = 2.5  # Zipf below which an unlisted word may be a name after a cue
OWNER = 3.0  # Zipf below which an unlisted word owning something is a name ("labeouf's")
OWNING_LISTED = 4.0  # Zipf below which a listed surname that is also a word owns as a name
# Wordness below which it does ("assad" 2.15); "bachelor" (2.5, "bachelor's degrees") and
# "master" own as words.
OWNING_WORDNESS = 2.3
_PLACES = {"GPE", "LOC", "FAC"}  # spaCy's places: "oxford's colleges"
_NOT_AFTER = {"PRON", "DET"}  # "to oluwaseun" yes, "bill me", "to this" no
_BEFORE_THING = {"DET", "PRON", "NUM"}  # "the gazebo's roof": a thing owns it
# Titles and ranks before a name ("capt christophe cluzel", "gen joseph votel").
TITLES = {"capt", "captain", "president", "minister", "general", "colonel", "sir", "lady",
          "lord", "madame", "monsieur", "senator", "governor", "prof", "professor", "coach",
          "judge", "sergeant", "lieutenant", "rev", "chancellor", "mayor", "king", "queen",
          "prince", "princess", "sheikh", "imam", "rabbi", "pastor", "gen", "lt", "col",
          "maj", "major", "sgt", "cpl", "corporal", "pvt", "adm", "admiral",
          "cmdr", "commander", "officer", "envoy", "ambassador", "secretary", "advisor",
          "adviser", "spokesman", "spokeswoman", "chairman", "chairwoman", "deputy",
          "detective", "inspector", "constable", "cardinal", "bishop", "emir",
          "ayatollah", "mullah", "congressman", "congresswoman", "rep", "sen", "gov",
          "madam", "mme", "herr", "frau", "senor", "señor", "dame", "baron", "duke",
          "earl"} | SOVEREIGNS
# Particles inside a name ("envoy de mistura", "adenet le roi", "osama bin laden").
PARTICLES = {"de", "da", "di", "du", "del", "della", "des", "le", "la", "van", "von", "der",
             "ter", "al", "el", "bin", "ibn", "abu"}
# Words after a name as the subject of a report ("gradsky has", "anas says"), or a
# caller's introduction ("natonya here", "oehler speaking").
SUBJECT_NEXT = {"says", "said", "has", "had", "was", "is", "told", "added", "wrote", "asked",
                "also", "who", "explained", "stated", "replied", "announced", "here",
                "speaking", "shouted", "yelled", "whispered", "cried", "laughed", "smiled",
                "insisted", "admitted", "warned", "claimed", "noted", "agreed"}
# Verbs of speaking before the one spoken to or of ("said ole to ole", "told kwame").
SPEECH_VERBS = {"said", "asked", "told", "tell", "ask", "shouted", "yelled", "whispered",
                "replied", "thanked", "greeted", "hugged", "married", "met", "accompanied"}
# Verbs that give to someone: "had given coral his address", "handed ines her keys".
GIVING_VERBS = {"give", "gives", "gave", "given", "giving", "hand", "handed", "send", "sent",
                "show", "showed", "shown", "offer", "offered", "lend", "lent", "owe", "owed"}
_POSSESSIVES = {"his", "her", "their", "my", "your", "our"}
# A Latin letter English spelling does not use ("krisztián", "järvilehto", "sigþórsdóttir").
_FOREIGN_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


def _candidate(token) -> bool:
    """A word that may be a name: not a function word, nor a secret's cue ("cvv is 123",
    "otp is ...": rare words, but said of a code, not of a person)."""
    return (token.is_alpha and len(token.text) >= 3 and not token.is_stop
            and token.lower_ not in NOT_A_NAME and token.lower_ not in NOT_NAMES
            and token.lower_ not in CUE_WORDS)


def _unheard(token) -> bool:
    """An unlisted word English hardly uses, and no regular form of a common word
    ("assignees", "sublicenses", "complainers": :mod:`..word_forms`)."""
    return (_candidate(token) and census_word(token.lower_) is None
            and zipf(token.lower_) < UNHEARD and not english_form(token.lower_))


def _joins(token) -> bool:
    """A word that may follow a name: another rare word or a listed surname."""
    if not _candidate(token):
        return False
    word = name_word(token.lower_)
    if word is not None and word.last and word.wordness < AMBIGUOUS:
        return True
    return ((word is None or not word.census) and zipf(token.lower_) < RARE_WORD
            and not english_form(token.lower_))


def _name_end(doc, j: int) -> int:
    """Where a name that has reached token ``j`` ends: a joining word, or a particle and
    the word after it ("de mistura"), extends it."""
    if j < len(doc) and _joins(doc[j]):
        return j + 1
    if j + 1 < len(doc) and doc[j].lower_ in PARTICLES and _joins(doc[j + 1]):
        return j + 2
    return j


def _named_after_title(token) -> bool:
    """A word that is a name after a title: rare in English or a listed name that is
    mostly a name ("votel", "keating", "joseph"); never a pronoun or common word."""
    if not _candidate(token):
        return False
    word = name_word(token.lower_)
    if word is None:
        return zipf(token.lower_) < RARE_WORD
    return word.wordness < CAPITALISED


def _foreign_spelling(token) -> bool:
    """A rare word spelled with a Latin letter English does not use, on an English line
    (an English line names a "krisztián"; a Spanish or Hungarian line is just words)."""
    if not _FOREIGN_LETTER.search(token.text) or not all(
            "LATIN" in unicodedata.name(c, "") for c in token.text if c.isalpha()):
        return False
    a, b = part_of(token)
    return english(token.doc[a:b])


def _after_title(doc, i: int) -> bool:
    """``doc[i]`` follows a title ("petty officer keating"), perhaps through a particle
    ("envoy de mistura")."""
    prev = i - 1
    if prev >= 0 and doc[prev].lower_ in PARTICLES:
        prev -= 1
        if not (i < len(doc) and _unheard(doc[i])):
            return False
    return prev >= 0 and doc[prev].lower_ in TITLES and _named_after_title(doc[i])


def _owning_surname(doc, i: int) -> bool:
    """A listed surname that is mostly a name, owning something: "keating s honorable";
    or one that is also a word but seldom written (wordness below :data:`OWNING_WORDNESS`,
    Zipf below :data:`OWNING_LISTED`), owning something with no determiner, possessive or
    number before it (:func:`_a_thing`) and not a place to spaCy: "from assad s
    inhumanity", "of merkel's coalition" ("the tower's roof" stays)."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in ("'s", "’s", "s") or not _candidate(doc[i]):
        return False
    word = name_word(doc[i].lower_)
    if word is None or not word.last:
        return False
    return word.wordness < CAPITALISED or (
        word.wordness < OWNING_WORDNESS and zipf(doc[i].lower_) < OWNING_LISTED
        and doc[i].ent_type_ not in _PLACES and not _a_thing(doc, i))


def _owning_rare(doc, i: int) -> bool:
    """An unlisted word English seldom writes, owning something: "one of labeouf's best";
    not a thing's (:func:`_a_thing`: "the gazebo's roof")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (nxt is not None and nxt.lower_ in ("'s", "’s", "s") and _candidate(doc[i])
            and census_word(doc[i].lower_) is None and zipf(doc[i].lower_) < OWNER
            and not _a_thing(doc, i))


def _a_thing(doc, i: int) -> bool:
    """A determiner, possessive or number before ``doc[i]``, adjectives between or not:
    "the gazebo's", "the old carillon whose"; "poor kwabena whose" is a person."""
    j = i - 1
    while j >= 0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j >= 0 and doc[j].pos_ in _BEFORE_THING


def _receives(doc, i: int) -> bool:
    """``doc[i]`` between a giving verb and a possessive: "given coral his address"."""
    return (0 < i < len(doc) - 1 and doc[i - 1].lower_ in GIVING_VERBS
            and doc[i + 1].lower_ in _POSSESSIVES and _candidate(doc[i])
            and doc[i].pos_ not in _NOT_AFTER)


def _latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def _opens_line(doc, i: int) -> bool:
    """A word English hardly uses opening a line, before a listed surname ("mikayla
    weld") or another such word ("eira ulvik"); a less rare one before a surname that is
    mostly a name ("tiia hicks"), not before a surname that is also a word ("pedicure
    price")."""
    if i + 1 >= len(doc) or (i > 0 and "\n" not in doc[i - 1].text_with_ws):
        return False
    token, nxt = doc[i], doc[i + 1]
    if not _candidate(token) or census_word(token.lower_) is not None or not _candidate(nxt) \
            or not _latin(token.text + nxt.text):
        return False  # another script's words are rare in English, not names ("اسمي أحمد")
    word = name_word(nxt.lower_)
    if word is None:  # two rare words: short as given names are ("eira ulvik"), not
        return (_unheard(token) and _unheard(nxt)  # handles ("itsmariasmith paddistone")
                and len(token.text) <= MAX_GIVEN_LETTERS)
    if not word.last or word.wordness >= AMBIGUOUS:
        return False  # "pedicure price"
    return zipf(token.lower_) < (RARE_WORD if word.mostly_name else UNHEARD)


class SpeechCueNameRecognizer(PersonDocRecognizer):
    """Rare words after a dialogue cue, before a possessive, or after a given name."""

    def spans(self, doc, text: str) -> List[tuple]:
        cased, foreign = cased_by_line(doc), foreign_by_function_words(doc)
        found, i = [], 0
        while i < len(doc):
            if cased[i] or foreign[i] or named_thing(doc[i]) or not self._starts_name(doc, i):
                i += 1  # named_thing: "a restaurant named faanoos"
                continue
            j = _name_end(doc, i + 1)
            start = i - 1 if i > 1 and doc[i - 1].lower_ in PARTICLES and \
                doc[i - 2].lower_ in TITLES else i  # "envoy [de mistura]"
            found.append((doc[start].idx, doc[j - 1].idx + len(doc[j - 1].text)))
            i = j
        return found

    @staticmethod
    def _starts_name(doc, i: int) -> bool:
        token = doc[i]
        if _after_title(doc, i) or _owning_surname(doc, i) or _owning_rare(doc, i) \
                or _receives(doc, i):
            return True
        if _opens_line(doc, i):
            return True
        if not _unheard(token):
            return False
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ == "whose":  # "the carillon whose bells": a thing
            return not _a_thing(doc, i)
        if nxt is not None and (nxt.lower_ in ("'s", "’s", "s") or nxt.lower_ in SUBJECT_NEXT):
            return True  # "kwabena's account", "keating s service" (apostrophe dropped)
        if _foreign_spelling(token):
            return True  # "bohuslav shouted", "valtteri järvilehto"
        if prev is None:
            return False
        if prev.lower_ in WEAK_CUES or prev.lower_ in TITLES or prev.lower_ in SPEECH_VERBS:
            return nxt is None or nxt.pos_ not in _NOT_AFTER
        given = name_word(prev.lower_)
        return given is not None and given.first and given.wordness < AMBIGUOUS
