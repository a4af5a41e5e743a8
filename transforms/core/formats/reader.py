"""Items of one export file or message: decompress, choose the format, read it (Beam-free)."""
from __future__ import annotations

import dataclasses
from typing import BinaryIO, Iterator

from transforms.core.formats import registry
from transforms.core.formats.base import (HEAD_BYTES, MAX_RAW_CHARS, READ_ERRORS, UNREADABLE,
                                          Item, NotThisFormat, raw_text)
from transforms.core.formats.compression import decompressed, peek, prepended
from transforms.core.formats.json_values import BOM_BYTES
from transforms.core.formats.settings import FormatSettings


class FormatContractBroken(RuntimeError):
    """A format module broke the InputFormat contract: a bug in code, not in the data."""


def iter_items(stream: BinaryIO, input_format: str = registry.AUTO,
               settings: FormatSettings = FormatSettings()) -> Iterator[Item]:
    """Items of one export read as ``input_format`` (a registered name, or ``auto``), each
    with the name of the format that read it; ``settings`` come from the policy.

    Content no format takes is one dead letter: ``wrong_format:<name>`` for a named format,
    ``unknown_format`` for ``auto``. A leading UTF-8 byte order mark (after decompression)
    is dropped before the format is chosen. A broken file ends with one ``unreadable_file``
    item; anything else a format raises ends the file with one ``read_failed:<error type>``
    item after the items already given (never the error's message: it may quote data).
    """
    registry.check(input_format)  # an unknown name fails before any data is read
    position = 0
    try:
        head, data = peek(decompressed(stream), HEAD_BYTES)
        if head.startswith(BOM_BYTES):
            data.read(len(BOM_BYTES))
            head, data = peek(data, HEAD_BYTES)
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
                    raise FormatContractBroken(f"input format {fmt.name} declined after "
                                               "its first item") from None
                data = prepended(declined.consumed, data, declined.broken)
        reason = ("unknown_format" if input_format == registry.AUTO
                  else f"wrong_format:{input_format}")
        yield Item(1, reason=reason, raw=raw_text(data.read(MAX_RAW_CHARS)))
    except READ_ERRORS:
        yield Item(position + 1, reason=UNREADABLE)
    except FormatContractBroken:
        raise
    except Exception as exc:  # the safety net: this file's rest, never the run
        yield Item(position + 1, reason=f"read_failed:{type(exc).__name__}")
