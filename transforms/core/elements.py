"""What flows between stages (Beam-free): a conversation element and a dead letter.

A conversation element is a dict ``{"source", "position", "fields", "known",
"raw_ids", "counts"}`` (and ``id_fields`` for a vendor's record); ``known``/``raw_ids``
carry the record's identifiers (display names from the reader, structured ones from
PseudonymizeFields) to RedactText and GuardLeaks and never reach a sink. A part of a
conversation other files may hold parts of also has ``join`` (``{"key", "kinds", "parts",
"input_format"}``: the vendor's conversation id, the kinds of parts present and the parts),
which JoinConversations consumes: it never leaves the read and join stages. A dead letter is
``{"stage", "source", "position", "reason", "raw"}``; it holds raw data, so it is only ever
written sealed. A position is the item's line or element (an int), or
``"<line>:<element>"`` for an element of an array on one JSON line.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional, Tuple, Union

from transforms.core.spans import NAME, KnownIdentifier

DEAD_LETTER = "dead_letter"
QUARANTINE = "quarantine"
TOKENS = "tokens"  # the vault rows (pseudonym, type, value) a stage hands to WriteVault
METRICS_NAMESPACE = "hushbeam"


def conversation(source: str, position: Union[int, str], fields: dict,
                 names: Iterable[str] = (), id_fields: Iterable[str] = (),
                 input_format: Optional[str] = None, parts: Optional[dict] = None) -> dict:
    """A record read from ``source``: ``names`` (display names from a vendor's metadata)
    are found again in its text, ``id_fields`` (fields holding a vendor's ids) are
    pseudonymized, and ``input_format`` is counted. ``parts`` (``Item.parts``) makes it
    a joinable part: ``join`` holds the join key, the part kinds present and the parts."""
    element = {"source": source, "position": position, "fields": fields,
               "known": [KnownIdentifier("PERSON", NAME, n) for n in names],
               "raw_ids": [], "counts": {}}
    if id_fields:
        element["id_fields"] = list(id_fields)
    if input_format:
        add_counts(element, "input_formats", {input_format: 1})
    if parts is not None:
        documents = {kind: docs for kind, docs in parts.items() if kind != "key"}
        element["join"] = {"key": parts["key"], "input_format": input_format,
                           "kinds": sorted(kind for kind, docs in documents.items() if docs),
                           "parts": documents}
    return element


def dead_letter(stage: str, source: str, position: Union[int, str], reason: str,
                raw: Optional[Any] = None) -> dict:
    """A dead letter; its ``raw`` is always text that UTF-8 can hold, so it can be sealed
    (a lone surrogate is kept as its ``\\udXXX`` escape), with every PIN, password or code
    after its cue masked (:func:`~transforms.core.recognizers.secret_value.mask_secrets`):
    the vault never stores one."""
    from transforms.core.recognizers.secret_value import mask_secrets  # imports spaCy-free lists

    if isinstance(raw, str):
        raw = mask_secrets(raw)
    elif raw is not None:
        walked = _without_secrets(raw, mask_secrets)
        raw = _as_text(walked) if walked is not None else _as_text(raw)
        if walked is None and raw is not None:
            raw = mask_secrets(raw)
    if raw is not None:
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            raw = raw.encode("utf-8", "backslashreplace").decode("utf-8")
    return {"stage": stage, "source": source, "position": position, "reason": reason,
            "raw": raw}


def failed(stage: str, element: Any, error: BaseException,
           reason: Optional[str] = None) -> dict:
    """The dead letter of a record its stage could not process (the safety net of a DoFn):
    ``reason``, else ``<stage>_failed:<error type>``; never the error's message, which may
    quote the data. The raw is the record as it reached the stage."""
    reason = reason or f"{stage}_failed:{type(error).__name__}"
    if not isinstance(element, dict):
        return dead_letter(stage, None, None, reason, element)
    return dead_letter(stage, element.get("source"), element.get("position"), reason,
                       element.get("fields"))


def _without_secrets(raw: Any, mask) -> Any:
    """``raw`` with each of its strings masked (not its JSON text, whose escapes would run
    into a password); None for a value too deep to walk, which is masked as text."""
    from transforms.core.nested_values import NestingTooDeep, collect_strings, replace_strings

    try:
        texts = [text for _, text in collect_strings(raw, numbers=False)]
    except (NestingTooDeep, RecursionError):
        return None
    masked = [mask(text) for text in texts]
    return raw if masked == texts else replace_strings(raw, masked, numbers=False)


def _as_text(raw: Any) -> Optional[str]:
    try:
        return json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    except (ValueError, TypeError, RecursionError):  # kept, if not as JSON
        try:
            return repr(raw)
        except RecursionError:
            return None


def position_order(position: Union[int, str]) -> Tuple[int, int]:
    """A sort key for positions of either kind: 3 -> (3, 0), "3:2" -> (3, 2)."""
    if isinstance(position, int):
        return (position, 0)
    line, _, element = str(position).partition(":")
    try:
        return (int(line), int(element or 0))
    except ValueError:
        return (0, 0)


# The counts group of entities by type and field: "PERSON in transcript_text" -> n.
ENTITIES_BY_TYPE_FIELD = "entities_by_type_field"
_IN = " in "


def type_in_field(entity: str, field: str) -> str:
    return f"{entity}{_IN}{field}"


def split_type_in_field(key: str) -> Tuple[str, str]:
    """(entity, field) of a :func:`type_in_field` key."""
    entity, _, field = key.partition(_IN)
    return entity, field


def add_counts(element: dict, group: str, counts: dict) -> None:
    """Accumulate per-record counts (entity types, fields) for the run summary, in a new
    ``counts`` mapping: ``element`` is a stage's own copy of its input (``dict(input,
    ...)``), whose ``counts`` the input shares; the input is left as it was (a runner may
    read it again: the Dask runner's persisted partitions)."""
    bucket = dict(element["counts"].get(group, {}))
    for key, n in counts.items():
        if n:
            bucket[key] = bucket.get(key, 0) + n
    element["counts"] = {**element["counts"], group: bucket}
