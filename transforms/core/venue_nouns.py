"""Words of a venue's name (issue 9, task-oriented dialogues): a capitalised run that holds
or precedes a noun for a kind of venue ("Alamo Drafthouse Cinema Mueller", "the Harkins
theater", "Star Cinema Cypress") names a place, not a person.

A word of that run the census lists mostly as a name ("Mueller", "Harkins", "Cranford")
still goes, as after "the" (:func:`..venue_words.after_the`): a venue named after a
person loses the name. A possessive parts the run ("Anna's restaurant"): Anna stays a
person.
"""
from __future__ import annotations

from transforms.core.name_lexicon import name_word

# Nouns for kinds of venues a booking or entertainment dialogue names; none a census
# name more than a word ("Grill", "Bar", "Inn" left out).
VENUES = {"cinema", "cinemas", "theater", "theaters", "theatre", "theatres", "cineplex",
          "multiplex", "megaplex", "hotel", "hotels", "motel", "restaurant", "restaurants",
          "cafe", "café", "bistro", "diner", "brewery", "brewhouse", "pizzeria", "steakhouse",
          "tavern", "museum", "gallery", "stadium", "arena", "casino", "resort", "mall"}
NAME_WORDNESS = 1.0  # wordness below which a listed word stays a name (venue_words.SPAN_NAME)
RUN = 5  # capitalised words of a run looked at on each side


def _capitalised(token) -> bool:
    return (token.text[:1].isupper() or token.text.isdigit()) and not token.is_punct


def _venue(token) -> bool:
    return token.lower_ in VENUES


def venue_run(doc, start: int, end: int) -> bool:
    """The capitalised run around ``[start, end)`` (up to :data:`RUN` words each side)
    holds a venue noun, or one follows it directly ("Harkins theater")."""
    a = start
    while a > 0 and start - a < RUN and _capitalised(doc[a - 1]):
        a -= 1
    b = end
    while b < len(doc) and b - end < RUN and _capitalised(doc[b]):
        b += 1
    return any(_venue(doc[i]) for i in range(a, b)) or (b < len(doc) and _venue(doc[b]))


def venue_word(token) -> bool:
    """A word of a venue's name (:func:`venue_run`) that is no name more than a word."""
    if _venue(token):
        return True
    word = name_word(token.lower_) if token.is_alpha else None
    if word is not None and word.wordness < NAME_WORDNESS:
        return False
    return venue_run(token.doc, token.i, token.i + 1)


def venue_span(doc, start: int, end: int) -> bool:
    """Every word of ``[start, end)`` is a :func:`venue_word`."""
    return all(venue_word(doc[i]) for i in range(start, end) if not doc[i].is_punct)
