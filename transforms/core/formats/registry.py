"""Input formats by name, in sniffing order; ``auto`` tries those that recognise the content.

To add a format: a module beside this one with an ``InputFormat`` subclass, and its line in
``FORMATS``. ``--input-format`` offers ``choices()``.
"""
from __future__ import annotations

from typing import Tuple

from transforms.core.formats.base import InputFormat
from transforms.core.formats.json_array import JsonArray
from transforms.core.formats.json_lines import JsonLines

AUTO = "auto"

FORMATS: Tuple[InputFormat, ...] = (  # sniffing order
    JsonArray(),
    JsonLines(),  # takes any content: last
)


class UnknownInputFormat(ValueError):
    """An input format name no module registered."""


def choices() -> Tuple[str, ...]:
    """What ``--input-format`` accepts: ``auto``, then every registered name."""
    return (AUTO,) + tuple(fmt.name for fmt in FORMATS)


def get(name: str) -> InputFormat:
    """The format registered as ``name``."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise UnknownInputFormat(f"unknown input format {name!r}; registered: "
                             f"{', '.join(choices())}")


def check(name: str) -> str:
    """``name`` if it is ``auto`` or registered; else UnknownInputFormat."""
    if name != AUTO:
        get(name)
    return name


def candidates(name: str, head: bytes) -> Tuple[InputFormat, ...]:
    """Formats to read content starting with ``head`` as, in order: with ``auto`` every
    format whose sniff says yes, else the named one if its sniff says yes."""
    if name == AUTO:
        return tuple(fmt for fmt in FORMATS if fmt.sniff(head))
    fmt = get(name)
    return (fmt,) if fmt.sniff(head) else ()
