"""What flows between stages (Beam-free): a conversation element and a dead letter.

A conversation element is a dict ``{"source", "position", "fields", "known",
"raw_ids", "counts"}`` (and ``id_fields`` for a vendor's record); ``known``/``raw_ids``
carry the record's identifiers (display names from the reader, structured ones from
PseudonymizeFields) to RedactText and GuardLeaks and never reach a sink. A dead letter is
``{"stage", "source", "position", "reason", "raw"}``; it holds raw data, so it is only ever
written sealed.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

from transforms.core.spans import NAME, KnownIdentifier

DEAD_LETTER = "dead_letter"
QUARANTINE = "quarantine"
METRICS_NAMESPACE = "hushbeam"


def conversation(source: str, position: int, fields: dict, names: Iterable[str] = (),
                 id_fields: Iterable[str] = (), input_format: Optional[str] = None) -> dict:
    """A record read from ``source``: ``names`` (display names from a vendor's metadata)
    are found again in its text, ``id_fields`` (fields holding a vendor's ids) are
    pseudonymized, and ``input_format`` is counted."""
    element = {"source": source, "position": position, "fields": fields,
               "known": [KnownIdentifier("PERSON", NAME, n) for n in names],
               "raw_ids": [], "counts": {}}
    if id_fields:
        element["id_fields"] = list(id_fields)
    if input_format:
        add_counts(element, "input_formats", {input_format: 1})
    return element


def dead_letter(stage: str, source: str, position: int, reason: str,
                raw: Optional[Any] = None) -> dict:
    if raw is not None and not isinstance(raw, str):
        raw = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    return {"stage": stage, "source": source, "position": position, "reason": reason,
            "raw": raw}


def add_counts(element: dict, group: str, counts: dict) -> None:
    """Accumulate per-record counts (entity types, fields) for the run summary."""
    bucket = element["counts"].setdefault(group, {})
    for key, n in counts.items():
        if n:
            bucket[key] = bucket.get(key, 0) + n
