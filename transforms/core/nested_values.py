"""Walk the strings inside a nested value (dicts, lists, numbers) and put them back.

RedactText scans every string of a kept field, however deep, the keys of its objects
included (a vendor's custom fields may key a value by an email or a phone); the leak guard
re-scans them. Booleans and nulls are never personal data and are left out. What is scanned
depends on the field's kind (:func:`scanned_strings`): numbers too for free fields, only
strings for ``analytics``, and ``turns`` as one dialogue of their texts.

Nesting is bounded: :data:`MAX_NESTING_DEPTH` is the deepest a record may be. The readers
dead-letter a deeper record before parsing it (``nesting_too_deep``), so no recursion
over a record's value (the JSON decoder, these walks, ``json.dumps``, Beam's coders) can
exhaust the stack; the walks here check it again and raise :class:`NestingTooDeep`.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, List, Tuple

from transforms.core.formats.canonical import dialogue, from_dialogue, turn_texts

# The deepest nesting of a record: objects and arrays, the record itself counting as 1.
# A conversation needs 3 or 4 (record > custom fields > list > object); 64 leaves room
# and stays far below Python's recursion limit (1000) and the stack of every walker.
MAX_NESTING_DEPTH = 64

# A key that is a schema's name (``callback_note``, ``preferredTime``, ``talk-time``: ASCII
# letters joined by ``_ - .``, no digit, blank or ``@``) is not scanned: the detectors read
# such names out of context (a French record's ``callback_note`` was taken for a username).
# Any other key (an email, a phone, a name with a blank, an id with digits) is.
_SCHEMA_NAME = re.compile(r"[A-Za-z]+(?:[_.\-][A-Za-z]+)*")


def _scanned_key(key: Any) -> bool:
    return isinstance(key, str) and not _SCHEMA_NAME.fullmatch(key)


class NestingTooDeep(ValueError):
    """A value nested deeper than MAX_NESTING_DEPTH (its message holds no data)."""

    reason = "nesting_too_deep"

    def __init__(self):
        super().__init__(f"nested deeper than {MAX_NESTING_DEPTH}")


def scanned_strings(kind: str, value: Any) -> List[str]:
    """The strings RedactText scans in a field of this kind (see the module)."""
    if kind == "turns":
        return [dialogue(value)] if isinstance(value, list) and turn_texts(value) else []
    metrics = kind == "analytics"  # a vendor's metrics: their names are its schema's
    return [text for _, text in collect_strings(value, numbers=not metrics, keys=not metrics)]


def with_scanned_strings(kind: str, value: Any, texts: List[str]) -> Any:
    """Inverse of :func:`scanned_strings`; None for turns whose redacted dialogue no
    longer splits into them (see ``canonical.from_dialogue``)."""
    if kind == "turns":
        return from_dialogue(value, texts[0])
    metrics = kind == "analytics"
    return replace_strings(value, texts, numbers=not metrics, keys=not metrics)


def collect_strings(value: Any, path: str = "", numbers: bool = True,
                    keys: bool = True) -> List[Tuple[str, str]]:
    """(path, string) for every string (and number, unless ``numbers`` is False; each key
    of an object before its value, unless ``keys`` is False) inside a nested value, in
    order."""
    out: List[Tuple[str, str]] = []
    _collect(value, path, 0, out, numbers, keys)
    return out


def _collect(value: Any, path: str, depth: int, out: List[Tuple[str, str]],
             numbers: bool, keys: bool = True) -> None:
    if isinstance(value, str):
        out.append((path, value))
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, (int, float)):
        if numbers:
            out.append((path, str(value)))
    elif isinstance(value, (dict, list)):
        if depth >= MAX_NESTING_DEPTH:
            raise NestingTooDeep()
        if isinstance(value, dict):
            for key in value:
                inner = f"{path}.{key}" if path else str(key)
                if keys and _scanned_key(key):  # kept text too (an email keyed to its use)
                    out.append((inner + "{key}", key))
                _collect(value[key], inner, depth + 1, out, numbers, keys)
        else:
            for i, item in enumerate(value):
                _collect(item, f"{path}[{i}]", depth + 1, out, numbers, keys)


def _unused_key(taken: dict, key: Any) -> Any:
    """``key``, or ``key #2``, ``#3``... when two keys redact to the same text (two emails
    as ``<EMAIL>``): every value is kept."""
    if key not in taken:
        return key
    n = 2
    while f"{key} #{n}" in taken:
        n += 1
    return f"{key} #{n}"


def replace_strings(value: Any, new: Iterable[str], numbers: bool = True,
                    keys: bool = True) -> Any:
    """Inverse of :func:`collect_strings`: put redacted strings back, same order and shape."""
    it = iter(new)

    def walk(v: Any, depth: int) -> Any:
        if isinstance(v, str):
            return next(it)
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, (int, float)):
            if not numbers:
                return v
            text = next(it)
            return v if text == str(v) else text
        if isinstance(v, (dict, list)) and depth >= MAX_NESTING_DEPTH:
            raise NestingTooDeep()
        if isinstance(v, dict):
            out = {}
            for k, item in v.items():
                key = next(it) if keys and _scanned_key(k) else k
                value = walk(item, depth + 1)
                out[_unused_key(out, key)] = value
            return out
        if isinstance(v, list):
            return [walk(item, depth + 1) for item in v]
        return v

    return walk(value, 0)
