"""Given names of other countries for French text, weighed against French word frequency
(issue 9, branch fr26).

The census lists (:mod:`transforms.core.name_lexicon`) take a world given name only when
the census lacks the word altogether, so "hermann", "friedrich" or "ludwig" (census
surnames) and "philippe" are no given names there. Here a word is a given name for French
text when notable people bear it as one (:func:`transforms.core.world_names.world_shares`,
the first words of their labels) and French text uses it less than
:data:`FRENCH_WORDNESS` Zipf above what that share predicts: "friedrich" (French Zipf 3.2,
predicted 4.1) and "laurent" (4.7, 3.4) are names; "mars" (5.3, 1.7), "ange" (4.4, 2.0)
and "papa" (4.6, 2.6) are French words that a few notable people bear.
"""
from __future__ import annotations

import functools
import math

from transforms.core.name_lexicon import name_word, unaccented
from transforms.core.world_names import world_shares

# Zipf: how much more often French text may use a word than its share of notable people as
# a given name predicts (the census scale of name_lexicon: 1 % of people at Zipf 5).
FRENCH_WORDNESS = 1.5
_ZIPF_AT_ONE_PERCENT = 5.0


@functools.lru_cache(maxsize=4096)
def world_given(low: str) -> bool:
    """Whether the lower-case ``low`` (accents folded for the look-up) is a given name of
    notable people used in French text less than :data:`FRENCH_WORDNESS` above its share."""
    from wordfreq import zipf_frequency

    share = world_shares()[0].get(unaccented(low))
    if not share:
        return False
    predicted = _ZIPF_AT_ONE_PERCENT + math.log10(share)
    return zipf_frequency(low, "fr") - predicted < FRENCH_WORDNESS


def given_rather_than_surname(low: str) -> bool:
    """Borne by more notable people as a given name than as a surname ("gustavo",
    "alicia"; not "ford", "marshall")."""
    first, last = world_shares()
    word = unaccented(low)
    return first.get(word, 0.0) > last.get(word, 0.0)



def listed_surname(low: str) -> bool:
    """A surname of the census lists or of notable people, accents folded ("kostelić",
    "bhutto")."""
    word = unaccented(low)
    entry = name_word(word)
    return (entry is not None and entry.last) or word in world_shares()[1]
