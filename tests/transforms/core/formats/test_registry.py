import argparse
import gzip
import io
import json

import pytest

from pipelines.options import RedactOptions
from transforms.core.formats import registry
from transforms.core.formats.base import InputFormat, Item, NotThisFormat
from transforms.core.formats.json_array import JsonArray
from transforms.core.formats.json_lines import JsonLines
from transforms.core.formats.reader import iter_items

GOOD = {"conversation_id": "c1", "transcript_text": "hello"}
OTHER = {"conversation_id": "c2", "notes": "bye"}
LINES = (json.dumps(GOOD) + "\n" + json.dumps(OTHER) + "\n").encode()
ARRAY = json.dumps([GOOD, OTHER], indent=1).encode()


def _read(data: bytes, input_format: str = registry.AUTO):
    return list(iter_items(io.BytesIO(data), input_format))


def _records(items):
    return [(i.position, i.record) for i in items]


@pytest.mark.parametrize("data, name", [(LINES, "json-lines"), (ARRAY, "json-array"),
                                        (b"not json at all", "json-lines")])
def test_auto_picks_each_format_from_the_content(data, name):
    assert registry.candidates(registry.AUTO, data[:64])[0].name == name


@pytest.mark.parametrize("compress", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_the_file_name_does_not_decide_the_format(tmp_path, compress):
    (tmp_path / "lines.json").write_bytes(compress(LINES))
    (tmp_path / "array.jsonl").write_bytes(compress(ARRAY))
    for name in ("lines.json", "array.jsonl"):
        with open(tmp_path / name, "rb") as fh:
            assert _records(iter_items(fh)) == [(1, GOOD), (2, OTHER)]


@pytest.mark.parametrize("compress", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_a_named_format_reads_its_own_shape(compress):
    assert _records(_read(compress(LINES), "json-lines")) == [(1, GOOD), (2, OTHER)]
    assert _records(_read(compress(ARRAY), "json-array")) == [(1, GOOD), (2, OTHER)]


def test_content_of_another_format_than_the_named_one_is_one_dead_letter():
    items = _read(gzip.compress(LINES), "json-array")
    assert [(i.position, i.reason) for i in items] == [(1, "wrong_format:json-array")]
    assert items[0].raw == LINES.decode()  # kept, to be sealed like any dead letter


def test_a_named_format_that_declines_the_content_is_a_dead_letter_not_a_fallback():
    data = ("[1]\n" + json.dumps(GOOD) + "\n").encode()
    assert [i.reason for i in _read(data)] == ["not_an_object", None]
    assert [i.reason for i in _read(data, "json-array")] == ["wrong_format:json-array"]


@pytest.mark.parametrize("compress", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_an_array_after_leading_whitespace_is_an_array_plain_or_gzipped(compress):
    assert _records(_read(compress(b"  \n" + ARRAY))) == [(1, GOOD), (2, OTHER)]


def test_empty_content_has_no_items_whatever_the_format():
    assert [_read(b"", name) for name in registry.choices()] == [[]] * len(registry.choices())


def test_registered_names_are_unique():
    assert len(set(registry.choices())) == len(registry.FORMATS) + 1


def test_content_no_registered_format_recognises_is_one_dead_letter(monkeypatch):
    monkeypatch.setattr(registry, "FORMATS", (JsonArray(),))
    assert [(i.position, i.reason) for i in _read(LINES)] == [(1, "unknown_format")]


def test_an_unknown_format_name_fails_before_reading_and_lists_the_registered_ones():
    with pytest.raises(registry.UnknownInputFormat, match="json-array, json-lines"):
        next(iter_items(io.BytesIO(LINES), "csv"))


class _DeclinesLate(InputFormat):
    name = "declines-late"

    def sniff(self, head):
        return True

    def items(self, stream):
        yield Item(1, record=GOOD)
        raise NotThisFormat(b"")


def test_a_format_that_declines_after_its_first_item_is_an_error(monkeypatch):
    monkeypatch.setattr(registry, "FORMATS", (_DeclinesLate(),))
    with pytest.raises(RuntimeError, match="declined after its first item"):
        _read(LINES)


def _input_format_flag(monkeypatch, formats):
    monkeypatch.setattr(registry, "FORMATS", formats)
    parser = argparse.ArgumentParser()
    RedactOptions._add_argparse_args(parser)
    return next(a for a in parser._actions if a.dest == "input_format")


def test_input_format_choices_come_from_the_registry(monkeypatch):
    formats = (JsonArray(), JsonLines())
    flag = _input_format_flag(monkeypatch, formats)
    assert (tuple(flag.choices), flag.default) == (
        ("auto", "json-array", "json-lines"), "auto")
    flag = _input_format_flag(monkeypatch, formats + (_DeclinesLate(),))
    assert "declines-late" in flag.choices


VENDOR_SAMPLES = {"contact_lens_voice.json": "contact-lens",
                  "contact_lens_chat_redacted.json": "contact-lens",
                  "connect_chat_transcript.json": "connect-chat-transcript",
                  "transcribe_call_analytics.json": "transcribe-call-analytics",
                  "genesys_conversation_details.json": "genesys-cloud",
                  "genesys_transcript.json": "genesys-cloud",
                  "genesys_detail_and_transcript.json": "genesys-cloud",
                  "conversations.csv": "csv-tsv"}


@pytest.mark.parametrize("name", sorted(VENDOR_SAMPLES))
@pytest.mark.parametrize("compress", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_auto_recognises_each_vendor_sample_from_its_content_not_its_name(tmp_path, name,
                                                                        compress):
    from tests.conftest import REPO

    path = tmp_path / "export.jsonl"
    path.write_bytes(compress((REPO / "samples" / "vendors" / name).read_bytes()))
    with open(path, "rb") as fh:
        items = list(iter_items(fh))
    assert items and {(i.input_format, i.reason) for i in items} == {
        (VENDOR_SAMPLES[name], None)}


def test_a_format_that_takes_any_content_is_tried_after_all_others():
    assert [f.name for f in registry.candidates(registry.AUTO, b'{"Version": "1"}')][-1] == (
        "json-lines")


class _FailsAfterOne(InputFormat):
    name = "fails-after-one"

    def sniff(self, head):
        return True

    def items(self, stream):
        yield Item(1, record=GOOD)
        raise KeyError("a value from the data")


def test_a_format_that_raises_ends_its_file_with_one_dead_letter_naming_the_error_type(
        monkeypatch):
    monkeypatch.setattr(registry, "FORMATS", (_FailsAfterOne(),))
    items = _read(LINES)
    assert [(i.position, i.reason, i.raw) for i in items] == [
        (1, None, None), (2, "read_failed:KeyError", None)]


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n \n"])
def test_empty_whitespace_and_bom_only_content_hold_no_item(data):
    assert _read(data) == [] and _read(gzip.compress(data)) == []


@pytest.mark.parametrize("compress", [bytes, gzip.compress], ids=["plain", "gzip"])
@pytest.mark.parametrize("data", [LINES, ARRAY], ids=["lines", "array"])
def test_a_byte_order_mark_is_dropped_in_every_container(data, compress):
    assert _records(_read(compress(b"\xef\xbb\xbf" + data))) == [(1, GOOD), (2, OTHER)]
