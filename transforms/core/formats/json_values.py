"""JSON text -> one checked value, or the elements of one array, never an exception.

What a record may hold is decided here, once, for every JSON-based format:

* nesting at most :data:`~transforms.core.nested_values.MAX_NESTING_DEPTH` deep, checked
  on the text before the decoder recurses (``nesting_too_deep``);
* integers that fit in 64 bits and finite floats; ``NaN``/``Infinity`` literals, 1e999
  and a 400-digit integer are ``number_out_of_range``;
* each key once per object (``duplicate_key``: which of two values is meant is unknown);
* Unicode text only: a lone surrogate (``"\\ud800"`` is valid JSON, but no UTF-8 can hold
  it, so Arrow, sealing and spaCy would fail on it later) is ``invalid_unicode``; bytes
  that are not UTF-8 are ``not_utf8``.

Reasons are codes: never a value, a key or a number from the data.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
from typing import Any, List, Optional, Tuple

from transforms.core.formats.base import MAX_RAW_CHARS, shape_problem
from transforms.core.nested_values import MAX_NESTING_DEPTH

INVALID_JSON = "invalid_json"
NESTING_TOO_DEEP = "nesting_too_deep"
NUMBER_OUT_OF_RANGE = "number_out_of_range"
DUPLICATE_KEY = "duplicate_key"
INVALID_UNICODE = "invalid_unicode"
NOT_UTF8 = "not_utf8"

JSON_SPACE = " \t\r\n"  # the only whitespace JSON allows between tokens
BOM = "\ufeff"
BOM_BYTES = BOM.encode("utf-8")

_INT64 = (-(2 ** 63), 2 ** 63 - 1)
# A string (its closing quote optional: an unterminated one runs to the end) or one
# structural character; everything else (numbers, literals, ':') is skipped over.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{},]', re.DOTALL)
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]")  # undecodable bytes, by surrogateescape
_OTHER_SURROGATES = re.compile("[\ud800-\udc7f\udd00-\udfff]")


class BadJson(ValueError):
    """JSON text that is not a value a record may hold; ``reason`` is a code, no data."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class NotOneArray(ValueError):
    """The text is not one array (closed, then only whitespace) whose elements split."""


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


def exceeds_depth(text: str, limit: int = MAX_NESTING_DEPTH) -> bool:
    """Whether the JSON text nests objects and arrays deeper than ``limit``; from the
    text, without recursion (brackets inside strings do not count)."""
    if text.count("[") + text.count("{") <= limit:  # cannot be deeper: no scan
        return False
    depth = 0
    for match in _TOKENS.finditer(text):
        char = match.group()[0]
        if char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _int(text: str) -> int:
    if len(text.lstrip("-")) > 19:  # over 19 digits is past int64 (and int()'s digit cap)
        raise BadJson(NUMBER_OUT_OF_RANGE)
    value = int(text)
    if not _INT64[0] <= value <= _INT64[1]:
        raise BadJson(NUMBER_OUT_OF_RANGE)
    return value


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999
        raise BadJson(NUMBER_OUT_OF_RANGE)
    return value


def _constant(name: str):  # NaN, Infinity, -Infinity: Python's json accepts them
    raise BadJson(NUMBER_OUT_OF_RANGE)


def _object(pairs: List[Tuple[str, Any]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise BadJson(DUPLICATE_KEY)
    return obj


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_int=_int, parse_float=_float,
                            parse_constant=_constant)


def parse_value(text: str) -> Any:
    """The one JSON value of ``text``, checked as the module says; else BadJson."""
    if _ESCAPED_BYTES.search(text):
        raise BadJson(NOT_UTF8)
    if exceeds_depth(text):
        raise BadJson(NESTING_TOO_DEEP)
    try:
        value = _DECODER.decode(text)
    except BadJson:
        raise
    except RecursionError:  # not reached below the depth limit; kept as a guard
        raise BadJson(NESTING_TOO_DEEP) from None
    except ValueError:
        raise BadJson(INVALID_JSON) from None
    if _ESCAPED_SURROGATE.search(text) and _has_lone_surrogate(value):
        raise BadJson(INVALID_UNICODE)
    return value


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def array_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each top-level element of the one array ``text`` holds.

    Raises NotOneArray if ``text`` (after whitespace) does not start with ``[``, the array
    does not close, it closes with ``}``, or anything but whitespace follows it. Elements
    are only split here; each is parsed on its own, so one bad element spoils no other.
    An empty element (``[1,,2]``, ``[1,]``) is a span of its own, which will not parse.
    """
    start = len(text) - len(text.lstrip(JSON_SPACE))
    if not text.startswith("[", start):
        raise NotOneArray("no array")
    depth, spans, element_start = 0, [], start + 1
    for match in _TOKENS.finditer(text, start):
        char = match.group()[0]
        if char == '"':
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                if char != "]":
                    raise NotOneArray("closed by a brace")
                last = text[element_start:match.start()]
                if spans or last.strip(JSON_SPACE):
                    spans.append((element_start, match.start()))
                if text[match.end():].strip(JSON_SPACE):
                    raise NotOneArray("content after the array")
                return spans
        elif depth == 1:  # a comma between elements
            spans.append((element_start, match.start()))
            element_start = match.end()
    raise NotOneArray("not closed")


def scan_value(text: str, start: int, limit: int = MAX_NESTING_DEPTH
               ) -> Tuple[Optional[int], Optional[int]]:
    """(end, None) of the object or array starting at ``text[start]`` when it closes within
    ``limit`` levels; (None, at) when it nests deeper than ``limit`` (``at``: the bracket
    that does), whether it closes or not; (None, None) when it does not close in ``text``.
    From the text, without recursion; brackets inside strings do not count, and brackets
    are only counted, not matched (the decoder says whether the value is JSON)."""
    depth = 0
    for match in _TOKENS.finditer(text, start):
        char = match.group()[0]
        if char in "[{":
            depth += 1
            if depth > limit:
                return None, match.start()
        elif char in "]}":
            depth -= 1
            if depth <= 0:
                return match.end(), None
        elif depth <= 0:  # a string or a comma before any bracket: not an object or array
            return None, None
    return None, None


def value_end(text: str, start: int) -> Optional[int]:
    """Where the object or array starting at ``text[start]`` closes, however deep; None
    if it does not close in ``text``."""
    end, _ = scan_value(text, start, limit=len(text))
    return end


@dataclasses.dataclass(frozen=True)
class Parsed:
    """A record, or the reason it is not one, and the raw text a dead letter keeps."""

    record: Optional[dict] = None
    reason: Optional[str] = None
    raw: Optional[str] = None


def read_record(text: str) -> Parsed:
    """``text`` as one conversation record, or the reason it is not; never raises."""
    try:
        value = parse_value(text)
        problem = shape_problem(value)
    except BadJson as bad:
        return Parsed(reason=bad.reason, raw=raw_of(text))
    except Exception as exc:  # an unforeseen input: this record only, named by type
        return Parsed(reason=f"parse_failed:{type(exc).__name__}", raw=raw_of(text))
    if problem:
        return Parsed(reason=problem, raw=raw_of(text))
    return Parsed(record=value)


def read_array(text: str) -> List[Parsed]:
    """Each element of the one array ``text`` holds, read by :func:`read_record`.

    Raises NotOneArray (before reading any element) if ``text`` is not one array.
    """
    return [read_record(text[begin:end].strip(JSON_SPACE)) for begin, end in array_spans(text)]


def raw_of(text: str) -> str:
    """Raw text as a dead letter keeps it (at most MAX_RAW_CHARS); undecodable bytes
    (kept by ``surrogateescape``) come back one character per byte, as for a line."""
    if not _ESCAPED_BYTES.search(text):
        return text[:MAX_RAW_CHARS]
    data = text.encode("utf-8", "surrogateescape" if not _OTHER_SURROGATES.search(text)
                       else "backslashreplace")
    return data[:MAX_RAW_CHARS].decode("latin-1")
