"""Helpers for the vendor format tests: read bytes as one format, or as ``auto``."""
import io
import json

from transforms.core.formats import registry
from transforms.core.formats.reader import iter_items
from transforms.core.formats.settings import FormatSettings


def read(data, input_format=registry.AUTO, settings=FormatSettings()):
    if not isinstance(data, bytes):
        data = json.dumps(data, indent=2).encode()
    return list(iter_items(io.BytesIO(data), input_format, settings))


def only_record(data, input_format=registry.AUTO):
    items = read(data, input_format)
    assert len(items) == 1 and items[0].record is not None, [(i.reason, i.input_format)
                                                            for i in items]
    return items[0]


def strings(value) -> str:
    """Every string and number of a value, as one text (to look for values in it)."""
    return json.dumps(value, ensure_ascii=False)
