"""JSON array: one document holding an array of conversations; the position is the element's.

Content that starts with ``[`` but is not one JSON document (JSON lines whose first line is
an array) is declined, and ``auto`` reads it as the next format.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from transforms.core.formats.base import (MAX_RAW_CHARS, InputFormat, Item, NotThisFormat,
                                          shape_problem)


class JsonArray(InputFormat):
    name = "json-array"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip().startswith(b"[")

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        blob = stream.read()
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError:
            yield Item(1, reason="not_utf8", raw=blob[:MAX_RAW_CHARS].decode("latin-1"))
            return
        try:
            records = json.loads(text)
        except ValueError:
            raise NotThisFormat(blob) from None
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
