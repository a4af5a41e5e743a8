"""Which language a record is in (Beam-free): its own field, else a stop-word vote."""
from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Optional, Sequence

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _stop_words(language: str) -> frozenset:
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in module.STOP_WORDS)


def from_field(value: object, supported: Sequence[str]) -> Optional[str]:
    """'fr', 'FR', 'fr-CA', 'fr_FR' -> 'fr' if supported, else None."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return code if code in supported else None


def detect(text: str, supported: Sequence[str], default: str) -> str:
    """The supported language whose stop words cover most of the text's words.

    Needs a clear lead (at least 5 words and 1.5 times the runner-up); otherwise the
    policy's default language.
    """
    words = [w.lower() for w in _WORD.findall(text)[:400]]
    if len(words) < 5 or len(supported) < 2:
        return default
    scores = sorted(((sum(w in _stop_words(lang) for w in words), lang) for lang in supported),
                    reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= 5 and best >= 1.5 * second else default
