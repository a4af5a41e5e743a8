"""Rare words that are regular forms of common English words: "assignees", "sublicenses",
"complainers", "undrawn", "nonpayment", "cuteness". wordfreq counts each spelling on its
own, so an inflected or derived form of a common word can be as rare in its list as a
name English never uses ("oluwaseun"), and the rules that read rarity as a name took it:
the truecaser capitalised it for the NER, a speech cue took it as the name after it
("the prior consent of the assignees"). A form is a common stem (Zipf >= 3.5, at least
four letters, no listed name) with a regular suffix ("-s", "-ed", "-ing", "-ers", "-ees",
"-ness", "-ment", ...) or a prefix ("un-", "non-", "sub-", "re-", ...). Only unlisted
words of six letters or more are read: names the lists hold ("Fleming", "Coburn") and
short ones are never forms. "-er" alone is no suffix here: surnames are made so
("Mailer", "Pinker"). Imports no recognizer, so the truecaser and the name recognizers
can both read it."""
from __future__ import annotations

from functools import lru_cache

from transforms.core.name_lexicon import name_word, zipf

STEM = 3.5  # Zipf from which a stem is a common English word
RARE = 3.0  # Zipf from which a word is no rare form: "republic" is a word in its own right
SHORTEST = 6  # letters; a shorter word is never read as a form
AMBIGUOUS = 2.0  # wordness below which a listed stem is a name, not a word ("sam", "kate")
# Suffix -> the endings its stem may have lost: "cuteness" (cute), "studies" (study),
# "transmittal" is not read ("-al" makes names: "Vidal").
_SUFFIXES = (("ments", ""), ("ment", ""), ("ness", ""), ("less", ""), ("ings", ""),
             ("ing", "e"), ("ers", "e"), ("ees", "e"), ("ies", "y"), ("ied", "y"),
             ("ity", "e"), ("able", "e"), ("ee", "e"), ("ed", "e"), ("es", ""), ("s", ""))
_PREFIXES = ("non", "sub", "un", "re", "pre", "mis", "dis", "over", "under", "out", "co")


def _common(stem: str) -> bool:
    if len(stem) < 4 or zipf(stem) < STEM:
        return False
    entry = name_word(stem)
    return entry is None or entry.wordness >= AMBIGUOUS


def stems(word: str, suffix: str, restore: str):
    """The stems ``word`` may have before ``suffix`` ("cuteness" -> cute; "studies" ->
    studi, study; "shopping" -> shopp, shop)."""
    stem = word[:-len(suffix)]
    yield stem
    if restore:
        yield stem + restore  # "cuteness" -> no change; "studies" -> "study"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        yield stem[:-1]  # "shopping" -> "shop"


@lru_cache(maxsize=8192)
def english_form(word: str) -> bool:
    """An unlisted word of six letters or more made of a common English stem and a
    regular suffix or prefix, itself rare (Zipf < 3): "assignees" (assign), "sublicenses"
    (licenses), "complainers", "undrawn", "nonpayment". Not "oluwaseun", "kowalczyk",
    "mailer", nor "republic" (common: the tagger's proper noun in "kyrgyz republic")."""
    word = word.lower()
    if len(word) < SHORTEST or not word.isalpha() or name_word(word) is not None \
            or zipf(word) >= RARE:
        return False
    for suffix, restore in _SUFFIXES:
        if word.endswith(suffix) and any(_common(s) or (s != word and _suffixed(s))
                                         for s in stems(word, suffix, restore)):
            return True
    return any(word.startswith(p) and (_common(word[len(p):]) or english_form(word[len(p):]))
               for p in _PREFIXES)  # "sublicensees": "sub" and a form of "license"


def _suffixed(stem: str) -> bool:
    """The stem itself a common stem with "-ee" or "-er" ("assignee", "complainer")."""
    return any(stem.endswith(end) and _common(stem[:-len(end)]) for end in ("ee", "er"))
