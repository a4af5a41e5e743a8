import gzip
import io
import json

from transforms.core.formats.compression import decompressed, peek
from transforms.core.formats.reader import iter_items

GOOD = {"conversation_id": "c1", "transcript_text": "hello"}


def _items(data: bytes):
    return list(iter_items(io.BytesIO(data)))


def test_truncated_gzip_ends_with_one_unreadable_item():
    data = gzip.compress((json.dumps(GOOD) + "\n").encode() * 1000)[:200]
    items = _items(data)
    assert items[-1].reason == "unreadable_file"


def test_gzip_is_found_from_its_magic_bytes_and_anything_else_passes_through():
    assert decompressed(io.BytesIO(gzip.compress(b"[1]"))).read() == b"[1]"
    assert decompressed(io.BytesIO(b"\x1f")).read() == b"\x1f"
    assert decompressed(io.BytesIO(b"")).read() == b""


class _Trickle(io.BytesIO):
    """A stream that hands out one byte per read, as sockets and pipes may."""

    def read(self, size=-1):
        return super().read(1 if size is None or size < 0 else min(size, 1))


def test_peek_gets_the_whole_head_from_short_reads_and_gives_it_back():
    head, stream = peek(_Trickle(b"hello world"), 5)
    assert head == b"hello"
    assert stream.read() == b"hello world"
    head, stream = peek(io.BytesIO(b"hi"), 5)
    assert (head, stream.read()) == (b"hi", b"hi")
