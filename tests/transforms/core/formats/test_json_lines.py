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


BOM = b"\xef\xbb\xbf"


def test_a_byte_order_mark_is_dropped_at_the_start_and_on_any_line():
    line = json.dumps(GOOD).encode()
    items = _items(BOM + line + b"\n" + BOM + line + b"\n")  # the second: files `cat`ed
    assert [(i.position, i.record) for i in items] == [(1, GOOD), (2, GOOD)]


def test_an_array_on_a_line_gives_each_element_at_the_line_and_its_index():
    other = dict(GOOD, conversation_id="c2")
    data = (json.dumps(GOOD) + "\n" + json.dumps([GOOD, [other], 5, other]) + "\n").encode()
    items = _items(data)
    assert [(i.where, i.reason) for i in items] == [
        (1, None), ("2:1", None), ("2:2", "not_an_object"), ("2:3", "not_an_object"),
        ("2:4", None)]
    assert items[2].raw == json.dumps([other])  # each element keeps its own raw text


def test_a_line_that_is_not_one_closed_array_is_one_dead_letter():
    data = b'[{"conversation_id": "c1"}, {"conversa\n[1] [2]\n' + json.dumps(GOOD).encode()
    assert [(i.where, i.reason) for i in _items(data)] == [
        (1, "invalid_json"), (2, "invalid_json"), (3, None)]


def test_one_bad_element_of_a_line_array_spoils_no_other():
    data = (json.dumps(GOOD).encode() + b'\n[{"conversation_id": "\xff"}, '
            b'{"conversation_id": "c1", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}, "
            + json.dumps(GOOD).encode() + b"]")
    items = _items(data)
    assert [(i.where, i.reason) for i in items] == [
        (1, None), ("2:1", "not_utf8"), ("2:2", "nesting_too_deep"), ("2:3", None)]
    assert items[1].raw.encode("latin-1") == b'{"conversation_id": "\xff"}'


@pytest.mark.parametrize("line, reason", [
    (b'{"conversation_id": "c1", "notes": "\\ud800"}', "invalid_unicode"),
    (b'{"conversation_id": "c1", "sentiment_score": ' + b"4" * 400 + b"}",
     "number_out_of_range"),
    (b'{"conversation_id": "c1", "sentiment_score": NaN}', "number_out_of_range"),
    (b'{"conversation_id": "c1", "custom_data_fields": ' + b"[" * 5000 + b"]" * 5000 + b"}",
     "nesting_too_deep"),
    (b'{"conversation_id": "c1", "conversation_id": "c2"}', "duplicate_key"),
    (b'{"conversation_id": "c1"\x00}', "invalid_json"),
])
def test_a_bad_line_between_good_ones_is_its_own_dead_letter(line, reason):
    good = json.dumps(GOOD).encode()
    items = _items(good + b"\n" + line + b"\n" + good)
    assert [(i.position, i.reason) for i in items] == [(1, None), (2, reason), (3, None)]
    assert items[1].raw == line.decode() + "\n"
