"""What flows between stages (Beam-free): a conversation element and a dead letter.

A conversation element is a dict ``{"source", "position", "fields", "known",
"raw_ids", "counts"}``; ``known``/``raw_ids`` carry the record's structured
identifiers from PseudonymizeFields to RedactText and GuardLeaks and never reach a
sink. A dead letter is ``{"stage", "source", "position", "reason", "raw"}``; it holds
raw data, so it is only ever written sealed.
"""
from __future__ import annotations

import json
from typing import Any, Optional

DEAD_LETTER = "dead_letter"
QUARANTINE = "quarantine"
METRICS_NAMESPACE = "hushbeam"


def conversation(source: str, position: int, fields: dict) -> dict:
    return {"source": source, "position": position, "fields": fields, "known": [],
            "raw_ids": [], "counts": {}}


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
