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


def test_a_non_utf8_array_is_one_dead_letter_keeping_its_bytes():
    data = b'[{"conversation_id": "\xff"}]'
    items = list(JsonArray().items(io.BytesIO(data)))
    assert [(i.position, i.reason) for i in items] == [(1, "not_utf8")]
    assert items[0].raw.encode("latin-1") == data


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
