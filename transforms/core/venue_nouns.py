"""Words of a venue's name (issue 9, task-oriented dialogues): a capitalised run that holds
or precedes a noun for a kind of venue ("Alamo Drafthouse Cinema Mueller", "the Harkins
theater", "Star Cinema Cypress") names a place, not a person.

A word of that run the census lists as a name not much more a word ("Mueller",
"Harkins", "Abbey", "Rahman"; wordness below :data:`NAME_WORDNESS`) still goes, as after "the"
(:func:`..venue_words.after_the`): a venue named after a person loses the name, and a
caller's name heard as "Abbey Hotel" stays a name. So does a rare word the census lists do
not hold ("Yilmaz Hotel", "Santikos Cinema"), unless two common words make it
("Drafthouse"): a name from elsewhere looks the same. A possessive parts the run ("Anna's
restaurant"): Anna stays a person. In a line without capitals (speech-style text) the
run is one of content words, two each side ("star cinema cypress"), parted by function
words ("with maria at the cinema").
"""
from __future__ import annotations

from typing import List

from transforms.core.name_lexicon import name_or_rare, name_word, zipf
from transforms.core.recognizers.common import line_ranges, once_per_doc

# Nouns for kinds of venues a booking or entertainment dialogue names; none a census
# name more than a word ("Grill", "Bar", "Inn" left out).
VENUES = {"cinema", "cinemas", "theater", "theaters", "theatre", "theatres", "cineplex",
          "multiplex", "megaplex", "hotel", "hotels", "motel", "restaurant", "restaurants",
          "cafe", "café", "bistro", "diner", "brewery", "brewhouse", "pizzeria", "steakhouse",
          "tavern", "museum", "gallery", "stadium", "arena", "casino", "resort", "mall"}
NAME_WORDNESS = 2.0  # wordness below which a listed word stays a name: "Abbey", "Rahman"
# (1.3), "Khalid" (1.8); "Cypress" (1.8), "Regal" (1.9) go too, no rule tells them apart
RARE = 3.5  # Zipf below which an unlisted word may be a name (gazetteer_name.RARE_WORD)
RUN = 5  # capitalised words of a run looked at on each side
CASELESS_RUN = 2  # content words, in a line without capitals ("joachim król lászló jewish
# restaurant owner": a film's cast, no venue)


@once_per_doc
def _caseless_tokens(doc) -> List[bool]:
    """For each token, whether its line holds no capital (read once per doc: a word at a
    time, a 6,000-word line would be read 6,000 times)."""
    text, flags = doc.text, [False] * len(doc)
    for first, end in line_ranges(doc):
        if first < end:
            line = text[doc[first].idx:doc[end - 1].idx + len(doc[end - 1])]
            if line == line.lower():
                flags[first:end] = [True] * (end - first)
    return flags


def _in_run(token, caseless: bool) -> bool:
    """Capitalised or digits; in a line without capitals, a content word or digits."""
    if token.is_punct or token.is_space:
        return False
    if caseless:
        return token.text.isdigit() or (token.is_alpha and not token.is_stop)
    return token.text[:1].isupper() or token.text.isdigit()


def _venue(token) -> bool:
    return token.lower_ in VENUES


def venue_run(doc, start: int, end: int) -> bool:
    """The capitalised run around ``[start, end)`` (up to :data:`RUN` words each side; in
    a line without capitals, :data:`CASELESS_RUN` content words: "star cinema cypress") holds a
    venue noun, or one follows it directly ("Harkins theater")."""
    caseless = all(_caseless_tokens(doc)[start:end])
    run = CASELESS_RUN if caseless else RUN
    a = start
    while a > 0 and start - a < run and _in_run(doc[a - 1], caseless):
        a -= 1
    b = end
    while b < len(doc) and b - end < run and _in_run(doc[b], caseless):
        b += 1
    return any(_venue(doc[i]) for i in range(a, b)) or (b < len(doc) and _venue(doc[b]))


def _compound(word: str) -> bool:
    """Two words English text uses, joined ("drafthouse", "brewhouse")."""
    return any(zipf(word[:i]) >= RARE and zipf(word[i:]) >= RARE
               for i in range(3, len(word) - 2))


def venue_word(token) -> bool:
    """A word of a venue's name (:func:`venue_run`) that is no name more than a word, nor
    a rare word the census lists do not hold (a name from elsewhere: "Yilmaz Hotel")
    unless two common words make it ("Drafthouse")."""
    if _venue(token):
        return True
    lower = token.lower_
    if token.is_alpha and name_or_rare(lower, NAME_WORDNESS, RARE) and (
            name_word(lower) is not None or not _compound(lower)):
        return False  # "Cinema Mueller", "Abbey Hotel", "Priya Ramanathan Hotel": a name goes
    return venue_run(token.doc, token.i, token.i + 1)


def venue_span(doc, start: int, end: int) -> bool:
    """Every word of ``[start, end)`` is a :func:`venue_word`."""
    return all(venue_word(doc[i]) for i in range(start, end) if not doc[i].is_punct)
