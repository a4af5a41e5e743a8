"""Words run together with no space between them: a flattened hashtag ("leadersdebate",
"whathaveidone") is common English words, not a name. Imports no recognizer, so both the
truecaser and the name recognizers can read it."""
from __future__ import annotations

from functools import lru_cache

from transforms.core.name_lexicon import is_mostly_name, name_word, zipf

UNHEARD = 2.0  # Zipf below which an unlisted word is capitalised, whatever its tag
PART = 3.8  # Zipf from which each part of a run-together word is a common word
SHORT_PART = 5.5  # the same for a part of one or two letters ("i", "to", "no")


def run_together(word: str) -> bool:
    """An unlisted word English text hardly uses that is common words that are not names
    run together: "leadersdebate", "whathaveidone", "wikipediablackout" (a flattened
    hashtag)."""
    if name_word(word) is not None or zipf(word) >= UNHEARD:
        return False
    return _parts(word.lower()) >= 2


def _part(piece: str, edge: bool) -> bool:
    if len(piece) <= 2:  # "i", "to", "no" inside ("whathaveidone"), never at an end
        return not edge and zipf(piece) >= SHORT_PART
    return zipf(piece) >= PART and not is_mostly_name(piece)


@lru_cache(maxsize=4096)
def _parts(word: str, first: bool = True) -> int:
    """The fewest common words ``word`` is made of (0: none)."""
    best = 0
    for cut in range(len(word), 0, -1):
        last = cut == len(word)
        if not _part(word[:cut], first or last):
            continue
        rest = 0 if last else _parts(word[cut:], False)
        if last or rest:
            best = 1 + rest if not best else min(best, 1 + rest)
    return best
