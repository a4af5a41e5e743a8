"""Names in edited written text (news, articles, forms) that spaCy and the census lists
miss: foreign names English text never uses, names after a title, and names in a list
beside other names.

- a capitalised word English text (almost) never uses ("Lončar", "Saidmagomed",
  "Pohjonen": Zipf < 1.5, or < 2.0 tagged as a proper noun), not spaCy's place, is a name
  mid-sentence or as a subject ("Saidmagomed is from ..."); two such words together
  anywhere ("Maarit Pohjonen"); a capitalised neighbour that is a listed name or rare
  joins it ("Aleksandra Petković");
- after a title ("President", "Colonel", "Madame", "Sheikh" ...) the capitalised words
  that follow, initials and particles included ("Madame de Staël", "Colonel S. Dolby");
- an item of a comma or "and" list of one to three capitalised words, not common words,
  beside an item spaCy or this recognizer tagged PERSON ("Jared Leto, Shannon Leto, Tomo
  Milicevic").

Words with letters repeated three times ("Hahaaa"), without a vowel, or in capitals only
are left alone (tweets, acronyms). Words spaCy tagged PERSON, GPE or LOC are left to spaCy.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.name_lexicon import lexicon, name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, RuleRecognizer, result

SCORE = 0.55  # below the census names (0.6): a span both find is credited to those
UNSEEN = 1.5  # Zipf below which a capitalised word is a name whatever spaCy's tag
RARE = 2.0  # below: a name when spaCy tags it a proper noun
JOINS = 3.5  # a capitalised neighbour this rare (or a listed name) joins a name
LISTED_JOINS = 2.0  # wordness below which a listed neighbour joins
COMMON = 3.0  # Zipf of a common English word
STOPS = 0.25  # share of function words below which lowercase words are not English
TITLES = {"president", "senator", "sen", "governor", "gov", "judge", "justice", "professor",
          "prof", "minister", "chancellor", "ambassador", "colonel", "col", "lt", "gen",
          "sgt", "capt", "captain", "lieutenant", "sergeant", "commander", "admiral",
          "sir", "dame", "lady", "madame", "mme", "mlle", "monsieur", "señor", "senor",
          "señora", "senora", "herr", "frau", "sheikh", "sheik", "imam", "rabbi", "rev",
          "reverend", "cardinal", "bishop", "inspector", "detective", "officer", "coach",
          "striker", "midfielder", "defender", "goalkeeper", "pitcher", "batsman",
          "mr", "mrs", "ms", "miss", "dr", "mister", "doctor", "prince", "princess",
          "king", "queen", "chairman", "spokesman", "spokeswoman", "secretary", "envoy",
          "advisor", "adviser", "administrator", "attorney", "mayor", "deputy", "spc",
          "pvt", "cpl", "brig", "maj", "cmdr", "adm", "rep", "premier"}
PAIR_RARE = 2.5  # one word of a pair of rare proper nouns below this Zipf
SUBJECT_RARE = 3.0  # Zipf below which an unlisted proper noun before its verb is a name
SUBJECT_LISTED = 1.5  # wordness below which a listed proper noun before its verb is one
PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le",
             "al", "el", "bin", "ibn", "ben", "abu", "st", "mc", "mac", "dos", "das", "y"}
_SKIP_ENTS = {"PERSON", "GPE", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
              "CARDINAL", "ORDINAL"}
_FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "NUM", "SYM",
                 "SPACE"}
_INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,3}$")
_TRIPLED = re.compile(r"(.)\1\1", re.IGNORECASE)
_VOWEL = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]", re.IGNORECASE)
_LIST_SEP = {",", "and", "&", ";"}


def _capitalised(token) -> bool:
    text = token.text
    return text[:1].isupper() and not text.isupper() and text.isalpha()


def _plain(token) -> bool:
    """A capitalised word that may be a name: not a function word, not a never-name."""
    return (_capitalised(token) and len(token.text) >= 2 and token.ent_type_ not in _SKIP_ENTS
            and not any(c.isupper() for c in token.text[1:])  # "ClimateChange"
            and not token.is_stop and token.lower_ not in NOT_A_NAME
            and token.pos_ not in _FUNCTION_POS)


def _unseen(token) -> bool:
    """A capitalised word English (almost) never uses, spelled like a word."""
    if not _plain(token) or len(token.text) < 3 or name_word(token.lower_) is not None:
        return False
    if _TRIPLED.search(token.text) or not _VOWEL.search(token.text):  # "Hahaaa", "Pwllh"
        return False
    rarity = zipf(token.lower_)
    return rarity < UNSEEN or (rarity < RARE and token.pos_ == "PROPN")


def _part(token) -> Tuple[int, int]:
    """(start, end) of the line or sentence the token is in (the model has no parser)."""
    doc = token.doc

    def stop(t) -> bool:
        return "\n" in t.text or t.text in (".", "!", "?")

    a = token.i
    while a > 0 and not stop(doc[a - 1]):
        a -= 1
    b = token.i + 1
    while b < len(doc) and not stop(doc[b - 1]):
        b += 1
    return a, b


def _english(sentence) -> bool:
    """Whether a line's lowercase words read as English: most of them common, and with
    three or more, a quarter of them function words. In a Malay or Japanese line every
    capitalised word is one English never uses."""
    lower = [t for t in sentence if t.is_alpha and t.is_lower]
    if len(lower) >= 2 and sum(zipf(t.text) < COMMON for t in lower) >= 0.5 * len(lower):
        return False
    return len(lower) < 3 or sum(t.is_stop for t in lower) >= STOPS * len(lower)


def _joins(token) -> bool:
    if not _plain(token):
        return False
    word = name_word(token.lower_)
    if word is not None:
        return word.wordness < LISTED_JOINS
    return zipf(token.lower_) < JOINS


def _namely(token) -> bool:
    """Capitalised, and mostly a name in the lists or a rare unlisted word ("Tomo")."""
    if not _plain(token):
        return False
    word = name_word(token.lower_)
    return word.mostly_name if word is not None else zipf(token.lower_) < RARE + 1.0


def _sentence_start(token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_punct and prev.text not in (",", "(", "&", "-", "'", "’", ":", "/")


def _subject(token) -> bool:
    """Followed by its verb ("Budjana also owns", "Gabe is")."""
    doc = token.doc
    j = token.i + 1
    while j < len(doc) and (_unseen(doc[j]) or doc[j].pos_ == "ADV"):
        j += 1
    return j < len(doc) and doc[j].pos_ in ("AUX", "VERB")


class WrittenNameRecognizer(RuleRecognizer):
    """Foreign names, names after a title and names in a list, in written English."""

    ENTITIES = ["PERSON"]

    def load(self) -> None:
        lexicon()

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None)
        if "PERSON" not in entities or doc is None or len(doc) == 0:
            return []
        marks = [False] * len(doc)
        self._rare(doc, marks)
        self._pairs(doc, marks)
        self._subjects(doc, marks)
        self._shouted(doc, marks)
        self._titled(doc, marks)
        self._grow(doc, marks)
        self._lists(doc, marks)
        english: dict = {}
        for t in doc:  # no names read in a Malay or Japanese line
            if marks[t.i]:
                part = _part(t)
                if part not in english:
                    english[part] = _english(doc[part[0]:part[1]])
                marks[t.i] = english[part]
        results, i = [], 0
        while i < len(doc):
            if marks[i]:
                j = i
                while j + 1 < len(doc) and marks[j + 1]:
                    j += 1
                results.append(result(self, "PERSON", doc[i].idx,
                                      doc[j].idx + len(doc[j].text), SCORE))
                i = j + 1
            else:
                i += 1
        return results

    @staticmethod
    def _pairs(doc, marks: List[bool]) -> None:
        """Two or three rare proper nouns together, mid-sentence or before their verb
        ("to Ivanka Petrovna", "Gotthold Ephraim Lessing was"): each unlisted and rare
        (Zipf < 3.5) or listed and not common, one of them rare (Zipf < 2.5)."""
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and _joins(doc[j]):
                j += 1
            if j - i >= 2 and min(zipf(doc[k].lower_) for k in range(i, j)) < PAIR_RARE and (
                    not _sentence_start(doc[i]) or _subject(doc[j - 1])):
                for k in range(i, j):
                    marks[k] = True
            i = max(j, i + 1)

    @staticmethod
    def _subjects(doc, marks: List[bool]) -> None:
        """A capitalised proper noun right before its verb, rare or mostly a name
        ("But Anas says", "Matthias is from ...")."""
        for t in doc:
            if marks[t.i] or not _plain(t) or not _subject(t):
                continue
            if t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and zipf(t.lower_) < RARE):
                continue  # spaCy reads a rare name as a noun at times ("Shalev is")
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and _plain(prev) and prev.pos_ in ("PROPN", "NOUN", "ADJ") \
                    and not _sentence_start(t):
                continue  # "Golden Globe wins": leave runs to the other rules
            word = name_word(t.lower_)
            if (word.wordness < SUBJECT_LISTED if word is not None
                    else zipf(t.lower_) < SUBJECT_RARE):
                marks[t.i] = True

    @staticmethod
    def _shouted(doc, marks: List[bool]) -> None:
        """In an English headline in capitals ("SOCCER - CUTTITTA BACK FOR ITALY": four
        words or more, the others common), a word of five or more letters English never
        uses."""
        for t in doc:
            if not (t.is_alpha and t.text.isupper() and len(t.text) >= 5) or \
                    t.ent_type_ in _SKIP_ENTS or name_word(t.lower_) is not None:
                continue
            a, b = _part(t)
            letters = [w for w in doc[a:b] if w.is_alpha and len(w.text) > 1]
            known = [w for w in letters if w.i != t.i and zipf(w.lower_) >= 3.0]
            if (all(w.text.isupper() for w in letters) and _VOWEL.search(t.text)
                    and len(letters) >= 4 and len(known) >= 0.75 * (len(letters) - 1)
                    and not _TRIPLED.search(t.text) and zipf(t.lower_) < UNSEEN):
                marks[t.i] = True

    @staticmethod
    def _rare(doc, marks: List[bool]) -> None:
        for t in doc:
            if not _unseen(t):
                continue
            pair = any(0 <= k < len(doc) and _unseen(doc[k]) for k in (t.i - 1, t.i + 1))
            if pair or not _sentence_start(t) or _subject(t):
                marks[t.i] = True

    @staticmethod
    def _titled(doc, marks: List[bool]) -> None:
        """The capitalised words after a capitalised title, initials and particles in."""
        for t in doc:
            if t.lower_.rstrip(".") not in TITLES or not t.text[:1].isupper():
                continue
            j, found = t.i + 1, []
            if j < len(doc) and doc[j].text == ".":
                j += 1
            while j < len(doc) and len(found) < 4:
                tok = doc[j]
                if tok.ent_type_ in ("GPE", "LOC") or tok.lower_ in TITLES:
                    break
                if _INITIAL.match(tok.text) or _joins(tok) or _unseen(tok):
                    found.append(j)
                elif tok.lower_ in PARTICLES and found == [] and j + 1 < len(doc) \
                        and _capitalised(doc[j + 1]):
                    found.append(j)
                elif tok.lower_ in PARTICLES and found and j + 1 < len(doc) \
                        and _capitalised(doc[j + 1]):
                    found.append(j)
                else:
                    break
                j += 1
            while found and not _capitalised(doc[found[-1]]):
                found.pop()  # an initial or particle alone at the end is not a name
            for k in found:
                marks[k] = True

    @staticmethod
    def _grow(doc, marks: List[bool]) -> None:
        changed = True
        while changed:
            changed = False
            for t in doc:
                if marks[t.i] or not _joins(t):
                    continue
                if (t.i > 0 and marks[t.i - 1]) or (t.i + 1 < len(doc) and marks[t.i + 1]):
                    marks[t.i] = changed = True

    @staticmethod
    def _item(doc, start: int, end: int) -> bool:
        """doc[start:end] is a list item that may be a name: 1-3 capitalised words, none
        common, no place."""
        if not 1 <= end - start <= 3:
            return False
        return all(_unseen(doc[k]) or _namely(doc[k]) for k in range(start, end))

    def _lists(self, doc, marks: List[bool]) -> None:
        """Items of a comma / "and" list beside an item that is a person."""
        runs = _capitalised_runs(doc)
        for n, (a, b) in enumerate(runs):
            if any(marks[a:b]) or any(doc[k].ent_type_ == "PERSON" for k in range(a, b)):
                continue
            if not self._item(doc, a, b):
                continue
            for m in (n - 1, n + 1):
                if not 0 <= m < len(runs):
                    continue
                (c, d), (e, f) = sorted([(a, b), runs[m]])
                between = [doc[k].lower_ for k in range(d, e)]
                if 1 <= len(between) <= 2 and all(w in _LIST_SEP for w in between) and \
                        all(marks[k] or doc[k].ent_type_ == "PERSON" for k in range(*runs[m])):
                    for k in range(a, b):
                        marks[k] = True
                    break


def _name_like(token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or bool(_INITIAL.match(token.text))


def _capitalised_runs(doc) -> List[Tuple[int, int]]:
    """(start, end) of each run of capitalised words and initials."""
    runs, i = [], 0
    while i < len(doc):
        if not _name_like(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and _name_like(doc[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs
