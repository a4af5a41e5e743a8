"""Fuzz suite: malformed exports beside good records, one run of the ``hushbeam`` CLI.

Every bad record is placed between good ones. The run must exit 0, write every good
record, seal every bad one as a dead letter with its reason at its position, keep the
counts conserved, and print nothing of the bad records' content.
"""
from __future__ import annotations

import collections
import glob
import gzip
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from transforms.keys.sealing import load_identity, open_sealed

BOM = b"\xef\xbb\xbf"
HUSHBEAM = str(Path(sys.executable).with_name("hushbeam"))


def _good(cid: str) -> dict:
    return {"conversation_id": cid, "channel": "chat", "sentiment_score": 0.25,
            "transcript_text": "agent: thanks for calling\ncustomer: the order arrived, bye",
            "notes": "resolved on first contact", "custom_data_fields": {"tags": ["order"]}}


def _line(record) -> bytes:
    return json.dumps(record).encode() + b"\n"


def _mark(case: str) -> str:
    """A value planted in a bad record: it must reach no log and no output."""
    return f"RAWMARK{case.replace('-', '').upper()}"


def _bad(case: str, **fields) -> dict:
    return dict({"conversation_id": f"bad-{case}", "notes": _mark(case)}, **fields)


class Corpus:
    """Export files, the ids that must be written and the dead letters that must be sealed."""

    def __init__(self):
        self.files = {}
        self.good = []  # conversation ids, as the dataset holds them
        self.dead = {}  # (file, position) -> reason
        self.marks = {}  # (file, position) -> planted value the sealed raw keeps

    def good_record(self, cid: str) -> bytes:
        self.good.append(cid)
        return _line(_good(cid))

    def expect(self, name: str, position, reason: str, mark: str = None):
        self.dead[(name, position)] = reason
        if mark:
            self.marks[(name, position)] = mark


def _deep(depth: int, mark: str) -> str:
    return "[" * depth + json.dumps(mark) + "]" * depth


def _corpus() -> Corpus:
    c = Corpus()

    # JSON lines: one bad line between good ones, for each way a line can be bad.
    bad_lines = [
        ("deep", '{"conversation_id": "bad-deep", "custom_data_fields": '
         + _deep(5000, _mark("deep")) + "}", "nesting_too_deep"),
        ("deep-object", '{"conversation_id": "bad-deep-object", "notes": "'
         + _mark("deep-object") + '", "x": ' + '{"k": ' * 3000 + "1" + "}" * 3000 + "}",
         "nesting_too_deep"),
        ("surrogate", '{"conversation_id": "bad-surrogate", "notes": "' + _mark("surrogate")
         + ' \\ud800"}', "invalid_unicode"),
        ("surrogate-key", '{"conversation_id": "bad-surrogate-key", "notes": "'
         + _mark("surrogate-key") + '", "\\udfff": 1}', "invalid_unicode"),
        ("bigint-score", '{"conversation_id": "bad-bigint-score", "notes": "'
         + _mark("bigint-score") + '", "sentiment_score": ' + "9" * 400 + "}",
         "number_out_of_range"),
        ("bigint-id", '{"conversation_id": ' + str(2 ** 64) + ', "notes": "'
         + _mark("bigint-id") + '"}', "number_out_of_range"),
        ("nan", '{"conversation_id": "bad-nan", "notes": "' + _mark("nan")
         + '", "sentiment_score": NaN}', "number_out_of_range"),
        ("infinity", '{"conversation_id": "bad-infinity", "notes": "' + _mark("infinity")
         + '", "custom_data_fields": {"v": -Infinity}}', "number_out_of_range"),
        ("overflow-float", '{"conversation_id": "bad-overflow-float", "notes": "'
         + _mark("overflow-float") + '", "sentiment_score": 1e999}', "number_out_of_range"),
        ("duplicate", '{"conversation_id": "bad-duplicate", "notes": "' + _mark("duplicate")
         + '", "notes": "again"}', "duplicate_key"),
        ("nul", '{"conversation_id": "bad-nul", "notes": "' + _mark("nul") + '"\x00}',
         "invalid_json"),
        ("truncated-line", '{"conversation_id": "bad-truncated-line", "notes": "'
         + _mark("truncated-line"), "invalid_json"),
        ("scalar", json.dumps(_mark("scalar")), "not_an_object"),
        ("float-id", '{"conversation_id": 1.5, "notes": "' + _mark("float-id") + '"}',
         "ill_typed_field:conversation_id"),
        ("bool-id", '{"conversation_id": true, "notes": "' + _mark("bool-id") + '"}',
         "ill_typed_field:conversation_id"),
        ("object-id", '{"conversation_id": {"id": "x"}, "notes": "' + _mark("object-id")
         + '"}', "ill_typed_field:conversation_id"),
        ("blank-id", '{"conversation_id": "  ", "notes": "' + _mark("blank-id") + '"}',
         "missing_conversation_id"),
        ("text-score", '{"conversation_id": "bad-text-score", "notes": "'
         + _mark("text-score") + '", "sentiment_score": "high"}',
         "ill_typed_field:sentiment_score"),
    ]
    for case, text, reason in bad_lines:
        name = f"lines-{case}.jsonl"
        c.files[name] = (c.good_record(f"good-{case}-1") + text.encode() + b"\n"
                         + c.good_record(f"good-{case}-2"))
        c.expect(name, 2, reason, _mark(case))

    # Bytes that are not UTF-8, and a record with an escaped NUL (valid: it is written).
    c.files["lines-not-utf8.jsonl"] = (
        c.good_record("good-utf8-1") + b'{"conversation_id": "bad", "notes": "'
        + _mark("not-utf8").encode() + b' \xff\xfe"}\n' + c.good_record("good-utf8-2"))
    c.expect("lines-not-utf8.jsonl", 2, "not_utf8", _mark("not-utf8"))
    c.good.append("good-escaped-nul")
    c.files["lines-escaped-nul.jsonl"] = _line(dict(_good("good-escaped-nul"),
                                                    notes="before\u0000after"))

    # Ids that are numbers are ids: an int is kept (as text), in range.
    c.good.append("12345")
    c.files["lines-int-id.jsonl"] = _line(dict(_good("x"), conversation_id=12345))

    # A 10 MB single line: read, then too long for the NLP stage: that record only.
    huge = dict(_bad("huge"), notes=_mark("huge") + " " + "the order ships soon " * 500_000)
    c.files["lines-huge.jsonl"] = (c.good_record("good-huge-1") + _line(huge)
                                   + c.good_record("good-huge-2"))
    c.expect("lines-huge.jsonl", 2, "redaction_failed:ValueError", _mark("huge"))

    # Empty, whitespace only, a byte order mark only: no record, nothing to dead-letter.
    c.files["empty.jsonl"] = b""
    c.files["whitespace.jsonl"] = b"  \n\n\t \r\n"
    c.files["bom-only.json"] = BOM

    # A JSON scalar as a whole file; null too.
    c.files["scalar.json"] = b"42\n"
    c.expect("scalar.json", 1, "not_an_object")
    c.files["null.json"] = b"null"
    c.expect("null.json", 1, "not_an_object")

    # Arrays on JSON lines: expanded; an array inside one is not a conversation.
    inner = _bad("nested-array")
    c.files["lines-arrays.jsonl"] = (
        c.good_record("good-arrays-1")
        + json.dumps([[inner], _good("good-arrays-2"), _good("good-arrays-3")]).encode()
        + b"\n[]\n" + json.dumps([_good("good-arrays-4")]).encode() + b"\n")
    c.good.extend(["good-arrays-2", "good-arrays-3", "good-arrays-4"])
    c.expect("lines-arrays.jsonl", "2:1", "not_an_object", _mark("nested-array"))
    c.files["lines-array-bad-elements.jsonl"] = (
        c.good_record("good-line-array-1") + b"["
        + b'{"conversation_id": "bad", "notes": "' + _mark("line-array-utf8").encode()
        + b'\xff"}, ' + json.dumps(_good("good-line-array-2")).encode() + b", "
        + ('{"conversation_id": "bad", "x": ' + _deep(5000, _mark("line-array-deep"))
           + "}").encode() + b"]\n")
    c.good.append("good-line-array-2")
    c.expect("lines-array-bad-elements.jsonl", "2:1", "not_utf8", _mark("line-array-utf8"))
    c.expect("lines-array-bad-elements.jsonl", "2:3", "nesting_too_deep",
             _mark("line-array-deep"))

    # A JSON array file whose bad elements each fail alone.
    elements = [json.dumps(_good("good-array-1")),
                '{"conversation_id": "bad", "x": ' + _deep(5000, _mark("array-deep")) + "}",
                '{"conversation_id": "bad", "notes": "' + _mark("array-surrogate")
                + '\\udc00"}',
                '{"conversation_id": "bad", "notes": "' + _mark("array-bigint")
                + '", "sentiment_score": -' + "1" * 400 + "}",
                '{"conversation_id": "a", "notes": "' + _mark("array-dup")
                + '", "conversation_id": "b"}',
                json.dumps(_mark("array-scalar")),
                json.dumps(_good("good-array-2"))]
    c.files["array-bad-elements.json"] = ("[\n" + ",\n".join(elements) + "\n]\n").encode()
    c.good.extend(["good-array-1", "good-array-2"])
    for position, (reason, case) in enumerate(
            [("nesting_too_deep", "array-deep"), ("invalid_unicode", "array-surrogate"),
             ("number_out_of_range", "array-bigint"), ("duplicate_key", "array-dup"),
             ("not_an_object", "array-scalar")], start=2):
        c.expect("array-bad-elements.json", position, reason, _mark(case))
    c.files["array-not-utf8.json.gz"] = gzip.compress(
        b"[" + json.dumps(_good("good-array-utf8")).encode()
        + b', {"conversation_id": "bad", "notes": "' + _mark("array-utf8").encode()
        + b'\xc3\x28"}]')
    c.good.append("good-array-utf8")
    c.expect("array-not-utf8.json.gz", 2, "not_utf8", _mark("array-utf8"))

    # A pretty-printed array cut short: not one array, so read line by line.
    cut = ("[\n  " + json.dumps(_bad("cut-1")) + ",\n  "
           + json.dumps(_bad("cut-2"))[:-2]).encode()
    c.files["array-cut.json"] = cut
    c.expect("array-cut.json", 1, "invalid_json")
    c.expect("array-cut.json", 2, "invalid_json", _mark("cut-1"))
    c.expect("array-cut.json", 3, "invalid_json", _mark("cut-2"))

    # A byte order mark in every container, and on a line of concatenated files.
    for name, data, ids in [
        ("bom-lines.jsonl", None, ["good-bom-lines-1", "good-bom-lines-2"]),
        ("bom-lines.jsonl.gz", None, ["good-bom-gz-1", "good-bom-gz-2"]),
        ("bom-array.json", None, ["good-bom-array-1", "good-bom-array-2"]),
        ("bom-array.json.gz", None, ["good-bom-arraygz-1", "good-bom-arraygz-2"]),
    ]:
        if "array" in name:
            data = BOM + json.dumps([_good(i) for i in ids], indent=2).encode()
        else:
            data = BOM + _line(_good(ids[0])) + BOM + _line(_good(ids[1]))
        c.files[name] = gzip.compress(data) if name.endswith(".gz") else data
        c.good.extend(ids)

    # A gzip cut in the middle: the lines before the cut, then one unreadable item.
    lines = [_line(_good(f"good-cut-gz-{i}")) for i in range(200)]
    compressed = gzip.compress(b"".join(lines), mtime=0)
    truncated = compressed[:len(compressed) // 2]
    available = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(truncated)
    complete = available.count(b"\n")
    c.files["cut.jsonl.gz"] = truncated
    c.good.extend(f"good-cut-gz-{i}" for i in range(complete))
    c.expect("cut.jsonl.gz", complete + 1, "unreadable_file")
    return c


@pytest.fixture(scope="module")
def malformed_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("malformed")
    corpus = _corpus()
    exports = work / "exports"
    exports.mkdir()
    for name, data in corpus.files.items():
        (exports / name).write_bytes(data)
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"), PYTHONPATH=str(REPO))
    proc = subprocess.run([HUSHBEAM, "redact", "--input", str(exports / "*"),
                           "--output", str(work / "anon")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    return {"proc": proc, "corpus": corpus, "work": work}


def _summary(run) -> dict:
    return json.loads((run["work"] / "anon" / "_summary.json").read_text())


def _rows(run) -> list:
    rows = []
    for path in sorted(glob.glob(str(run["work"] / "anon" / "part-*.parquet"))):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def _dead_letters(run) -> list:
    identity = load_identity(run["work"] / "home" / "dev-vault-identity.pem")
    run_id = _summary(run)["run_id"]
    letters = []
    for path in sorted(glob.glob(str(run["work"] / "anon.vault" / "dead_letters" / "*"))):
        for line in Path(path).read_text().splitlines():
            letters.append(open_sealed(line, identity, "dead_letter", run_id))
    return letters


def test_the_run_succeeds_without_a_traceback(malformed_run):
    proc = malformed_run["proc"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr


def test_every_good_record_is_written_once(malformed_run):
    ids = [row["conversation_id"] for row in _rows(malformed_run)]
    assert sorted(ids) == sorted(malformed_run["corpus"].good)


def test_every_bad_record_is_one_dead_letter_with_its_reason_at_its_position(malformed_run):
    letters = _dead_letters(malformed_run)
    found = collections.Counter((os.path.basename(d["source"]), d["position"], d["reason"])
                                for d in letters)
    expected = collections.Counter((name, position, reason) for (name, position), reason
                                   in malformed_run["corpus"].dead.items())
    assert found == expected


def test_each_dead_letter_keeps_its_raw_input_sealed(malformed_run):
    raw = {(os.path.basename(d["source"]), d["position"]): d["raw"]
           for d in _dead_letters(malformed_run)}
    for key, mark in malformed_run["corpus"].marks.items():
        assert raw[key] is not None and mark in raw[key], key


def test_counts_are_conserved_and_add_up_to_the_corpus(malformed_run):
    summary, corpus = _summary(malformed_run), malformed_run["corpus"]
    assert summary["counts_conserved"]
    assert (summary["records_read"], summary["records_written"],
            summary["records_quarantined"], summary["records_dead_lettered"]) == (
        len(corpus.good) + len(corpus.dead), len(corpus.good), 0, len(corpus.dead))
    assert summary["dead_letter_reasons"] == dict(collections.Counter(corpus.dead.values()))


def test_no_bad_record_content_reaches_logs_or_the_dataset(malformed_run):
    proc = malformed_run["proc"]
    logs = proc.stdout + proc.stderr
    dataset = json.dumps(_rows(malformed_run)) + (
        malformed_run["work"] / "anon" / "_summary.json").read_text()
    marks = {_mark(case) for case in ("deep", "surrogate", "bigint-score", "nan", "huge",
                                      "not-utf8", "array-utf8", "nested-array", "cut-1")}
    marks |= set(malformed_run["corpus"].marks.values())
    assert [m for m in marks if m in logs or m in dataset] == []
