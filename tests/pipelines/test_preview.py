"""`hushbeam preview`: a policy tried on a few records, through the run's own steps; nothing
written, raw text on stdout only."""
from __future__ import annotations

import json
import os
import re

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.pipelines.hushbeam_cli import hb, keyed_workdir

RECORDS = [
    {"conversation_id": "p-1", "start_time": "2026-03-01T10:00:00Z", "channel": "voice",
     "emailAddress": "Jane.Doe@Example.com",
     "transcript_text": "customer: hi this is John Smith, card 4111 1111 1111 1111, mail "
                        "jane.doe@example.com"},
    {"conversation_id": "p-2", "start_time": "2026-03-01T11:00:00Z",
     "channel": "caller@example.org", "transcript_text": "agent: how can I help"},
    {"conversation_id": "p-3", "start_time": "2026-03-01T12:00:00Z", "channel": "chat",
     "transcript_text": "agent: bye"},
]


@pytest.fixture()
def exports(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return path


def _tree(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else None


def test_preview_json_reports_each_detection_and_writes_nothing(tmp_path, exports):
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    env = dict(os.environ, HUSHBEAM_HOME=str(home))
    repo_before = _tree(REPO / "samples")
    proc = hb("preview", "--input", exports, "-n", "2", "--format", "json", env=env, cwd=cwd)
    report = json.loads(proc.stdout)
    assert [r["id"] for r in report["records"]] == ["p-1", "p-2"]
    first = report["records"][0]
    found = {(d["text"], d["entity"], d["recognizer"]) for t in first["text"]
             for d in t["detections"]}
    assert ("John Smith", "PERSON", "SpacyRecognizer") in found
    assert found & {("4111 1111 1111 1111", "CREDIT_CARD", name)  # both score it 1.0
                    for name in ("CreditCardRecognizer", "ChecksumCardRecognizer")}
    assert all(0 < d["score"] <= 1 for t in first["text"] for d in t["detections"])
    assert "John Smith" not in first["text"][0]["after"]
    assert report["pseudonyms"].startswith("placeholders")  # no keyring: none made
    assert first["structured"] == [{"field": "emailAddress", "before": "Jane.Doe@Example.com",
                                    "after": "<EMAIL pseudonym>"}]
    assert report["records"][1]["quarantine"] == ["email"]  # an email in a passthrough field
    assert _tree(cwd) == [] and not home.exists() and _tree(REPO / "samples") == repo_before
    assert "John Smith" not in proc.stderr and "Jane" not in proc.stderr


def test_preview_with_the_keyset_shows_the_pseudonyms_the_run_writes(tmp_path, exports):
    env = keyed_workdir(tmp_path)
    keyset = tmp_path / "keyset.json"
    shown = json.loads(hb("preview", "--input", exports, "--keyset", keyset, "--format",
                          "json", env=env).stdout)
    assert shown["pseudonyms"].startswith("keyed with hb-")
    hb("redact", "--input", exports, "--output", tmp_path / "o", "--keyset", keyset,
       "--vault-recipient", tmp_path / "id.pem.pub", "--max-quarantine-rate", "1", env=env)
    written = {row["conversation_id"]: row for part in sorted((tmp_path / "o").glob("*.parquet"))
               for row in pq.read_table(part).to_pylist()}
    preview = shown["records"][0]
    assert preview["structured"][0]["after"] == written["p-1"]["emailAddress"]
    assert preview["text"][0]["after"] == written["p-1"]["transcript_text"]
    assert "p-2" not in written  # quarantined by the run, as preview said


def test_preview_text_marks_each_detection_in_the_before_text(tmp_path, exports):
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"))
    out = hb("preview", "--input", exports, "-n", "1", env=env).stdout
    assert "placeholders" in out and "Nothing is written" in out
    assert "[John Smith]^1" in out and "[4111 1111 1111 1111]^2" in out
    assert "^1 PERSON" in out and "SpacyRecognizer" in out and "<PERSON>" in out
    assert "=== record 2" not in out


def test_preview_of_nothing_is_a_one_line_error(tmp_path):
    proc = hb("preview", "--input", tmp_path / "none*.jsonl", check=False)
    assert proc.returncode == 2 and "no input file matches" in proc.stderr


def test_preview_pseudonyms_have_the_policys_length(key_home):
    from pipelines.preview import _pseudonymizer
    from transforms.core.policy import parse_policy

    policy = parse_policy({"extends": "default", "pseudonyms": {"length": 16}})
    pseudonymizer, _ = _pseudonymizer(str(key_home / "keyset.json"), policy)
    assert re.fullmatch(r"EMAIL#k1:[a-z2-7]{16}", pseudonymizer.pseudonym("EMAIL", "a@b.c"))
