"""The vendor formats go through the isolation checks of json_values: depth before
decoding, numbers, duplicate keys, lone surrogates, bytes that are not UTF-8; a value
that fails is a dead letter of its own, and a document a format cannot convert too."""
import json

import pytest

from tests.transforms.core.formats.test_contact_lens import VOICE
from tests.transforms.core.formats.vendor_support import read
from transforms.core.formats import canonical
from transforms.core.formats.contact_lens import ContactLens
from transforms.core.formats.documents import read_values
from transforms.core.nested_values import MAX_NESTING_DEPTH
from transforms.core.policy.names import canonical_fields

OK = json.dumps(VOICE)


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _reasons(items):
    return [(i.position, i.reason) for i in items]


@pytest.mark.parametrize("bad, reason", [
    (OK[:-1] + ', "Extra": ' + _deep(MAX_NESTING_DEPTH + 10) + "}", "nesting_too_deep"),
    (OK[:-1] + ', "Extra": ' + _deep(5000) + "}", "nesting_too_deep"),
    (OK[:-1] + ', "Extra": 1e999}', "number_out_of_range"),
    (OK[:-1] + ', "Extra": ' + "9" * 400 + "}", "number_out_of_range"),
    (OK[:-1] + ', "Extra": NaN}', "number_out_of_range"),
    (OK[:-1] + ', "Version": "again"}', "duplicate_key"),
    (OK[:-1] + ', "Extra": "\\ud800"}', "invalid_unicode"),
])
def test_a_bad_document_among_good_ones_is_its_own_dead_letter(bad, reason):
    data = "\n".join([OK, bad, OK]).encode()
    items = read(data, "contact-lens")
    assert _reasons(items) == [(1, None), (2, reason), (3, None)]
    assert items[1].raw.startswith("{")  # kept, to be sealed like any dead letter


@pytest.mark.parametrize("bad, reason", [
    (OK[:-1] + ', "Extra": 1e999}', "number_out_of_range"),
    (OK[:-1] + ', "Version": "again"}', "duplicate_key"),
])
def test_a_first_document_that_fails_a_check_is_still_recognised(bad, reason):
    assert [(i.input_format, i.reason) for i in read(bad.encode())] == [
        ("contact-lens", reason)]


def test_a_too_deep_object_is_one_dead_letter_under_auto_and_never_decoded():
    data = json.dumps({"conversation_id": "c"})[:-1] + ', "x": ' + _deep(100_000) + "}"
    pretty = data.replace(", ", ",\n  ")
    for content in (data, pretty):
        assert _reasons(read(content.encode())) == [(1, "nesting_too_deep")]


def test_a_canonical_object_with_a_bad_number_is_one_dead_letter():
    data = b'{\n  "conversation_id": "c",\n  "sentiment_score": 1e999\n}'
    assert [(i.input_format, i.reason) for i in read(data)] == [
        ("json-object", "number_out_of_range")]


def test_a_document_the_format_cannot_convert_is_its_own_dead_letter(monkeypatch):
    def convert(self, documents):
        if documents[0].value.get("Channel") == "CHAT":
            raise KeyError("a value from the data")
        yield from original(self, documents)

    original = ContactLens.convert
    monkeypatch.setattr(ContactLens, "convert", convert)
    chat = json.dumps(dict(VOICE, Channel="CHAT"))
    items = read("\n".join([OK, chat, OK]).encode())
    assert _reasons(items) == [(1, None), (2, "convert_failed:KeyError"), (3, None)]
    assert "a value from the data" not in str(items[1].reason)


def test_read_values_never_decodes_past_the_depth_limit():
    values = read_values(("{\"a\": " + _deep(200_000) + "}\n{\"b\": 1}").encode())
    assert [(v.value, v.reason) for v in values] == [(None, "nesting_too_deep"),
                                                     ({"b": 1}, None)]


def test_a_csv_row_with_bytes_that_are_not_utf8_or_an_infinite_number_fails_alone():
    data = (b"conversation_id,notes,sentiment_score\n"
            b"c1,fine,0.5\n"
            b"c2,caf\xe9,0.1\n"
            b"c3,fine,inf\n"
            b"c4,fine,\n")
    items = read(data)
    assert _reasons(items) == [(1, None), (2, "not_utf8"), (3, "number_out_of_range"),
                               (4, None)]
    assert items[1].raw == "c2,caf\xe9,0.1"  # one character per byte, as for a JSON line


def test_the_canonical_fields_come_from_the_default_policy_alone():
    assert set(canonical.FIELDS) == canonical_fields()
    assert {"turns", "analytics"} <= canonical_fields()


def _cut_gzip(data: bytes) -> bytes:
    import gzip

    whole = gzip.compress(data)
    return whole[:len(whole) // 2]


def test_a_gzip_cut_in_json_lines_keeps_the_lines_before_the_cut():
    lines = b"".join(json.dumps({"conversation_id": f"c{i}", "notes": "x" * 200}).encode()
                     + b"\n" for i in range(2000))
    items = read(_cut_gzip(lines))
    records = [i for i in items if i.record is not None]
    assert records and {i.input_format for i in records} == {"json-lines"}
    assert [i.reason for i in items[len(records):]] == ["unreadable_file"]
    assert items[-1].position == len(records) + 1


def test_a_gzip_cut_in_vendor_documents_ends_with_one_unreadable_item():
    import random

    rng = random.Random(7)
    docs = [json.dumps(dict(VOICE, Filler="".join(rng.choice("abcdef0123456789")
                                                   for _ in range(20_000))))
            for _ in range(12)]
    items = read(_cut_gzip("\n".join(docs).encode()), "contact-lens")
    assert items[-1].reason == "unreadable_file"
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    assert any(i.record is not None for i in items)
