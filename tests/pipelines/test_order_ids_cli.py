"""Issue 9 through `hushbeam redact`, for one customer dialogue: an order number gets its
own ORDER_ID pseudonym (in the vault, not typed PHONE), an SSN shape is US_SSN, a phone
after its cue stays a phone, and a username spelled out gets the written one's pseudonym."""
from __future__ import annotations

import json
import os

import pyarrow.parquet as pq

from tests.pipelines.hushbeam_cli import hb

TRANSCRIPT = ("customer: my order number is 4567891234 and my social is 123-45-6789\n"
              "customer: call me at 212-555-0187\n"
              "customer: my username is c m i n h seven three zero\n"
              "customer: the booking reference is a b c one two three")


def test_one_dialogue_gets_order_ssn_phone_and_username_types_through_redact(tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps(
        {"conversation_id": "c1", "channel": "voice", "transcript_text": TRANSCRIPT}) + "\n")
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"))
    hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "data", env=env)
    (row,) = pq.read_table(tmp_path / "data").to_pylist()
    out = row["transcript_text"]
    lines = out.splitlines()
    assert lines[0].startswith("customer: my order number is ORDER_ID#k1:")
    assert lines[0].endswith("and my social is <US_SSN>")
    assert lines[1].startswith("customer: call me at PHONE#k1:")
    assert lines[2].startswith("customer: my username is USERNAME#k1:")
    assert lines[3].startswith("customer: the booking reference is ORDER_ID#k1:")
    for value in ("4567891234", "6789", "0187", "c m i n h", "a b c"):
        assert value not in out
