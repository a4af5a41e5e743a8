"""What a run summary keeps for its report besides counts, capped so memory stays flat:
which records were held back (conversation id and file:position, never a value) and a few
excerpts of the written, already redacted output.

``samples`` in a summary::

    {"quarantine":   {reason: [{"id": str|None, "at": "file:position"}, ...]},
     "dead_letters": {reason: [...]},
     "excerpts":     [{"key": int, "text": str}, ...]}

At most :data:`MAX_IDS` entries per reason and :data:`MAX_EXCERPTS` excerpts; merging keeps
the smallest (ids by id then place, excerpts by a hash of their record's place), so the
result does not depend on how the runner split the work.
"""
from __future__ import annotations

import itertools
import json
import os
import zlib
from typing import Iterable, List, Optional

from transforms.core.nested_values import scanned_strings
from transforms.core.pseudonym import PSEUDONYM_RE

MAX_IDS = 20
MAX_EXCERPTS = 5
EXCERPT_CHARS = 400
EXCERPT_LINES = 6
ID_CHARS = 80
ID_FIELD = "conversation_id"
HELD_KINDS = ("quarantine", "dead_letters")
# Stages whose dead letters hold the record as pseudonymized (a vendor's own id is
# pseudonymized by PseudonymizeFields, so before it the id field may hold a raw value).
_AFTER_PSEUDONYMIZATION = frozenset({"redact", "guard", "rows"})


def empty() -> dict:
    return {"quarantine": {}, "dead_letters": {}, "excerpts": []}


def held_entry(letter: dict, passthrough: Iterable[str]) -> dict:
    """The id and place of a dead letter or quarantined record. The id is shown only as the
    output has it: a passthrough ``conversation_id`` or a pseudonym, and only from a stage
    after pseudonymization; otherwise None (reported as "(no id)")."""
    source, position = letter.get("source"), letter.get("position")
    at = f"{os.path.basename(str(source))}:{position}" if source is not None else None
    return {"id": _output_id(letter, frozenset(passthrough)), "at": at}


def _output_id(letter: dict, passthrough: frozenset) -> Optional[str]:
    if letter.get("stage") not in _AFTER_PSEUDONYMIZATION:
        return None
    raw = letter.get("raw")
    try:
        fields = json.loads(raw) if isinstance(raw, str) else None
    except (ValueError, RecursionError):
        return None
    value = fields.get(ID_FIELD) if isinstance(fields, dict) else None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    value = str(value)
    if ID_FIELD in passthrough or PSEUDONYM_RE.fullmatch(value):
        return value[:ID_CHARS]
    return None


def excerpt_of(element: dict, field_kinds: dict) -> Optional[dict]:
    """An excerpt of a written record: the lines of its scanned text fields as they are
    written, cut to :data:`EXCERPT_LINES` and :data:`EXCERPT_CHARS`; None if no text."""
    every = (" ".join(line.split()) for field, kind in field_kinds.items()
             for text in scanned_strings(kind, element["fields"].get(field))
             for line in str(text).splitlines() if line.strip())
    lines: List[str] = list(itertools.islice(every, EXCERPT_LINES + 1))  # one more: "…"
    if not lines:
        return None
    text = "\n".join(lines[:EXCERPT_LINES])
    if len(text) > EXCERPT_CHARS or len(lines) > EXCERPT_LINES:
        text = text[:EXCERPT_CHARS - 1].rstrip() + "…"
    place = f"{os.path.basename(str(element.get('source')))}\0{element.get('position')}"
    key = zlib.crc32(place.encode("utf-8"))  # the same file name and place: the same pick
    return {"key": key, "text": text}


def _id_order(entry: dict):
    return (entry.get("id") is None, entry.get("id") or "", entry.get("at") or "")


def add_held(samples: dict, kind: str, reason: str, entry: dict) -> None:
    entries = samples[kind].setdefault(reason, [])
    if len(entries) < MAX_IDS or _id_order(entry) < _id_order(entries[-1]):
        entries.append(entry)
        entries.sort(key=_id_order)
        del entries[MAX_IDS:]


def add_excerpt(samples: dict, excerpt: dict) -> None:
    excerpts = samples["excerpts"]
    excerpts.append(excerpt)
    excerpts.sort(key=lambda e: (e["key"], e["text"]))
    del excerpts[MAX_EXCERPTS:]


def merge(all_samples: Iterable[Optional[dict]]) -> dict:
    out = empty()
    for samples in all_samples:
        if not samples:
            continue  # an older summary has none
        for kind in HELD_KINDS:
            for reason, entries in samples.get(kind, {}).items():
                for entry in entries:
                    add_held(out, kind, reason, entry)
        for excerpt in samples.get("excerpts", []):
            add_excerpt(out, excerpt)
    return out
