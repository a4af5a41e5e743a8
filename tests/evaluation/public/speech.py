"""The speech-style variant of a sentence, as speech recognition writes it.

Lowercased, punctuation and symbols removed (an apostrophe between letters stays:
"o'brien", "don't"), URLs dropped (nobody says them), one space between words. Entity
spans are carried over word by word, so they still point at the right characters.
"""
from __future__ import annotations

import re
import unicodedata

from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.survival import URL

_WORD = re.compile(r"\S+")


def speech_word(word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        if ch in "'’" and 0 < i < len(word) - 1 and word[i - 1].isalpha() and \
                word[i + 1].isalpha():
            out.append("'")
        elif unicodedata.category(ch)[0] not in "PS":
            out.append(ch)
    return "".join(out).lower()


def speech(sentence: Sentence) -> Sentence:
    words, entities, pos = [], {e: [None, None] for e in sentence.entities}, 0
    for m in _WORD.finditer(sentence.text):
        inside = [e for e in entities if e.start < m.end() and m.start() < e.end]
        word = "" if URL.match(m.group(0)) and not inside else speech_word(m.group(0))
        if not word:
            continue
        start = pos + (1 if words else 0)
        words.append(word)
        pos = start + len(word)
        for e in inside:
            span = entities[e]
            span[0] = start if span[0] is None else span[0]
            span[1] = pos
    kept = tuple(Entity(a, b, e.type) for e, (a, b) in entities.items() if a is not None)
    return Sentence(sentence.corpus, sentence.doc, sentence.index, " ".join(words),
                    tuple(sorted(kept, key=lambda e: e.start)))
