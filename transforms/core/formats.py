"""Parse conversation exports: JSON lines, JSON arrays, gzip of either (Beam-free).

Every item of a file comes out exactly once, as a record or as a dead letter with a
reason code and its position (1-based: the line of a JSON-lines file, the element of an array).
Reasons never hold values from the data.
"""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import zlib
from typing import Any, BinaryIO, Iterator, Optional

MAX_RAW_CHARS = 1_000_000  # a dead letter keeps at most this much of its raw input

_STRUCTURED_TYPES = (str, int)
_TEXT_TYPES = (str, list, dict)


@dataclasses.dataclass(frozen=True)
class Item:
    position: int
    record: Optional[dict] = None
    reason: Optional[str] = None  # set for dead letters
    raw: Optional[str] = None  # raw input of a dead letter (sealed downstream)


def shape_problem(record: Any) -> Optional[str]:
    """A reason code if the record is not a conversation of the canonical shape."""
    if not isinstance(record, dict):
        return "not_an_object"
    cid = record.get("conversation_id")
    if isinstance(cid, bool) or not isinstance(cid, (str, int)) or cid == "":
        return "missing_conversation_id"
    for key in ("start_time", "channel"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"ill_typed_field:{key}"
    for key in ("transcript_text", "notes", "custom_data_fields"):
        if record.get(key) is not None and not isinstance(record[key], _TEXT_TYPES):
            return f"ill_typed_field:{key}"
    score = record.get("sentiment_score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
        return "ill_typed_field:sentiment_score"
    return None


def _open(stream: BinaryIO) -> BinaryIO:
    head = stream.read(2)
    rest = io.BufferedReader(_Prepend(head, stream))
    return gzip.GzipFile(fileobj=rest) if head == b"\x1f\x8b" else rest


class _Prepend(io.RawIOBase):
    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def iter_items(stream: BinaryIO) -> Iterator[Item]:
    """Items of one export file; a broken file ends with one ``unreadable_file`` item."""
    position = 0
    try:
        data = _open(stream)
        first = data.peek(64)[:64].lstrip()
        if first.startswith(b"["):
            yield from _iter_array(data.read())
            return
        for position, line in enumerate(data, start=1):
            if not line.strip():
                continue
            yield _parse_line(position, line)
    except (OSError, EOFError, zlib.error):
        yield Item(position + 1, reason="unreadable_file", raw=None)


def _parse_line(position: int, line: bytes) -> Item:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return Item(position, reason="not_utf8", raw=line[:MAX_RAW_CHARS].decode("latin-1"))
    try:
        record = json.loads(text)
    except ValueError:
        return Item(position, reason="invalid_json", raw=text[:MAX_RAW_CHARS])
    problem = shape_problem(record)
    if problem:
        return Item(position, reason=problem, raw=text[:MAX_RAW_CHARS])
    return Item(position, record=record)


def _iter_array(blob: bytes) -> Iterator[Item]:
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        yield Item(1, reason="not_utf8", raw=blob[:MAX_RAW_CHARS].decode("latin-1"))
        return
    try:
        records = json.loads(text)
    except ValueError:  # not one array after all: JSON lines whose first line is one
        for position, line in enumerate(blob.splitlines(keepends=True), start=1):
            if line.strip():
                yield _parse_line(position, line)
        return
    if not isinstance(records, list):
        yield Item(1, reason="not_an_object", raw=text[:MAX_RAW_CHARS])
        return
    for index, record in enumerate(records, start=1):
        problem = shape_problem(record)
        if problem:
            yield Item(index, reason=problem,
                       raw=json.dumps(record, ensure_ascii=False)[:MAX_RAW_CHARS])
        else:
            yield Item(index, record=record)
