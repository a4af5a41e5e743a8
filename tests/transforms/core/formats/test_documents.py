import io
import json

from transforms.core.formats.documents import first_key, read_first, read_values


class _Counting(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.largest = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.largest = max(self.largest, self.tell())
        return chunk

    read1 = read  # the reader keeps what came before a break with read1


def test_the_first_value_of_json_lines_is_read_without_reading_the_whole_file():
    line = json.dumps({"conversation_id": "c", "notes": "x" * 100}) + "\n"
    stream = _Counting((line * 200_000).encode())
    value, more, consumed = read_first(stream)
    assert value["conversation_id"] == "c" and more
    assert stream.largest == len(consumed) < 1_000_000


def test_a_broken_first_line_is_known_as_invalid_without_reading_to_the_end():
    data = ('{"conversation_id": "broken", \n' + json.dumps({"a": 1}) + "\n") * 100_000
    stream = _Counting(data.encode())
    value, _, _ = read_first(stream)
    assert value is None and stream.largest < 1_000_000


def test_a_value_longer_than_a_chunk_and_a_character_cut_by_a_chunk_are_read_whole():
    doc = {"Transcript": [{"Content": "café " * 40_000}]}
    value, more, _ = read_first(io.BytesIO(json.dumps(doc, ensure_ascii=False).encode()))
    assert value == doc and not more


def test_comments_are_dropped_but_not_slashes_inside_strings():
    data = b'{\n  "a": "https://x.example/p", // a comment\n  /* another */ "b": 1\n}'
    assert [v.value for v in read_values(data)] == [{"a": "https://x.example/p", "b": 1}]
    assert read_first(io.BytesIO(data))[0] == {"a": "https://x.example/p", "b": 1}


def test_what_follows_the_last_value_is_one_dead_letter_and_the_values_before_it_stay():
    values = read_values(b'{"a": 1}\n}\n')
    assert [(v.value, v.reason, v.raw) for v in values] == [({"a": 1}, None, None),
                                                            (None, "trailing_content", "}\n")]


def test_a_broken_value_between_objects_is_one_dead_letter_and_reading_goes_on():
    values = read_values(b'{"a": 1}\n{"b": \n{"c": 3}\n')
    assert [(v.value, v.reason) for v in values] == [({"a": 1}, None), (None, "invalid_json"),
                                                     ({"c": 3}, None)]


def test_content_that_is_not_utf8_is_one_dead_letter():
    assert [v.reason for v in read_values(b'{"a": "\xff"}')] == ["not_utf8"]


def test_the_first_key_is_read_from_the_head_when_it_shows():
    assert first_key(b'{\n    "Version": "1.1.0",') == "Version"
    assert first_key(b"   ") is None
