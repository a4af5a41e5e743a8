import io
import json

import pytest

from transforms.core.formats.json_lines import JsonLines
from transforms.core.formats.reader import iter_items

GOOD = {"conversation_id": "c1", "transcript_text": "hello"}


def _items(data: bytes):
    return list(iter_items(io.BytesIO(data)))


def test_json_lines_give_records_and_positioned_dead_letters():
    data = (json.dumps(GOOD) + "\nnot json\n\n[1]\n" + json.dumps({"x": 1}) + "\n").encode()
    items = _items(data)
    assert [(i.position, i.reason) for i in items] == [
        (1, None), (2, "invalid_json"), (4, "not_an_object"), (5, "missing_conversation_id")]
    assert items[0].record == GOOD


def test_ill_typed_fields_are_dead_letters():
    bad = {"conversation_id": "c", "sentiment_score": "high"}
    assert _items(json.dumps(bad).encode())[0].reason == "ill_typed_field:sentiment_score"
    bad = {"conversation_id": "c", "transcript_text": 42}
    assert _items(json.dumps(bad).encode())[0].reason == "ill_typed_field:transcript_text"


def test_invalid_utf8_line_is_a_dead_letter_not_a_crash():
    items = _items(b'{"conversation_id": "\xff"}\n' + json.dumps(GOOD).encode())
    assert [i.reason for i in items] == ["not_utf8", None]


def test_json_lines_whose_first_line_is_an_array_still_read_line_by_line():
    data = ("[1]\n" + json.dumps(GOOD) + "\n").encode()
    assert [i.reason for i in _items(data)] == ["not_an_object", None]


class _BreaksAfter(io.BytesIO):
    """A stream whose lines run out into a read error (a truncated download, say)."""

    def __iter__(self):
        yield from self.getvalue().splitlines(keepends=True)
        raise OSError("connection reset")


def test_a_stream_that_breaks_ends_with_unreadable_on_the_line_after_the_last_read():
    items = list(JsonLines().items(_BreaksAfter((json.dumps(GOOD) + "\n\n\n").encode())))
    assert [(i.position, i.reason) for i in items] == [(1, None), (4, "unreadable_file")]


@pytest.mark.parametrize("head", [b"", b"not json", b"[1]", b'{"conversation_id"'])
def test_json_lines_take_any_content_so_a_damaged_file_still_gives_its_good_lines(head):
    assert JsonLines().sniff(head)
