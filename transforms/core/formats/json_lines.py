"""JSON lines: one conversation per line; the position is the line's.

It takes any content, so ``auto`` tries it last: a line that is not a conversation is a
dead letter of its own, and a damaged file still gives its good lines.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from transforms.core.formats.base import (MAX_RAW_CHARS, READ_ERRORS, UNREADABLE, InputFormat,
                                          Item, shape_problem)


class JsonLines(InputFormat):
    name = "json-lines"
    takes_any_content = True

    def sniff(self, head: bytes) -> bool:
        return True

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        position = 0
        try:
            for position, line in enumerate(stream, start=1):
                if line.strip():
                    yield parse_line(position, line)
        except READ_ERRORS:  # named here: the break is on the line after the last one read
            yield Item(position + 1, reason=UNREADABLE)


def parse_line(position: int, line: bytes) -> Item:
    """The record of one line, or its dead letter."""
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
