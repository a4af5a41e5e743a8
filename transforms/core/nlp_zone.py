"""spaCy's memory zone around one batch of texts, so a long run's vocabulary stays flat.

spaCy adds every new word it reads (an email, a phone number, a ticket id) to the model's
vocabulary and string store for good: over 10,000 conversations that is tens of MB. Inside
``nlp.memory_zone()`` what a batch adds is freed when the batch is done. Docs made in the
zone must not be read after it (only the detections, plain values, leave it), and no other
thread may use the model while a zone is open, so the zone holds a lock per model: texts
of one process go through a model one batch at a time.
"""
from __future__ import annotations

import contextlib
import threading
import weakref

_LOCKS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def _lock(nlp) -> threading.Lock:
    with _GUARD:
        lock = _LOCKS.get(nlp)
        if lock is None:
            lock = _LOCKS[nlp] = threading.Lock()
        return lock


@contextlib.contextmanager
def batch_zone(analyzer, language: str):
    """The memory zone of ``analyzer``'s spaCy model for ``language`` (none for an engine
    or a spaCy without memory zones)."""
    nlp = getattr(getattr(analyzer, "nlp_engine", None), "nlp", None)
    nlp = nlp.get(language) if isinstance(nlp, dict) else None
    if nlp is None or not hasattr(nlp, "memory_zone"):
        yield
        return
    with _lock(nlp), nlp.memory_zone():
        yield
