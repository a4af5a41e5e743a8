"""Deterministic tune / heldout halves and samples.

A corpus with its own test file uses it: heldout = test, tune = train and dev. A corpus
with a single file is split by a hash of (corpus, file, sentence index): the same
sentence always falls in the same half, on every machine, whatever the limit.
"""
from __future__ import annotations

import collections
import hashlib
from typing import List, Optional

from tests.evaluation.public.sentence import Sentence

SPLITS = ("tune", "heldout")


def stable_hash(*parts) -> int:
    return int(hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:16], 16)


def hash_half(corpus: str, doc: str, index: int) -> str:
    return SPLITS[stable_hash("split", corpus, doc, index) % 2]


def sample(sentences: List[Sentence], limit: Optional[int],
           whole_docs: bool = False) -> List[Sentence]:
    """Up to ``limit`` sentences picked by hash (spread over every file), in reading order;
    with ``whole_docs``, whole documents (conversations) until ``limit`` is reached."""
    if limit is None or len(sentences) <= limit:
        return list(sentences)
    if whole_docs:
        docs = sorted({s.doc for s in sentences}, key=lambda d: stable_hash("sample", d))
        chosen, size = set(), collections.Counter(s.doc for s in sentences)
        total = 0
        for doc in docs:
            if total >= limit:
                break
            chosen.add(doc)
            total += size[doc]
        return [s for s in sentences if s.doc in chosen]
    order = sorted(range(len(sentences)), key=lambda i: stable_hash(
        "sample", sentences[i].corpus, sentences[i].doc, sentences[i].index))
    return [sentences[i] for i in sorted(order[:limit])]
