"""Policies a research team asks for, run as a user runs them: ``extends: default`` with
``PERSON: {operator: NUMBERED}`` (or SURROGATE) on the samples, the Parquet read back.
Speaker roles stay: the ``agent:``/``customer:`` prefixes of a transcript and the roles of
a vendor's turns; the agent and the customer are different people."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.pipelines.hushbeam_cli import hb
from transforms.core.operators.surrogate_names import EN_FIRST, EN_LAST

# Names in the inputs below (samples/conversations.jsonl, the Connect chat sample), by row
# ("chat": the row with turns); a surrogate may be a real name of another row, never its own
REAL_NAMES = {"conv-00001": ["John", "Smith"], "conv-00002": ["John"],
              "conv-00003": ["Maria", "Garcia"], "conv-00004": ["Priya", "Patel"],
              "more-1": ["Emma"], "chat": ["Tobias", "Wren", "Priya"]}
# A phone and an email that are not the record's own identifiers (those are its columns'
# pseudonyms wherever written)
OTHERS = ("customer: my wife Emma can be reached on 415 555 2671 or emma.roe@mail.org")


def _redact(tmp_path: Path, entities: str) -> dict:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(REPO / "samples" / "conversations.jsonl", inputs)
    shutil.copy(REPO / "samples" / "vendors" / "connect_chat_transcript.json", inputs)
    (inputs / "more.jsonl").write_text(json.dumps({
        "conversation_id": "more-1", "channel": "chat", "transcript_text": OTHERS}) + "\n")
    policy = tmp_path / "research.yaml"
    policy.write_text("extends: default\nentities:\n" + entities)
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"))
    hb("redact", "--input", f"{inputs}/*", "--output", tmp_path / "out", "--policy", policy,
       env=env)
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert summary["records_quarantined"] == 0 and summary["counts_conserved"]
    rows = pq.read_table(tmp_path / "out").to_pylist()
    return {r["conversation_id"]: r for r in rows}


def _real_names_left(rows: dict) -> list:
    left = []
    for cid, row in rows.items():
        text = json.dumps(row, ensure_ascii=False, default=str)
        names = REAL_NAMES["chat" if row.get("turns") else cid]
        left += [(cid, n) for n in names if re.search(rf"\b{n}\b", text, re.IGNORECASE)]
    return left


@pytest.fixture(scope="module")
def numbered(tmp_path_factory):
    return _redact(tmp_path_factory.mktemp("numbered"), "  PERSON: {operator: NUMBERED}\n")


@pytest.fixture(scope="module")
def surrogate(tmp_path_factory):
    return _redact(tmp_path_factory.mktemp("surrogate"), (
        "  PERSON: {operator: SURROGATE}\n  EMAIL_ADDRESS: {operator: SURROGATE}\n"
        "  PHONE_NUMBER: {operator: SURROGATE, minScore: 0.3}\n"))


def _chat(rows: dict) -> dict:
    return next(r for r in rows.values() if r.get("turns"))


def test_numbered_gives_the_customer_one_number_in_transcript_and_notes(numbered):
    row = numbered["conv-00001"]
    assert "customer: hi this is <PERSON_1>, calling about policy" in row["transcript_text"]
    assert row["notes"].startswith("Customer <PERSON_1> asked about claim status")
    assert row["transcript_text"].startswith("agent: thank you for calling acme insurance")
    assert _real_names_left(numbered) == []


def test_numbered_keeps_the_roles_of_a_vendors_turns_and_tells_agent_from_customer(numbered):
    turns = _chat(numbered)["turns"]
    roles = [t["role"] for t in turns]
    assert set(roles) == {"agent", "customer"}
    greeting = next(t["text"] for t in turns if t["role"] == "agent")
    assert greeting == "Hi <PERSON_1>, this is <PERSON_2>. How can I help?"


def test_surrogate_writes_fake_names_coherent_across_fields(surrogate):
    row = surrogate["conv-00001"]
    said = re.search(r"customer: hi this is (\w+) (\w+), calling", row["transcript_text"])
    first, last = said.groups()
    assert first in EN_FIRST and last in EN_LAST
    assert row["notes"].startswith(f"Customer {first} {last} asked about claim status")
    # another phone and email get surrogates, which the leak guard lets through
    assert re.fullmatch(r"customer: my wife \w+ can be reached on \(\d{3}\) 555-01\d\d or "
                        r"[a-z]+\.[a-z]+@example\.com", surrogate["more-1"]["transcript_text"])
    assert _real_names_left(surrogate) == []


def test_surrogate_keeps_turn_roles_and_gives_agent_and_customer_different_names(surrogate):
    turns = _chat(surrogate)["turns"]
    greeting = next(t["text"] for t in turns if t["role"] == "agent")
    customer, agent = re.fullmatch(r"Hi (\w+), this is (\w+)\. How can I help\?",
                                   greeting).groups()
    assert customer != agent and {customer, agent} <= set(EN_FIRST) | set(EN_LAST)
