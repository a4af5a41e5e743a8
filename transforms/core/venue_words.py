"""Names of things that are no person (issue 9, task-oriented dialogues): the venues,
teams, bands and titles a booking or entertainment dialogue is full of, read from the
shape of the text, not from a list of venues.

- :func:`plural_noun`: a word that is the plural of an English word and no listed name
  ("Dragons", "Dodgers", "Giants"): a team, a band, a group; census surnames that look
  plural ("Brooks", "Rivers", "Jones") are listed and stay names;
- :func:`after_the`: a word right after "the", or inside a place or organisation span
  that "the" opens ("the golden gate bridge", "the crowne plaza", "the Hyatt Regency"):
  English puts no article before a person's name;
- :func:`numbered`: a span the NER read with a number in it ("Toy Story 4"): a title or
  a sequel, not a person.
"""
from __future__ import annotations

from transforms.core.name_lexicon import name_word, zipf

SINGULAR_ZIPF = 3.0  # Zipf of the singular from which a plural is an English plural
_NAMED_THINGS = {"FAC", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT"}


def plural_noun(word: str) -> bool:
    """An unlisted word ending in one "s" whose singular English uses ("dodgers")."""
    low = word.lower()
    if len(low) < 4 or not low.isalpha() or not low.endswith("s") or low.endswith("ss"):
        return False
    return name_word(low) is None and zipf(low[:-1]) >= SINGULAR_ZIPF


def after_the(token) -> bool:
    """Right after "the", or inside a FAC/ORG/work/event/product span that "the" opens or
    precedes."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].lower_ == "the":
        return True
    if token.ent_type_ not in _NAMED_THINGS:
        return False
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start].lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the")


def numbered(doc, start: int, end: int) -> bool:
    """A token of digits inside ``[start, end)``."""
    return any(doc[i].text.isdigit() for i in range(start, end))
