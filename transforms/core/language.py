"""Which language a record is in (Beam-free): its own field, else a stop-word vote."""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def spacy_stop_words(language: str) -> frozenset:
    """spaCy's stop words of a language (empty if it has none), read from its
    ``stop_words`` module alone: importing ``spacy.lang.fr`` itself compiles its tokenizer
    exceptions (about 4 s), which only a French model needs."""
    spec = importlib.util.find_spec("spacy.lang")
    if not re.fullmatch(r"[a-z]{2,3}", language) or spec is None:
        return frozenset()
    for folder in spec.submodule_search_locations or ():
        path = Path(folder) / language / "stop_words.py"
        if path.is_file():
            module_spec = importlib.util.spec_from_file_location(
                f"_hushbeam_stop_words_{language}", path)
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    return frozenset()


@lru_cache(maxsize=None)
def _stop_words(language: str) -> frozenset:
    return frozenset(w.lower() for w in spacy_stop_words(language))


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
