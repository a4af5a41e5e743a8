import gzip
import io
import json

import pytest

from transforms.core.formats.base import NotThisFormat
from transforms.core.formats.json_array import JsonArray
from transforms.core.formats.reader import iter_items

GOOD = {"conversation_id": "c1", "transcript_text": "hello"}


def _items(data: bytes):
    return list(iter_items(io.BytesIO(data)))


def test_json_array_and_gzip_of_either_read_the_same():
    lines = (json.dumps(GOOD) + "\n").encode()
    array = json.dumps([GOOD, 2]).encode()
    assert _items(gzip.compress(lines))[0].record == GOOD
    assert [(i.position, i.reason) for i in _items(gzip.compress(array))] == [
        (1, None), (2, "not_an_object")]


def test_positions_count_elements_not_lines():
    data = json.dumps([GOOD, {"x": 1}, GOOD], indent=2).encode()
    items = list(JsonArray().items(io.BytesIO(data)))
    assert [(i.position, i.reason) for i in items] == [
        (1, None), (2, "missing_conversation_id"), (3, None)]
    assert json.loads(items[1].raw) == {"x": 1}


def test_a_non_utf8_element_is_a_dead_letter_keeping_its_bytes_and_the_others_are_read():
    bad = b'{"conversation_id": "\xff"}'
    data = b'[' + bad + b', ' + json.dumps(GOOD).encode() + b']'
    items = list(JsonArray().items(io.BytesIO(data)))
    assert [(i.position, i.reason) for i in items] == [(1, "not_utf8"), (2, None)]
    assert items[0].raw.encode("latin-1") == bad


def test_content_that_is_not_one_document_is_declined_with_what_was_read():
    data = ("[1]\n" + json.dumps(GOOD) + "\n").encode()
    with pytest.raises(NotThisFormat) as declined:
        list(JsonArray().items(io.BytesIO(data)))
    assert declined.value.consumed == data
    assert "conversation_id" not in str(declined.value)


@pytest.mark.parametrize("head, expected", [
    (b"[{", True), (b" \n\t[", True), (b'{"conversation_id"', False), (b"", False)])
def test_an_array_is_recognised_by_its_opening_bracket(head, expected):
    assert JsonArray().sniff(head) is expected


BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize("compress", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_an_array_after_a_byte_order_mark_is_read_whole(compress):
    data = BOM + json.dumps([GOOD, GOOD], indent=1).encode()
    assert JsonArray().sniff(data[:64])
    assert [(i.position, i.record) for i in _items(compress(data))] == [(1, GOOD), (2, GOOD)]
    assert [i.record for i in JsonArray().items(io.BytesIO(data))] == [GOOD, GOOD]


def test_one_bad_element_of_an_array_file_spoils_no_other():
    elements = [json.dumps(GOOD), '{"conversation_id": "c", "x": ' + "[" * 5000 + "]" * 5000
                + "}", '{"conversation_id": "\\ud800"}', '{"conversation_id": "c", '
                '"sentiment_score": ' + "7" * 400 + "}", "NaN", json.dumps(GOOD)]
    data = ("[\n" + ",\n".join(elements) + "\n]\n").encode()
    items = list(JsonArray().items(io.BytesIO(data)))
    assert [(i.position, i.reason) for i in items] == [
        (1, None), (2, "nesting_too_deep"), (3, "invalid_unicode"), (4, "number_out_of_range"),
        (5, "number_out_of_range"), (6, None)]
    assert [i.raw for i in items[1:5]] == elements[1:5]


def test_an_array_that_never_closes_is_declined_and_read_as_lines():
    data = ("[\n" + json.dumps(GOOD) + ",\n" + json.dumps(GOOD)).encode()
    with pytest.raises(NotThisFormat):
        list(JsonArray().items(io.BytesIO(data)))
    assert [(i.position, i.reason) for i in _items(data)] == [
        (1, "invalid_json"), (2, "invalid_json"), (3, None)]
