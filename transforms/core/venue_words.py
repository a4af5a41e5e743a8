"""Names of things that are no person (issue 9, task-oriented dialogues): the venues,
teams, bands and titles a booking or entertainment dialogue is full of, read from the
shape of the text, not from a list of venues.

- :func:`plural_noun`: a word that is the plural of an English word and no listed name
  ("Dragons", "Dodgers", "Giants"): a team, a band, a group; census surnames that look
  plural ("Brooks", "Rivers", "Jones") are listed and stay names, and so do families
  ("the Obamas", "the Stoners": a rare plural, or the plural of a listed name);
- :func:`after_the`: a word right after "the" (or after "the" and a hyphenated word: "the
  Ritz-Carlton"), or inside a place or organisation span
  that "the" opens ("the golden gate bridge", "the crowne plaza"): English puts no
  article before a person's name, but for a name used before a noun ("the Denzel
  Washington movie", "the Barros novel": a listed word mostly a name stays one, so a
  venue named after a person, "the Hyatt Regency", loses the name, as the issue asks
  of organisations that hold one);
- :func:`named_thing`: the name given after "a restaurant named", "the hotel called", "a
  song titled": a kind of place or thing (:data:`KINDS`, no venue's name) before the cue
  says what is named is no person ("a guy named" still is);
- :func:`numbered`: a span the NER read with a number in it ("Toy Story 4"): a title or
  a sequel, not a person.
"""
from __future__ import annotations

from typing import List

from transforms.core.name_lexicon import name_word, zipf
from transforms.core.recognizers.common import once_per_doc

PLURAL_ZIPF = 3.0  # Zipf from which an unlisted plural is in common use ("obamas" is not)
SINGULAR_ZIPF = 3.0  # Zipf of its singular from which that is an English word ("beatle" is not)
PLURAL_DROP = 0.8  # how much rarer than the singular the plural may be ("clintons" is more)
NAME_SINGULAR = 1.0  # wordness below which a listed singular makes a family ("Stoners")
# Kinds of places and things a dialogue names with "named" / "called" (not people); no
# word that is also a common surname ("Park", "Church", "Street").
KINDS = {"restaurant", "hotel", "motel", "hostel", "inn", "bar", "pub", "cafe", "café",
         "bistro", "diner", "bakery", "eatery", "venue", "club", "theater", "theatre",
         "cinema", "movie", "film", "show", "series", "song", "track", "album", "band",
         "book", "novel", "game", "app", "company", "business", "shop", "store", "brand",
         "neighborhood", "neighbourhood", "attraction", "museum", "gallery", "salon", "spa",
         "gym", "airline"}
# Nouns after which a word that "the" opens is a family's or a guest's surname.
PARTIES = {"party", "parties", "family", "families", "reservation", "booking", "account",
           "household", "group", "wedding", "funeral", "order", "residence", "estate", "home",
           "house", "kids", "children", "twins", "brothers", "sisters"}
NAMING = {"named", "called", "titled", "entitled", "name"}
RUN = 3  # words of a name after its cue
NAME_PAIR = 2.0  # wordness below which two listed words in a row read as a full name
SPAN_NAME = 1.0  # wordness below which a listed word after "the" is still a name ("the Barros
# novel", "the Thomas A. Scott Chair"); a venue's name holding a person's name keeps it out
_HYPHENS = {"-", "–"}
_NAMED_THINGS = {"FAC", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT"}


def plural_noun(word: str) -> bool:
    """An unlisted word ending in one "s", in common use, whose singular English uses and
    no census name mostly is ("dodgers", "giants"; not "obamas", "stoners", "jones")."""
    low = word.lower()
    if len(low) < 4 or not low.isalpha() or not low.endswith("s") or low.endswith("ss"):
        return False
    if name_word(low) is not None:
        return False
    singular, plural = low[:-1], zipf(low)
    if not any(c in "aeiouy" for c in singular):
        return False  # "https", "pcs": no English singular
    listed = name_word(singular)
    return (plural >= PLURAL_ZIPF and zipf(singular) >= SINGULAR_ZIPF
            and plural >= zipf(singular) - PLURAL_DROP
            and (listed is None or listed.wordness >= NAME_SINGULAR))


@once_per_doc
def _entity_starts(doc) -> List[int]:
    """For each token, the first token of the entity span it is inside (itself outside
    one), found once per doc: a 6,000-word span walked back from each word is slow."""
    starts, start = [], 0
    for token in doc:
        if token.ent_iob_ != "I":
            start = token.i
        starts.append(start)
    return starts


def after_the(token) -> bool:
    """Right after "the" (a hyphenated word between allowed), or inside a
    FAC/ORG/work/event/product span that "the" opens or precedes, unless the word is a
    listed name more than a word (:data:`SPAN_NAME`), half of a full name, or before a
    party noun ("the Okafor party", :data:`PARTIES`)."""
    doc = token.doc
    if _beside_a_name(token) or _listed_below(token, SPAN_NAME):
        return False  # "the Denzel Washington movie", "the Barros novel", "the Hyatt"
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in PARTIES:
        return False  # "the Okafor party": a booking under a surname
    j = token.i - 1
    while j >= 2 and doc[j].text in _HYPHENS and not doc[j].whitespace_ \
            and not doc[j - 1].whitespace_:
        j -= 2  # "the Ritz-Carlton"
    if j >= 0 and doc[j].lower_ == "the":
        return True
    if token.ent_type_ not in _NAMED_THINGS:
        return False
    start = _entity_starts(doc)[token.i]
    return doc[start].lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the")


def named_thing(token) -> bool:
    """One of the first :data:`RUN` words after "named" / "called" / "titled" / "name"
    that follows a kind of place or thing ("a restaurant named Bones", "a restaurant for
    me called Kilis Kitchen"); "called" only after "a" / "an" and its kind, since it may be
    a past tense ("the hotel called Anna")."""
    doc = token.doc
    for cue in range(token.i - 1, max(token.i - 1 - RUN, -1), -1):
        if doc[cue].lower_ in NAMING:
            break
        if doc[cue].is_punct or doc[cue].is_stop:
            return False
    else:
        return False
    i = cue - 1
    while i >= 0 and cue - i <= 3 and (doc[i].pos_ in ("ADP", "PRON") or doc[i].is_punct):
        i -= 1  # "a restaurant for me called"
    if i < 0 or doc[i].lower_ not in KINDS | {k + "s" for k in KINDS}:
        return False
    # "called" may be a past tense ("the hotel called Anna"): only after "a" / "an"
    return doc[cue].lower_ != "called" or (i > 0 and doc[i - 1].lower_ in ("a", "an"))


def _listed_below(token, wordness: float) -> bool:
    word = name_word(token.lower_) if token.is_alpha else None
    return word is not None and word.wordness < wordness


def _beside_a_name(token) -> bool:
    """The word and a neighbour are both listed names fairly rare as words: a person's
    full name used before a noun ("the Denzel Washington movie")."""
    doc = token.doc
    return _listed_below(token, NAME_PAIR) and any(
        0 <= i < len(doc) and _listed_below(doc[i], NAME_PAIR) for i in (token.i - 1, token.i + 1))


def numbered(doc, start: int, end: int) -> bool:
    """``[start, end)`` ends in a token of digits ("Toy Story 4"); digits inside it are a
    name before a house number ("thomas kruger 455 enxertos"), which stays a person."""
    return end - start >= 2 and doc[end - 1].text.isdigit()


# Words after a street's name: a plural before them is a street ("Freeman Mountains St").
STREET_AFTER = {"st", "street", "ave", "avenue", "rd", "road", "dr", "drive", "ln", "lane",
                "blvd", "suite", "ste", "apt", "unit", "way", "ct", "court", "pl", "place"}


def before_a_street_word(doc, end: int) -> bool:
    """The token after ``end`` is a street or unit word: the span is part of an address."""
    return end < len(doc) and doc[end].lower_.rstrip(".") in STREET_AFTER
