"""JSON array: one document holding an array of conversations; the position is the element's.

Content that starts with ``[`` but is not one array (JSON lines whose first line is an
array, or an array that never closes) is declined, and ``auto`` reads it as the next format.
Elements are split from the text and parsed one by one (``json_values``): an element
that is too deep, not UTF-8, out of range or not a conversation is a dead letter of its
own and the others are read. A leading byte order mark is dropped.
"""
from __future__ import annotations

from typing import BinaryIO, Iterator

from transforms.core.formats.base import InputFormat, Item, NotThisFormat
from transforms.core.formats.json_values import (BOM_BYTES, JSON_SPACE, NotOneArray,
                                                 read_array)


class JsonArray(InputFormat):
    name = "json-array"

    def sniff(self, head: bytes) -> bool:
        if head.startswith(BOM_BYTES):
            head = head[len(BOM_BYTES):]
        return head.lstrip(JSON_SPACE.encode()).startswith(b"[")

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        blob = stream.read()
        data = blob[len(BOM_BYTES):] if blob.startswith(BOM_BYTES) else blob
        # Bytes that are not UTF-8 are kept as escapes, so that only their element fails.
        text = data.decode("utf-8", "surrogateescape")
        try:
            elements = read_array(text)
        except NotOneArray:
            raise NotThisFormat(blob) from None
        for index, element in enumerate(elements, start=1):
            yield Item(index, record=element.record, reason=element.reason, raw=element.raw)
