import gzip
import io
import json

import pytest

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

    read1 = read


def test_peek_gets_the_whole_head_from_short_reads_and_gives_it_back():
    head, stream = peek(_Trickle(b"hello world"), 5)
    assert head == b"hello"
    assert stream.read() == b"hello world"
    head, stream = peek(io.BytesIO(b"hi"), 5)
    assert (head, stream.read()) == (b"hi", b"hi")


def test_a_gzip_that_breaks_in_its_first_block_still_gives_the_lines_before_the_break():
    compressed = gzip.compress(b"not json\r\n]\n{\x0c\r\n" * 50, mtime=0)
    items = _items(compressed[:len(compressed) // 2])
    assert [(i.position, i.reason) for i in items] == [(1, "invalid_json"),
                                                       (2, "unreadable_file")]


class _BreaksOnSecondRead(io.BytesIO):
    def read1(self, size=-1):
        if self.tell():
            raise EOFError("truncated")
        return super().read1(3)


def test_peek_keeps_the_bytes_before_a_break_and_breaks_again_after_them():
    head, stream = peek(_BreaksOnSecondRead(b"abcdef"), 5)
    assert head == b"abc"
    assert stream.read(3) == b"abc"
    with pytest.raises(EOFError):
        stream.read(1)


@pytest.mark.parametrize("fraction", [0.1, 0.33, 0.5, 0.9])
def test_a_gzip_cut_anywhere_gives_every_line_decoded_before_the_cut(fraction):
    import zlib

    lines = [(json.dumps(dict(GOOD, conversation_id=f"c{i}")) + "\n").encode()
             for i in range(300)]
    compressed = gzip.compress(b"".join(lines), mtime=0)
    cut = compressed[:int(len(compressed) * fraction)]
    complete = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(cut).count(b"\n")
    items = _items(cut)
    assert [i.record["conversation_id"] for i in items[:-1]] == [
        f"c{i}" for i in range(complete)]
    assert (items[-1].position, items[-1].reason) == (complete + 1, "unreadable_file")
