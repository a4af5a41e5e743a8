"""Formats whose file is a JSON document: a vendor's export object (pretty-printed or on one
line), several of them one per line or concatenated, or one canonical object.

:class:`JsonDocumentFormat` decides from the first JSON value of the content, which it
reads only as far as that value goes (a JSON-lines file is declined after its first
line), and declines what it does not recognise so that ``auto`` tries the next format.
AWS prints some examples with ``//`` comments or a stray bracket after the object: comments
are dropped, and what follows the last value is one ``trailing_content`` dead letter.
Each value is checked as every JSON record is (``json_values``): its depth from the text
before it is decoded, then numbers, duplicate keys and lone surrogates; a value that fails
is a dead letter of its own, and a document a format cannot convert is one
``convert_failed:<error type>`` dead letter.
"""
from __future__ import annotations

import abc
import dataclasses
import json
import re
from typing import Any, BinaryIO, Iterator, List, Optional, Tuple

from transforms.core.formats.base import (MAX_RAW_CHARS, READ_ERRORS, UNREADABLE, InputFormat,
                                          Item, NotThisFormat)
from transforms.core.formats.canonical import FIELDS
from transforms.core.formats.json_values import (INVALID_JSON, NESTING_TOO_DEEP, NOT_UTF8,
                                                 BadJson, parse_value, raw_of, scan_value,
                                                 value_end)

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
    """One JSON value of a document, or what could not be read as one (``reason``).

    Only the first value of a file (:func:`read_first_value`) may hold both: ``value`` as
    the plain decoder reads it, to recognise the format by, and the ``reason`` the checks
    of ``json_values`` found in it; it is then a dead letter all the same."""

    value: Any = None
    reason: Optional[str] = None
    raw: Optional[str] = None


def first_key(head: bytes) -> Optional[str]:
    """The first key of the object the content starts with, if the head shows it."""
    m = _FIRST_KEY.match(head)
    return m.group(1).decode("utf-8", "replace") if m else None


def starts_object(head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


@dataclasses.dataclass(frozen=True)
class FirstRead:
    """What :func:`read_first_value` found: the first value, whether anything but white
    space follows it, the bytes read, and the read error the stream broke with, if any."""

    value: Value
    more: bool
    consumed: bytes
    broken: Optional[BaseException] = None


def read_first(stream: BinaryIO) -> Tuple[Any, bool, bytes]:
    """(first JSON value or None, whether anything but white space follows it, the bytes
    read): :func:`read_first_value` with the value to recognise a format by."""
    first = read_first_value(stream)
    if first.broken is not None:
        raise first.broken
    return first.value.value, first.more, first.consumed


def read_first_value(stream: BinaryIO) -> FirstRead:
    """The first JSON value of a stream, what follows it and the bytes read.

    Reads in growing chunks until the first value is complete, the content is certainly
    not JSON, or the stream ends; then, past white space, until it knows what follows.
    Content that is not JSON gives an empty Value; a value that is JSON but not one a
    record may hold (too deep, a number out of range, a duplicate key, a lone surrogate)
    gives its reason. A stream that breaks (READ_ERRORS) before the first value is
    complete raises its error; after it, the error is returned with what was read before
    it (``broken``), for the format to end its items with, or to hand on if it declines.
    """
    data, size, eof, broken = b"", _FIRST_CHUNK, False, None
    while True:
        chunk, broken = read_upto(stream, size)
        data += chunk
        eof = broken is not None or len(chunk) < size
        state, value, rest = _try_first(data, eof)
        if state != "incomplete" or len(data) > MAX_DOCUMENT_BYTES or eof:
            break
        size = min(size * 2, 16 * 1024 * 1024)
    if broken is not None and state == "incomplete":
        raise broken
    if state != "done":
        return FirstRead(Value(), False, data, broken)
    while not rest and not eof:
        chunk, broken = read_upto(stream, _FIRST_CHUNK)
        data += chunk
        eof = broken is not None or len(chunk) < _FIRST_CHUNK
        rest = bool(chunk.strip())
    return FirstRead(value, rest, data, broken)


def read_upto(stream: BinaryIO, size: int = -1) -> Tuple[bytes, Optional[BaseException]]:
    """(up to ``size`` bytes of ``stream``, all if -1; fewer only at its end or at a break,
    the READ_ERRORS error it broke with or None). What was decoded before a break is kept
    (``read1``: a plain ``read`` would drop it with the break)."""
    read = getattr(stream, "read1", stream.read)
    chunks, total = [], 0
    try:
        while size < 0 or total < size:
            chunk = read(1024 * 1024 if size < 0 else min(size - total, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except READ_ERRORS as error:
        return b"".join(chunks), error
    return b"".join(chunks), None


def _try_first(data: bytes, eof: bool) -> Tuple[str, Value, bool]:
    """("done", value, whether more than white space follows it in ``data``),
    ("incomplete", ...) or ("invalid", ...)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not eof and exc.start >= len(data) - 3:  # a character cut by the chunk
            return "incomplete", Value(), False
        return "invalid", Value(), False
    text = _without_comments(text)
    start = _SPACE.match(text).end()
    if not text.startswith(("{", "["), start):  # these formats read objects
        return ("incomplete" if not eof and start == len(text) else "invalid"), Value(), False
    end, deep_at = scan_value(text, start)
    if end is not None:
        value = _checked(text[start:end])
        if value.value is None and value.reason is None:
            return "invalid", value, False
        return "done", value, bool(text[end:].strip())
    # Not closed here, or too deep: is what was read JSON so far? (never decoded past the
    # depth limit, so the decoder cannot recurse deeper than it)
    try:
        _DECODER.raw_decode(text[:deep_at] if deep_at is not None else text, start)
    except json.JSONDecodeError as exc:
        if not _cut_short(text[:deep_at] if deep_at is not None else text, exc):
            return "invalid", Value(), False
    except (ValueError, RecursionError):
        return "invalid", Value(), False
    if deep_at is not None:
        end = value_end(text, start)
        if end is not None:
            return "done", Value(reason=NESTING_TOO_DEEP, raw=raw_of(text[start:end])), bool(
                text[end:].strip())
    return ("invalid" if eof else "incomplete"), Value(), False


def _checked(span: str) -> Value:
    """The value of one closed object or array, checked (``json_values.parse_value``); the
    plain decoder's value kept beside a reason, to recognise a format by. A span that is
    not JSON is an empty Value (not this format, or ``invalid_json``)."""
    try:
        return Value(parse_value(span))
    except BadJson as bad:
        if bad.reason == INVALID_JSON:
            return Value()
        plain = None
        if bad.reason != NESTING_TOO_DEEP:
            try:
                plain = json.loads(span)
            except (ValueError, RecursionError):
                plain = None
        return Value(plain, bad.reason, raw_of(span))


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether a parse error may only mean the text ends before the value does."""
    if exc.msg.startswith("Unterminated string"):
        return "\n" not in text[exc.pos:]
    return exc.pos >= len(text.rstrip()) - 16


def read_values(data: bytes) -> List[Value]:
    """Every JSON value of a document, in order, each checked by ``json_values`` (depth
    before decoding, numbers, duplicate keys, lone surrogates); what cannot be read is a
    Value with a reason (``not_utf8``, a ``json_values`` reason, ``invalid_json`` up to the
    next line starting an object, and ``trailing_content`` for what follows the last
    value)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [Value(reason=NOT_UTF8, raw=data[:MAX_RAW_CHARS].decode("latin-1"))]
    text = _without_comments(text)
    values: List[Value] = []
    at = _SPACE.match(text).end()
    while at < len(text):
        value, end = _value_at(text, at)
        if value is None:  # not JSON: up to the next line that starts an object
            m = _NEXT_OBJECT.search(text, at)
            end = m.start() + 1 if m else len(text)
            reason = INVALID_JSON if text[at] in "{[" else "trailing_content"
            value = Value(reason=reason, raw=text[at:end][:MAX_RAW_CHARS])
        values.append(value)
        at = _SPACE.match(text, end).end()
    return values


def _value_at(text: str, at: int) -> Tuple[Optional[Value], int]:
    """(the checked Value starting at ``at``, where it ends), or (None, at) if no JSON
    value starts there."""
    if text[at] in "{[":
        end, deep_at = scan_value(text, at)
        if deep_at is not None:
            end = value_end(text, at)
            if end is None:
                return None, at
            return Value(reason=NESTING_TOO_DEEP, raw=raw_of(text[at:end])), end
        if end is None:
            return None, at
        value = _checked(text[at:end])
        if value.value is None and value.reason is None:
            return None, at
        return (Value(reason=value.reason, raw=value.raw) if value.reason else value), end
    try:  # a bare number, string or literal
        _, end = _DECODER.raw_decode(text, at)
    except (ValueError, RecursionError):
        return None, at
    value = _checked(text[at:end])
    return (Value(reason=value.reason, raw=value.raw) if value.reason else value), end


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

    # True: :meth:`convert` sees every document of a file at once (Genesys joins the parts
    # of a conversation); else one document at a time, so that a document it cannot
    # convert is a dead letter of its own.
    joins_documents = False

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        first = read_first_value(stream)
        if not self.recognises(first.value.value):
            raise NotThisFormat(first.consumed, first.broken)
        rest, broken = (b"", first.broken) if first.broken else read_upto(stream)
        documents = read_values(first.consumed + rest)
        batches = [documents] if self.joins_documents else [[d] for d in documents]
        position = 0
        for batch in batches:
            for item in self._converted(batch):
                position += 1
                yield dataclasses.replace(item, position=position)
        if broken is not None:  # the rest of the file, from the break, is unknown
            yield Item(position + 1, reason=UNREADABLE)

    def _converted(self, documents: List[Value]) -> List[Item]:
        """The items of ``documents``; if converting them fails, one dead letter
        ``convert_failed:<error type>`` (never the error's message: it may quote data)."""
        try:
            return list(self.convert(documents))
        except Exception as exc:  # the safety net: these documents, never the file's rest
            raw = [d.raw if d.reason else d.value for d in documents]
            return [Item(0, reason=f"convert_failed:{type(exc).__name__}", raw=_dumped(
                raw[0] if len(raw) == 1 else raw))]

    def foreign(self, document: Value) -> Item:
        """The dead letter of a value of a file of this format that is not of it."""
        if document.reason:
            return Item(0, reason=document.reason, raw=document.raw)
        return Item(0, reason=f"not_{self.name}", raw=_dumped(document.value))


def _dumped(value: Any) -> str:
    """A value as a dead letter keeps it: JSON, at most MAX_RAW_CHARS."""
    if isinstance(value, str):
        return value[:MAX_RAW_CHARS]
    try:
        return json.dumps(value, ensure_ascii=False)[:MAX_RAW_CHARS]
    except (TypeError, ValueError, RecursionError):
        return repr(value)[:MAX_RAW_CHARS]
