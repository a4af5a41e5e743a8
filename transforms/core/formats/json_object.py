"""JSON object: a file (or message) holding one canonical conversation as one JSON object,
pretty-printed or not.

Under ``auto`` it comes after the vendor formats, so an object none of them recognised and
that holds no canonical field is one ``unknown_format`` dead letter, rather than a dead
letter per line. Content with more than one value (JSON lines) is declined. The object is
checked as every JSON record is (``json_values``: depth, numbers, duplicate keys, lone
surrogates).
"""
from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterator, List

from transforms.core.formats.base import (MAX_RAW_CHARS, UNREADABLE, Item, NotThisFormat,
                                          shape_problem)
from transforms.core.formats.canonical import FIELDS
from transforms.core.formats.documents import (JsonDocumentFormat, Value, read_first_value,
                                              starts_object)


def _visibly_lines(head: bytes) -> bool:
    """Whether the head shows a whole object on its first line and more after it."""
    line, newline, rest = head.partition(b"\n")
    if not newline or not rest.strip():
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class JsonObject(JsonDocumentFormat):
    name = "json-object"

    def sniff(self, head: bytes) -> bool:
        return starts_object(head) and not _visibly_lines(head)

    def recognises(self, document: Any) -> bool:
        return isinstance(document, dict)

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        first = read_first_value(stream)
        value = first.value
        # An object the checks of json_values refuse (too deep, a number out of range...)
        # is still this file's one object: its dead letter says why.
        if first.more or not (value.reason or self.recognises(value.value)):
            raise NotThisFormat(first.consumed, first.broken)
        yield from self.convert([value])
        if first.broken is not None:  # the stream broke after the object
            yield Item(2, reason=UNREADABLE)

    def convert(self, documents: List[Value]) -> Iterator[Item]:
        for position, document in enumerate(documents, start=1):
            if document.reason:
                yield Item(position, reason=document.reason, raw=document.raw)
                continue
            record = document.value
            problem = shape_problem(record)
            if problem and not set(record) & set(FIELDS):
                problem = "unknown_format"
            if problem:
                yield Item(position, reason=problem,
                           raw=json.dumps(record, ensure_ascii=False)[:MAX_RAW_CHARS])
            else:
                yield Item(position, record=record)
