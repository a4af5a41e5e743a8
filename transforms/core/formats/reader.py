"""Items of one export file or message: decompress, choose the format, read it (Beam-free)."""
from __future__ import annotations

import dataclasses
from typing import BinaryIO, Iterator

from transforms.core.formats import registry
from transforms.core.formats.base import (HEAD_BYTES, MAX_RAW_CHARS, READ_ERRORS, UNREADABLE,
                                          Item, NotThisFormat, raw_text)
from transforms.core.formats.compression import decompressed, peek, prepended
from transforms.core.formats.settings import FormatSettings


def iter_items(stream: BinaryIO, input_format: str = registry.AUTO,
               settings: FormatSettings = FormatSettings()) -> Iterator[Item]:
    """Items of one export read as ``input_format`` (a registered name, or ``auto``), each
    with the name of the format that read it; ``settings`` come from the policy.

    Content no format takes is one dead letter: ``wrong_format:<name>`` for a named format,
    ``unknown_format`` for ``auto``. A broken file ends with one ``unreadable_file`` item.
    """
    registry.check(input_format)  # an unknown name fails before any data is read
    position = 0
    try:
        head, data = peek(decompressed(stream), HEAD_BYTES)
        if not head:
            return
        for fmt in registry.candidates(input_format, head):
            try:
                for item in fmt.configured(settings).items(data):
                    position = item.position
                    yield dataclasses.replace(item, input_format=fmt.name)
                return
            except NotThisFormat as declined:
                if position:
                    raise RuntimeError(f"input format {fmt.name} declined after its "
                                       "first item") from None
                data = prepended(declined.consumed, data)
        reason = ("unknown_format" if input_format == registry.AUTO
                  else f"wrong_format:{input_format}")
        yield Item(1, reason=reason, raw=raw_text(data.read(MAX_RAW_CHARS)))
    except READ_ERRORS:
        yield Item(position + 1, reason=UNREADABLE)
