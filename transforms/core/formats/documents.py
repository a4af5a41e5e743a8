"""Formats whose file is a JSON document: a vendor's export object (pretty-printed or on one
line), several of them one per line or concatenated, or one canonical object.

:class:`JsonDocumentFormat` decides from the first JSON value of the content, which it
reads only as far as that value goes (a JSON-lines file is declined after its first
line), and declines what it does not recognise so that ``auto`` tries the next format.
AWS prints some examples with ``//`` comments or a stray bracket after the object: comments
are dropped, and what follows the last value is one ``trailing_content`` dead letter.
"""
from __future__ import annotations

import abc
import dataclasses
import json
import re
from typing import Any, BinaryIO, Iterator, List, Optional, Tuple

from transforms.core.formats.base import MAX_RAW_CHARS, InputFormat, Item, NotThisFormat
from transforms.core.formats.canonical import FIELDS

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
_FIRST_CHUNK = 64 * 1024
_DECODER = json.JSONDecoder()
# a string (kept), or a // or /* */ comment (dropped); an unterminated one is left alone
_STRING_OR_COMMENT = re.compile(r'"(?:\\.|[^"\\\n])*"|//[^\n]*|/\*.*?\*/', re.DOTALL)
_FIRST_KEY = re.compile(rb'\A\s*\{\s*"((?:\\.|[^"\\])*)"')
_NEXT_OBJECT = re.compile(r"\n\s*\{")
_SPACE = re.compile(r"\s*")


def _without_comments(text: str) -> str:
    if "/" not in text:
        return text
    return _STRING_OR_COMMENT.sub(
        lambda m: m.group(0) if m.group(0).startswith('"') else " ", text)


@dataclasses.dataclass(frozen=True)
class Value:
    """One JSON value of a document, or what could not be read as one (``reason``)."""

    value: Any = None
    reason: Optional[str] = None
    raw: Optional[str] = None


def first_key(head: bytes) -> Optional[str]:
    """The first key of the object the content starts with, if the head shows it."""
    m = _FIRST_KEY.match(head)
    return m.group(1).decode("utf-8", "replace") if m else None


def starts_object(head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


def read_first(stream: BinaryIO) -> Tuple[Any, bool, bytes]:
    """(first JSON value or None, whether anything but white space follows it, the bytes
    read).

    Reads in growing chunks until the first value is complete, the content is certainly
    not JSON, or the stream ends; then, past white space, until it knows what follows.
    """
    data, size, eof = b"", _FIRST_CHUNK, False
    while True:
        chunk = stream.read(size)
        data += chunk
        eof = not chunk
        state, value, rest = _try_first(data, eof)
        if state != "incomplete" or len(data) > MAX_DOCUMENT_BYTES:
            break
        size = min(size * 2, 16 * 1024 * 1024)
    if state != "done":
        return None, False, data
    while not rest and not eof:
        chunk = stream.read(_FIRST_CHUNK)
        data += chunk
        eof, rest = not chunk, bool(chunk.strip())
    return value, rest, data


def _try_first(data: bytes, eof: bool) -> Tuple[str, Any, bool]:
    """("done", value, whether more than white space follows it in ``data``),
    ("incomplete", ...) or ("invalid", ...)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not eof and exc.start >= len(data) - 3:  # a character cut by the chunk
            return "incomplete", None, False
        return "invalid", None, False
    text = _without_comments(text)
    start = _SPACE.match(text).end()
    try:
        value, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        if not eof and _cut_short(text, exc):
            return "incomplete", None, False
        return "invalid", None, False
    return "done", value, bool(text[end:].strip())


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether a parse error may only mean the text ends before the value does."""
    if exc.msg.startswith("Unterminated string"):
        return "\n" not in text[exc.pos:]
    return exc.pos >= len(text.rstrip()) - 16


def read_values(data: bytes) -> List[Value]:
    """Every JSON value of a document, in order; what cannot be read is a Value with a
    reason (``not_utf8``, ``invalid_json`` up to the next line starting an object, and
    ``trailing_content`` for what follows the last value)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [Value(reason="not_utf8", raw=data[:MAX_RAW_CHARS].decode("latin-1"))]
    text = _without_comments(text)
    values: List[Value] = []
    at = _SPACE.match(text).end()
    while at < len(text):
        try:
            value, end = _DECODER.raw_decode(text, at)
            values.append(Value(value))
        except json.JSONDecodeError:
            m = _NEXT_OBJECT.search(text, at)
            end = m.start() + 1 if m else len(text)
            reason = "invalid_json" if text[at] in "{[" else "trailing_content"
            values.append(Value(reason=reason, raw=text[at:end][:MAX_RAW_CHARS]))
        at = _SPACE.match(text, end).end()
    return values


class JsonDocumentFormat(InputFormat):
    """A format read from whole JSON documents: subclasses say which documents are theirs
    (:meth:`recognises`) and turn them into items (:meth:`convert`); positions are
    given here, one per item, in order."""

    def sniff(self, head: bytes) -> bool:
        return starts_object(head) and first_key(head) not in FIELDS

    @abc.abstractmethod
    def recognises(self, document: Any) -> bool:
        """Whether a parsed JSON value is a document of this format."""

    @abc.abstractmethod
    def convert(self, documents: List[Value]) -> Iterator[Item]:
        """Items (records or dead letters, positions ignored) of a file's documents."""

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        first, _, consumed = read_first(stream)
        if not self.recognises(first):
            raise NotThisFormat(consumed)
        documents = read_values(consumed + stream.read())
        for position, item in enumerate(self.convert(documents), start=1):
            yield dataclasses.replace(item, position=position)

    def foreign(self, document: Value) -> Item:
        """The dead letter of a value of a file of this format that is not of it."""
        if document.reason:
            return Item(0, reason=document.reason, raw=document.raw)
        return Item(0, reason=f"not_{self.name}", raw=json.dumps(
            document.value, ensure_ascii=False)[:MAX_RAW_CHARS])
