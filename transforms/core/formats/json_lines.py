"""JSON lines: one conversation per line; the position is the line's.

It takes any content, so ``auto`` tries it last: a line that is not a conversation is a
dead letter of its own, and a damaged file still gives its good lines. A line holding a
JSON array gives one item per element (position: the line, ``element``: its index). A
byte order mark is dropped at the start of any line (files concatenated with ``cat``).
What a line may hold is checked in ``json_values``.
"""
from __future__ import annotations

from typing import BinaryIO, Iterator, List

from transforms.core.formats.base import READ_ERRORS, UNREADABLE, InputFormat, Item
from transforms.core.formats.json_values import (INVALID_JSON, JSON_SPACE, NotOneArray,
                                                 raw_of, read_array, read_record, strip_bom)


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
                    yield from parse_line(position, line)
        except READ_ERRORS:  # named here: the break is on the line after the last one read
            yield Item(position + 1, reason=UNREADABLE)


def parse_line(position: int, line: bytes) -> List[Item]:
    """The items of one line: its record or dead letter, or one per element of an array."""
    # Bytes that are not UTF-8 are kept as escapes: the record (or array element) that
    # holds them is ``not_utf8``, with its bytes in the dead letter.
    text = strip_bom(line.decode("utf-8", "surrogateescape"))
    if text.lstrip(JSON_SPACE).startswith("["):
        try:
            elements = read_array(text)
        except NotOneArray:
            return [Item(position, reason=INVALID_JSON, raw=raw_of(text))]
        return [Item(position, record=e.record, reason=e.reason, raw=e.raw, element=index)
                for index, e in enumerate(elements, start=1)]
    parsed = read_record(text)
    return [Item(position, record=parsed.record, reason=parsed.reason, raw=parsed.raw)]
