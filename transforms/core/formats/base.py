"""What an input format is: one file or message in, canonical records or dead letters out.

Every item of a file comes out exactly once, as a record or as a dead letter with a
reason code and its position (1-based: the line of a JSON-lines file, the element of an array;
an array on a JSON line gives one item per element, at the line and ``element``).
Reasons never hold values from the data.
"""
from __future__ import annotations

import abc
import dataclasses
import zlib
from typing import Any, BinaryIO, Iterator, Optional, Tuple, Union

from transforms.core.formats.canonical import TURNS, turns_problem
from transforms.core.formats.settings import FormatSettings

MAX_RAW_CHARS = 1_000_000  # a dead letter keeps at most this much of its raw input
HEAD_BYTES = 64  # how much of the decompressed content ``sniff`` sees
READ_ERRORS = (OSError, EOFError, zlib.error)  # a stream that breaks (truncated, corrupt)
UNREADABLE = "unreadable_file"

_TEXT_TYPES = (str, list, dict)


@dataclasses.dataclass(frozen=True)
class Item:
    position: int
    record: Optional[dict] = None
    reason: Optional[str] = None  # set for dead letters
    raw: Optional[str] = None  # raw input of a dead letter (sealed downstream)
    element: Optional[int] = None  # 1-based, for an element of an array on one line
    names: Tuple[str, ...] = ()  # display names from a vendor's metadata, found again in text
    id_fields: Tuple[str, ...] = ()  # fields holding a vendor's own ids: pseudonymized
    input_format: Optional[str] = None  # the format that read it (set by the reader)

    @property
    def where(self) -> Union[int, str]:
        """The position an element or dead letter carries: ``3``, or ``"3:2"`` for the
        second element of an array on line 3 (ordered by ``elements.position_order``)."""
        return self.position if self.element is None else f"{self.position}:{self.element}"


class NotThisFormat(Exception):
    """Raised by ``InputFormat.items`` before its first item: the content only looked like it.

    ``consumed`` holds the bytes read so far, for the next format to read again; it is
    never part of the message. ``broken``: the read error that came after them, if the
    stream broke while the format looked (the next format meets it after ``consumed``).
    """

    def __init__(self, consumed: bytes, broken: Optional[BaseException] = None):
        super().__init__("the content is not of this format")
        self.consumed, self.broken = consumed, broken


class InputFormat(abc.ABC):
    """One input format: registered in ``registry.FORMATS`` under ``name``."""

    name: str  # what ``--input-format`` calls it
    takes_any_content = False  # True: ``auto`` tries it after every other format

    @abc.abstractmethod
    def sniff(self, head: bytes) -> bool:
        """Whether content starting with ``head`` (its first HEAD_BYTES, decompressed) is
        of this format; decided from the content, never from a file name."""

    @abc.abstractmethod
    def items(self, stream: BinaryIO) -> Iterator[Item]:
        """Items of one decompressed file or message. A stream that breaks (READ_ERRORS)
        may be left to the caller, which ends the file with one ``unreadable_file`` item."""

    def configured(self, settings: FormatSettings) -> "InputFormat":
        """This format with what the policy says about inputs (CSV columns); most ignore it."""
        return self


def shape_problem(record: Any) -> Optional[str]:
    """A reason code if the record is not a conversation of the canonical shape."""
    if not isinstance(record, dict):
        return "not_an_object"
    cid = record.get("conversation_id")
    if cid is None or (isinstance(cid, str) and not cid.strip()):
        return "missing_conversation_id"
    if isinstance(cid, bool) or not isinstance(cid, (str, int)):
        return "ill_typed_field:conversation_id"
    for key in ("start_time", "channel"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"ill_typed_field:{key}"
    for key in ("transcript_text", "notes", "custom_data_fields"):
        if record.get(key) is not None and not isinstance(record[key], _TEXT_TYPES):
            return f"ill_typed_field:{key}"
    if record.get(TURNS) is not None and turns_problem(record[TURNS]):
        return f"ill_typed_field:{TURNS}"
    score = record.get("sentiment_score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
        return "ill_typed_field:sentiment_score"
    return None


def raw_text(data: bytes) -> str:
    """Raw input as a dead letter keeps it: UTF-8 text, else one character per byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
