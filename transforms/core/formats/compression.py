"""The transport under the formats: compression is undone before a format is sniffed.

Compression is found from magic bytes, never from a file name, and is not a format: a
gzipped JSON array is read as a JSON array.
"""
from __future__ import annotations

import gzip
import io
from typing import BinaryIO, Callable, Tuple

# (magic bytes, opener of the decompressed stream)
_CODECS: Tuple[Tuple[bytes, Callable[[BinaryIO], BinaryIO]], ...] = (
    (b"\x1f\x8b", lambda stream: gzip.GzipFile(fileobj=stream)),
)


def decompressed(stream: BinaryIO) -> BinaryIO:
    """The content of ``stream``: decompressed if it starts with a codec's magic bytes."""
    head, stream = peek(stream, max(len(magic) for magic, _ in _CODECS))
    for magic, opener in _CODECS:
        if head.startswith(magic):
            return opener(stream)
    return stream


def peek(stream: BinaryIO, size: int) -> Tuple[bytes, BinaryIO]:
    """The first ``size`` bytes of ``stream`` (fewer if shorter), and a stream that
    still starts with them."""
    head = b""
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head, prepended(head, stream)


def prepended(head: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream of ``head`` followed by the rest of ``stream``."""
    return io.BufferedReader(_Prepend(head, stream))


class _Prepend(io.RawIOBase):
    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
