import gzip
import io
import json

from transforms.core.formats import iter_items

GOOD = {"conversation_id": "c1", "transcript_text": "hello"}


def _items(data: bytes):
    return list(iter_items(io.BytesIO(data)))


def test_json_lines_give_records_and_positioned_dead_letters():
    data = (json.dumps(GOOD) + "\nnot json\n\n[1]\n" + json.dumps({"x": 1}) + "\n").encode()
    items = _items(data)
    assert [(i.position, i.reason) for i in items] == [
        (1, None), (2, "invalid_json"), (4, "not_an_object"), (5, "missing_conversation_id")]
    assert items[0].record == GOOD


def test_json_array_and_gzip_of_either_read_the_same():
    lines = (json.dumps(GOOD) + "\n").encode()
    array = json.dumps([GOOD, 2]).encode()
    assert _items(gzip.compress(lines))[0].record == GOOD
    assert [(i.position, i.reason) for i in _items(gzip.compress(array))] == [
        (1, None), (2, "not_an_object")]


def test_ill_typed_fields_are_dead_letters():
    bad = {"conversation_id": "c", "sentiment_score": "high"}
    assert _items(json.dumps(bad).encode())[0].reason == "ill_typed_field:sentiment_score"
    bad = {"conversation_id": "c", "transcript_text": 42}
    assert _items(json.dumps(bad).encode())[0].reason == "ill_typed_field:transcript_text"


def test_truncated_gzip_ends_with_one_unreadable_item():
    data = gzip.compress((json.dumps(GOOD) + "\n").encode() * 1000)[:200]
    items = _items(data)
    assert items[-1].reason == "unreadable_file"


def test_invalid_utf8_line_is_a_dead_letter_not_a_crash():
    items = _items(b'{"conversation_id": "\xff"}\n' + json.dumps(GOOD).encode())
    assert [i.reason for i in items] == ["not_utf8", None]


def test_json_lines_whose_first_line_is_an_array_still_read_line_by_line():
    data = ("[1]\n" + json.dumps(GOOD) + "\n").encode()
    assert [i.reason for i in _items(data)] == ["not_an_object", None]
