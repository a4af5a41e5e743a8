"""How a capitalised word in written English reads: never used by English, rare, mostly a
name in the census lists (:mod:`transforms.core.name_lexicon`), the subject of a verb, in an
English line or a foreign one. Shared by the written-name rules
(:mod:`.written_name`); spaCy tokens in, booleans out. Not a recognizer: no registration.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Tuple

from transforms.core.language import spacy_stop_words
from transforms.core.name_lexicon import census_word, name_or_rare, name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, line_ranges, once_per_doc

UNSEEN = 1.5  # Zipf below which a capitalised word is a name whatever spaCy's tag
RARE = 2.0  # below: a name when spaCy tags it a proper noun
JOINS = 3.5  # a capitalised neighbour this rare (or a listed name) joins a name
LISTED_JOINS = 2.0  # wordness below which a listed neighbour joins
COMMON = 3.0  # Zipf of a common English word
FOREIGN_LANGUAGES = ("tl", "id", "ms", "fr", "es", "pt", "it", "de", "nl", "nb", "da", "sv",
                     "tr", "ro", "ca")
# Languages tweets mix with English word by word (Taglish, Indonesian and Malay tweets):
# their function words are never a name's edge, and the English words they share
# ("may", "at") say nothing of English.
MIXED_LANGUAGES = ("tl", "id", "ms")
STOPS = 0.25  # share of function words below which lowercase words are not English
SKIP_ENTS = {"PERSON", "GPE", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
             "CARDINAL", "ORDINAL"}
FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "NUM", "SYM",
                "SPACE"}
INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,3}$")
TRIPLED = re.compile(r"(.)\1\1", re.IGNORECASE)
VOWEL = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]", re.IGNORECASE)


def capitalised(token) -> bool:
    text = token.text
    return text[:1].isupper() and not text.isupper() and text.isalpha()


def plain(token) -> bool:
    """A capitalised word that may be a name: not a function word, not a never-name."""
    return (capitalised(token) and len(token.text) >= 2 and token.ent_type_ not in SKIP_ENTS
            and not any(c.isupper() for c in token.text[1:])  # "ClimateChange"
            and not token.is_stop and token.lower_ not in NOT_A_NAME
            and token.pos_ not in FUNCTION_POS)


def unseen(token) -> bool:
    """A capitalised word English (almost) never uses, spelled like a word."""
    if not plain(token) or len(token.text) < 3 or census_word(token.lower_) is not None:
        return False
    if TRIPLED.search(token.text) or not VOWEL.search(token.text):  # "Hahaaa", "Pwllh"
        return False
    rarity = zipf(token.lower_)
    return rarity < UNSEEN or (rarity < RARE and token.pos_ == "PROPN")


def part_of(token) -> Tuple[int, int]:
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


def english(sentence) -> bool:
    """Whether a line's lowercase words read as English: most of them common, and with
    three or more, a quarter of them function words. In a Malay or Japanese line every
    capitalised word is one English never uses."""
    lower = [t for t in sentence if t.is_alpha and t.is_lower]
    if len(lower) >= 2 and sum(zipf(t.text) < COMMON for t in lower) >= 0.5 * len(lower):
        return False
    return len(lower) < 3 or sum(t.is_stop for t in lower) >= STOPS * len(lower)


@lru_cache(maxsize=1)
def mixed_stops() -> frozenset:
    """The function words of :data:`MIXED_LANGUAGES` that are not English ones."""
    return frozenset().union(*(stops for stops, lang in zip(foreign_stops(), FOREIGN_LANGUAGES)
                               if lang in MIXED_LANGUAGES))


MIXED_EVIDENCE = 2  # distinct function words of a mixed language that make a line mixed


@once_per_doc
def mixed_lines(doc) -> List[bool]:
    """Per token: does its line hold :data:`MIXED_EVIDENCE` distinct lowercase function
    words of :data:`MIXED_LANGUAGES` ("nakita ni Enrique Gil sa mall")? One alone is no
    evidence: "hari", "lama", "din" are names in English lines too."""
    stops = mixed_stops()
    out = [False] * len(doc)
    for a, b in line_ranges(doc):
        mixed = len({t.text for t in doc[a:b] if t.text.islower() and t.text in stops})
        out[a:b] = [mixed >= MIXED_EVIDENCE] * (b - a)
    return out


@lru_cache(maxsize=1)
def foreign_stops() -> Tuple[frozenset, ...]:
    """spaCy's stop words of Latin-script languages tweets are often in, English ones
    taken out."""
    english_stops = spacy_stop_words("en")
    return tuple(frozenset(w for w in spacy_stop_words(lang) if w not in english_stops)
                 for lang in FOREIGN_LANGUAGES)


@lru_cache(maxsize=1)
def _shared_stops() -> Tuple[frozenset, ...]:
    """Per language of :data:`FOREIGN_LANGUAGES`: the English stop words that are its stop
    words too (Tagalog "may", "at"), in the languages tweets mix with English
    (:data:`MIXED_LANGUAGES`): on a line of that language they are no evidence of English.
    Elsewhere they count as English ("in", "is" are Dutch too)."""
    english_stops = spacy_stop_words("en")
    return tuple(frozenset(w for w in spacy_stop_words(lang) if w in english_stops)
                 if lang in MIXED_LANGUAGES else frozenset() for lang in FOREIGN_LANGUAGES)


@lru_cache(maxsize=1)
def any_foreign_stop() -> frozenset:
    """Every word of :func:`foreign_stops`, one set."""
    return frozenset().union(*foreign_stops())


def foreign_lines(doc) -> List[bool]:
    """Per token: is its line one English hardly uses (:func:`_line_languages`)?"""
    return _line_languages(doc)[1]


def foreign_by_function_words(doc) -> List[bool]:
    """Per token: is its line foreign with a function word of another language in it? Rare
    words alone are not enough: a line of a name and a foreign address ("alvir pušaver 887
    aspernstrasse 93 suite 410 schlagles austria") is mostly rare words and says a name."""
    return _line_languages(doc)[0]


@once_per_doc
def _line_languages(doc) -> Tuple[List[bool], List[bool]]:
    """Per token, (by function words, foreign): is its line one English hardly uses? More distinct function words of
    another language (:data:`FOREIGN_LANGUAGES`) than English ones (those the language
    shares, Tagalog "may", "at", not counted), three or more ("mon copain il est"), or two with half the lowercase words rare ("de" in "paien de launay"
    or "unter den" in an address are not enough), or, of six distinct lowercase words in Latin
    letters or more, two thirds rare and not listed names: a tweet in Tagalog, Indonesian
    or French. A headline and a list of names are English."""
    per_language = list(zip(foreign_stops(), _shared_stops()))
    any_foreign = any_foreign_stop()
    out, worded, start = [False] * len(doc), [False] * len(doc), 0
    for end in range(len(doc) + 1):
        if end < len(doc) and "\n" not in doc[end].text:
            continue
        words = [t for t in doc[start:end] if t.is_alpha and len(t.text) >= 2]
        lowers = [t.lower_ for t in words]
        # distinct words: a name said six times ("they had 6 walentyna walentyna ...") is
        # one rare word, not a line of them
        lower = {t.text for t in words if t.is_lower and all(c < "\u0250" for c in t.text)}
        rare = sum(zipf(w) < COMMON and census_word(w) is None for w in lower)
        distinct = set(lowers)
        english_stops = [w for t, w in zip(words, lowers) if t.is_stop]
        voted = False
        for stops, shared in per_language:
            other = len(distinct & stops)  # distinct function words of that language
            if not other:
                continue
            english_count = (sum(w not in shared for w in english_stops) if shared
                             else len(english_stops))
            if other > english_count and (other >= 3 or (other == 2 and 2 * rare >= len(lower))):
                voted = True
                break
        foreign = voted or (len(lower) >= 6 and 3 * rare >= 2 * len(lower))
        # by its words: voted, or mostly rare words with a function word of another
        # language among them ("komentar untuk penampilan ...")
        spoken = voted or (foreign and any(w in any_foreign for t, w in zip(words, lowers)
                                           if t.is_lower))
        for i in range(start, min(end + 1, len(doc))):
            out[i], worded[i] = foreign, spoken
        start = end + 1
    return worded, out


# Wordness (:mod:`transforms.core.name_lexicon`) below which a listed word is evidence of a
# name on a foreign line: census surnames include many Tagalog and Spanish words ("talaga",
# "grabe", "mata", wordness about 0.3 to 0.5) that such a line is full of; a given name
# ("maria" -0.6, "ramon" -0.6) is well below.
FOREIGN_NAMEDNESS = 0.0


def name_evidence(word: str) -> bool:
    """A lowercase word that is evidence of a name even on a line mostly not English: a
    listed name, mostly a name, and clearly more a name than a word
    (:data:`FOREIGN_NAMEDNESS`)."""
    entry = name_word(word)
    return entry is not None and entry.mostly_name and entry.wordness < FOREIGN_NAMEDNESS


def joins(token) -> bool:
    return plain(token) and name_or_rare(token.lower_, LISTED_JOINS, JOINS)


def namely(token) -> bool:
    """Capitalised, and mostly a name in the lists or a rare unlisted word ("Tomo")."""
    if not plain(token):
        return False
    word = name_word(token.lower_)
    return word.mostly_name if word is not None else zipf(token.lower_) < RARE + 1.0


def sentence_start(token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_punct and prev.text not in (",", "(", "&", "-", "'", "’", ":", "/")


def subject(token) -> bool:
    """Followed by its verb ("Budjana also owns", "Gabe is")."""
    doc = token.doc
    j = token.i + 1
    while j < len(doc) and (unseen(doc[j]) or doc[j].pos_ == "ADV"):
        j += 1
    return j < len(doc) and doc[j].pos_ in ("AUX", "VERB")
