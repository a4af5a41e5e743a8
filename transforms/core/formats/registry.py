"""Input formats by name; ``auto`` tries those that recognise the content, in this order,
and a format that takes any content (JSON lines) last.

To add a format: a module beside this one with an ``InputFormat`` subclass (for a JSON
document, a ``documents.JsonDocumentFormat``), and its line at the end of ``FORMATS``.
``--input-format`` offers ``choices()``.
"""
from __future__ import annotations

from typing import Tuple

from transforms.core.formats.base import InputFormat
from transforms.core.formats.connect_chat import ConnectChatTranscript
from transforms.core.formats.contact_lens import ContactLens
from transforms.core.formats.delimited import DelimitedText
from transforms.core.formats.genesys import GenesysCloud
from transforms.core.formats.json_array import JsonArray
from transforms.core.formats.json_lines import JsonLines
from transforms.core.formats.json_object import JsonObject
from transforms.core.formats.transcribe import TranscribeCallAnalytics

AUTO = "auto"

FORMATS: Tuple[InputFormat, ...] = (
    JsonArray(),
    JsonLines(),  # takes any content: tried last
    ContactLens(),
    ConnectChatTranscript(),
    TranscribeCallAnalytics(),
    GenesysCloud(),
    DelimitedText(),
    JsonObject(),  # after the vendor formats: any JSON object none of them took
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
    format whose sniff says yes (those that take any content last), else the named one
    if its sniff says yes."""
    if name == AUTO:
        return tuple(sorted((fmt for fmt in FORMATS if fmt.sniff(head)),
                            key=lambda fmt: fmt.takes_any_content))
    fmt = get(name)
    return (fmt,) if fmt.sniff(head) else ()
