"""The speech-style variant of a sentence, as speech recognition writes it.

Lowercased; an email spoken out ("jane dot doe at example dot com"); punctuation between
letters or digits becomes a space ("555-0147" -> "555 0147", "u.s." -> "u s", a run of
marks between letters one space: 'Lauren:"I'm' -> "lauren i'm"), except an
apostrophe between letters ("o'brien", "don't"); other punctuation and symbols removed;
URLs dropped (nobody says them); one space between words. Entity spans are carried over
word by word, so they still point at the right characters; a span that starts or ends
inside a written word ("Mr.Sanjay") keeps to its part when the word splits there.
"""
from __future__ import annotations

import re
import unicodedata

from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.survival import URL

_WORD = re.compile(r"\S+")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPOKEN = {"@": " at ", ".": " dot ", "-": " dash ", "_": " underscore ", "+": " plus "}


def speech_word(word: str) -> str:
    email = _EMAIL.search(word)
    if email:
        said = "".join(_SPOKEN.get(c, c) for c in email.group(0))
        word = word[:email.start()] + " " + said + " " + word[email.end():]
    out = []
    for run in _RUNS.finditer(word):
        a, b = run.span()
        inner = 0 < a and b < len(word) and word[a - 1].isalnum() and word[b].isalnum() and (
            b - a == 1 or (word[a - 1].isalpha() and word[b].isalpha()))
        if unicodedata.category(run.group(0)[0])[0] not in "PS":
            out.append(run.group(0))
        elif run.group(0) in ("'", "’") and inner and word[a - 1].isalpha() and word[b].isalpha():
            out.append("'")
        elif inner:
            out.append(" ")
    return " ".join("".join(out).lower().split())


# Runs of punctuation and symbols, and runs of anything else: one mark between two letters
# or digits is a space, and so is a longer run between two letters ('Kimberly:"I'm' ->
# "kimberly i'm", not "kimberlyi'm"); a longer run between digits is dropped, as ASR
# glues what it cannot say ("%20|1.2.3.4|%20" -> "201 2 3 420").
_RUNS = re.compile(r"(?:[^\w\s]|_)+|[^\W_]+|\s+")


def _inner_start(word: str, before: str, start: int) -> int:
    """Where an entity that starts inside a written word ("Mr.|Sanjay") starts in its
    speech form ("mr sanjay"): after the spoken prefix, when the word splits there."""
    said = speech_word(before) if before else ""
    return start + len(said) + 1 if said and word.startswith(said + " ") else start


def _inner_end(word: str, after: str, end: int) -> int:
    """Where an entity that ends inside a written word ("Goel|,Advocate") ends."""
    said = speech_word(after) if after else ""
    return end - len(said) - 1 if said and word.endswith(" " + said) else end


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
            span[0] = _inner_start(word, sentence.text[m.start():e.start], start) \
                if span[0] is None else span[0]
            span[1] = _inner_end(word, sentence.text[e.end:m.end()], pos)
    kept = tuple(Entity(a, b, e.type) for e, (a, b) in entities.items() if a is not None)
    return Sentence(sentence.corpus, sentence.doc, sentence.index, " ".join(words),
                    tuple(sorted(kept, key=lambda e: e.start)))
