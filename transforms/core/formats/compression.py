"""The transport under the formats: compression is undone before a format is sniffed.

Compression is found from magic bytes, never from a file name, and is not a format: a
gzipped JSON array is read as a JSON array.
"""
from __future__ import annotations

import gzip
import io
from typing import BinaryIO, Callable, Optional, Tuple

from transforms.core.formats.base import READ_ERRORS

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
    still starts with them. A stream that breaks after its first bytes breaks again
    only once they are read."""
    head, broken = b"", None
    read = getattr(stream, "read1", stream.read)  # read1: keep what came before a break
    while len(head) < size:
        try:
            chunk = read(size - len(head))
        except READ_ERRORS as error:
            if not head:
                raise
            broken = error
            break
        if not chunk:
            break
        head += chunk
    return head, prepended(head, stream, broken)


def prepended(head: bytes, stream: BinaryIO,
              broken: Optional[BaseException] = None) -> BinaryIO:
    """A buffered stream of ``head`` followed by the rest of ``stream`` (or ``broken``)."""
    return io.BufferedReader(_Prepend(head, stream, broken))


class _Prepend(io.RawIOBase):
    def __init__(self, head: bytes, stream: BinaryIO, broken: Optional[BaseException]):
        self._head, self._stream, self._broken = head, stream, broken

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        if self._broken is not None:
            raise self._broken
        # read1: what was decoded before a break is handed out before the break itself
        # (read() would fill the whole buffer first, and drop it all when the break comes).
        data = getattr(self._stream, "read1", self._stream.read)(len(buffer))
        buffer[:len(data)] = data
        return len(data)
