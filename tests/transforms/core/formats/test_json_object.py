import json

from tests.transforms.core.formats.vendor_support import read
from transforms.core.formats import registry

RECORD = {"conversation_id": "c1", "notes": "call back"}


def test_one_pretty_printed_conversation_is_one_record():
    items = read(json.dumps(RECORD, indent=2).encode())
    assert [(i.input_format, i.position, i.record) for i in items] == [
        ("json-object", 1, RECORD)]


def test_an_object_of_no_known_shape_is_one_unknown_format_dead_letter():
    data = json.dumps({"ConversationAnalytics": {"Agent": "x"}, "SpeechSegments": []},
                      indent=2).encode()
    assert [(i.position, i.reason) for i in read(data)] == [(1, "unknown_format")]


def test_json_lines_are_left_to_json_lines_whatever_their_first_key():
    lines = (json.dumps({"x": 1, "conversation_id": "a"}) + "\n"
             + json.dumps({"conversation_id": "b"}) + "\n").encode()
    assert [i.input_format for i in read(lines)] == ["json-lines", "json-lines"]
    assert not registry.get("json-object").sniff(lines[:64])
