"""What a JSON record may hold, checked before and after decoding; never an exception."""
import json
import random
import re

import pytest

from transforms.core.formats.json_values import (NotOneArray, array_spans, exceeds_depth,
                                                 parse_value, read_array, read_record)
from transforms.core.nested_values import MAX_NESTING_DEPTH

GOOD = {"conversation_id": "c1", "notes": "hello"}
REASON = re.compile(r"^[a-z0-9_]+(:[A-Za-z0-9_-]+)?$")  # a code, never a value


def _nested(depth: int, opener="[", closer="]") -> str:
    return opener * depth + closer * depth


def _record_with(value_text: str) -> str:
    return '{"conversation_id": "c1", "custom_data_fields": ' + value_text + "}"


@pytest.mark.parametrize("text, reason", [
    (_record_with(_nested(5000)), "nesting_too_deep"),
    (_record_with(_nested(5000, '{"a":', "}")[:-5000] + "1" + "}" * 5000), "nesting_too_deep"),
    ('{"conversation_id": "\\ud800"}', "invalid_unicode"),
    ('{"\\udfff": 1, "conversation_id": "c1"}', "invalid_unicode"),
    ('{"conversation_id": "c1", "sentiment_score": ' + "9" * 400 + "}", "number_out_of_range"),
    ('{"conversation_id": "c1", "sentiment_score": ' + "9" * 5000 + "}", "number_out_of_range"),
    ('{"conversation_id": 9223372036854775808}', "number_out_of_range"),
    ('{"conversation_id": -9223372036854775809}', "number_out_of_range"),
    ('{"conversation_id": "c1", "sentiment_score": NaN}', "number_out_of_range"),
    ('{"conversation_id": "c1", "sentiment_score": -Infinity}', "number_out_of_range"),
    ('{"conversation_id": "c1", "sentiment_score": 1e999}', "number_out_of_range"),
    ('{"conversation_id": "c1", "conversation_id": "c2"}', "duplicate_key"),
    ('{"conversation_id": "c1", "x": {"k": 1, "k": 2}}', "duplicate_key"),
    ('{"conversation_id": "c1"} {"conversation_id": "c2"}', "invalid_json"),
    ("", "invalid_json"),
    ("\x00", "invalid_json"),
    ('"just a string"', "not_an_object"),
    ("42", "not_an_object"),
    ("[[1]]", "not_an_object"),
    ('{"conversation_id": 1.5}', "ill_typed_field:conversation_id"),
    ('{"conversation_id": true}', "ill_typed_field:conversation_id"),
    ('{"conversation_id": {"id": "c1"}}', "ill_typed_field:conversation_id"),
    ('{"conversation_id": "   "}', "missing_conversation_id"),
    ('{"conversation_id": null}', "missing_conversation_id"),
])
def test_a_record_that_cannot_be_held_is_a_reason_never_an_exception(text, reason):
    parsed = read_record(text)
    assert (parsed.record, parsed.reason) == (None, reason)
    assert parsed.raw == text  # the dead letter keeps the input as it came


@pytest.mark.parametrize("text, expected", [
    ('{"conversation_id": "c1", "notes": "\\ud83d\\ude00"}', "\U0001F600"),  # a valid pair
    ('{"conversation_id": "c1", "notes": "a\\u0000b"}', "a\x00b"),
    ('{"conversation_id": "c1", "notes": "\\\\ud800"}', "\\ud800"),  # an escaped backslash
    ('{"conversation_id": "c1", "notes": "' + "[" * 200 + '"}', "[" * 200),
])
def test_values_that_only_look_risky_are_records(text, expected):
    assert read_record(text).record["notes"] == expected


def test_the_depth_limit_is_the_documented_constant_and_exact():
    inside = MAX_NESTING_DEPTH - 1  # the record itself is one level
    assert read_record(_record_with(_nested(inside))).record is not None
    assert read_record(_record_with(_nested(inside + 1))).reason == "nesting_too_deep"
    assert not exceeds_depth(_nested(MAX_NESTING_DEPTH))
    assert exceeds_depth(_nested(MAX_NESTING_DEPTH + 1))


def test_brackets_inside_strings_do_not_count_as_depth():
    text = '{"conversation_id": "c1", "notes": "' + "[{" * 5000 + '\\"' + "]}" * 5000 + '"}'
    assert not exceeds_depth(text)
    assert read_record(text).record is not None


def test_integers_at_the_int64_bounds_are_kept():
    assert parse_value("[9223372036854775807, -9223372036854775808]") == [2 ** 63 - 1,
                                                                           -(2 ** 63)]


def test_array_elements_are_split_without_recursion_and_read_one_by_one():
    deep = _record_with(_nested(5000))
    text = "[" + ", ".join([json.dumps(GOOD), deep, '{"conversation_id": "\\ud800"}',
                            '{"a": 1, "a": 2}', "7", json.dumps(GOOD)]) + "]"
    assert [(p.record, p.reason) for p in read_array(text)] == [
        (GOOD, None), (None, "nesting_too_deep"), (None, "invalid_unicode"),
        (None, "duplicate_key"), (None, "not_an_object"), (GOOD, None)]


@pytest.mark.parametrize("text, count", [("[]", 0), (" [ \n ] \n", 0), ('["]", 1]', 2),
                                         ("[1,,2]", 3), ("[1,]", 2)])
def test_array_spans_count_elements_and_empty_ones(text, count):
    assert len(array_spans(text)) == count


@pytest.mark.parametrize("text", ["[1]\n[2]", "[1", '["]', "[}", '{"a": 1}', "", "[1] x"])
def test_text_that_is_not_one_closed_array_is_not_split(text):
    with pytest.raises(NotOneArray):
        array_spans(text)


# --- property: random JSON values and mutations of them never make the reader raise -------

_ATOMS = [None, True, False, 0, -1, 2 ** 63, -(2 ** 63) - 1, 10 ** 400, 1.5, 1e308,
          "", "x", "\ud800", "\udfff", "\x00", "\ufeff", "a\u2028b", "[{", '"', "\\"]


def _value(rng: random.Random, depth: int):
    roll = rng.random()
    if depth > 0 and roll < 0.3:
        return [_value(rng, depth - 1) for _ in range(rng.randrange(4))]
    if depth > 0 and roll < 0.6:
        return {rng.choice(["conversation_id", "notes", "sentiment_score", "k", "\ud800"]):
                _value(rng, depth - 1) for _ in range(rng.randrange(4))}
    return rng.choice(_ATOMS)


def _mutated(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randrange(3)):
        op = rng.randrange(4)
        at = rng.randrange(len(data) + 1)
        if op == 0:
            data[at:at] = rng.choice([b"\xff", b"\x00", b"[" * 3000, b"NaN", b"\xef\xbb\xbf",
                                      b"\n", b",", b"}"])
        elif op == 1 and data:
            del data[at:at + rng.randrange(1, 8)]
        elif op == 2:
            data = data[:at]  # truncated
    return bytes(data)


def _texts(rng: random.Random):
    value = _value(rng, rng.randrange(6))
    if rng.random() < 0.5:
        value = {"conversation_id": "c1", "custom_data_fields": value}
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5, allow_nan=True)
    data = text.encode("utf-8", "surrogatepass")
    return _mutated(rng, data) if rng.random() < 0.5 else data


@pytest.mark.parametrize("seed", range(20))
def test_random_json_values_never_make_the_reader_raise(seed):
    from io import BytesIO

    from transforms.core.formats.reader import iter_items

    rng = random.Random(seed)
    for _ in range(100):
        lines = b"\n".join(_texts(rng) for _ in range(rng.randrange(1, 4)))
        array = b"[" + b",".join(_texts(rng) for _ in range(rng.randrange(3))) + b"]"
        for data in (lines, array):
            for item in iter_items(BytesIO(data)):
                assert (item.record is None) != (item.reason is None)
                if item.record is not None:  # what passes can be held downstream
                    json.dumps(item.record, ensure_ascii=False, allow_nan=False).encode()
                else:
                    assert REASON.match(item.reason), item.reason
                    if item.raw is not None:
                        item.raw.encode("utf-8")
