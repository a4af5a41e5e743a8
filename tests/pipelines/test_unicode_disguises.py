"""Unicode disguises through `hushbeam redact`: none reaches the dataset, and with detection
switched off for them, the leak guard quarantines every one."""
from __future__ import annotations

import json
import os
import re

import pyarrow.parquet as pq
import pytest

from tests.pipelines.hushbeam_cli import hb
from transforms.keys.sealing import DEV_IDENTITY_NAME, load_identity, open_sealed
from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.core.shadow_text import shadow_text

# conversation id -> (transcript, the values that must not be left, guard reason when missed)
DISGUISES = {
    "underscore": ("customer: call me at 212_555_0147 please", ["2125550147", "0147"],
                   "phone_number"),
    "tilde": ("customer: call me at 212~555~0147", ["2125550147", "0147"], "phone_number"),
    "asterisk": ("customer: my cell is 212*555*0147", ["2125550147", "0147"], "phone_number"),
    "pipe": ("customer: call 212|555|0147 after six", ["2125550147", "0147"], "phone_number"),
    "middle-dot": ("customer: call 212\u00b7555\u00b70147", ["2125550147", "0147"],
                   "phone_number"),
    "zero-width-phone": ("customer: my number is 212-555\u200b-0147", ["2125550147", "0147"],
                         "phone_number"),
    "nul-phone": ("customer: my number is 212-555\x00-0147", ["2125550147", "0147"],
                  "phone_number"),
    "full-width-email": ("customer: ｆｗ．ｔｅｘｔ＠ｅｘａｍｐｌｅ．ｃｏｍ is my email",
                         ["fw.text", "example.com"], "email"),
    "full-width-ssn": ("customer: my ssn is ２１９－０９－９９３３", ["219099933", "9933"], "ssn"),
    "zero-width-email": ("customer: write to jane\u200b.doe@exam\u00adple.com",
                         ["jane.doe", "example.com"], "email"),
    "chinese-mobile": ("我的手机13812345678谢谢", ["13812345678", "5678"], "phone_number"),
    "japanese-email": ("メールはtaro@example.jpです", ["taro", "example.jp"], "email"),
    "chinese-email": ("我的邮箱是wang.li@example.cn谢谢", ["wang.li", "example.cn"], "email"),
    "chinese-name": ("我叫王小明，谢谢", ["王小明", "小明"], "name"),
    "chinese-name-weak-cue": ("你好，我是李伟", ["李伟"], "name"),
    "japanese-name": ("私の名前は山田太郎です", ["山田", "太郎"], "name"),
    "japanese-kana-name": ("たなかさん、こんにちは", ["たなか"], "name"),
    "arabic-name": ("مرحبا، اسمي أحمد علي", ["أحمد", "علي"], "name"),
    "latin-name": ("customer: hi, my name is Urmi Nanda", ["urmi", "nanda"], "name"),
}
ORDINARY = {"clean-en": "customer: hello, I need help with my bill",
            "clean-zh": "今天天气很好，我们去公园吧", "clean-ja": "お客様のお名前をお願いします"}

# A policy whose detection misses every disguise: the types are not detected, or (names)
# only above any detector's score. What the dataset then holds is the guard's doing.
BLIND_POLICY = """extends: default
detectEntities: [PERSON, LOCATION]
entities:
  PERSON: {operator: REPLACE, newValue: "<PERSON>", minScore: 0.99}
"""


def _run(tmp_path, *policy):
    records = [{"conversation_id": cid, "channel": "chat", "transcript_text": text}
               for cid, (text, _, _) in DISGUISES.items()]
    records += [{"conversation_id": cid, "channel": "chat", "transcript_text": text}
                for cid, text in ORDINARY.items()]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"))
    hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "data", *policy,
       env=env)
    rows = {r["conversation_id"]: r for r in pq.read_table(tmp_path / "data").to_pylist()}
    summary = json.loads((tmp_path / "data" / "_summary.json").read_text())
    identity = load_identity(tmp_path / "home" / DEV_IDENTITY_NAME)
    held = {}
    for path in sorted((tmp_path / "data.vault" / "quarantine").glob("*.sealed.jsonl")):
        for line in path.read_text().splitlines():
            record = open_sealed(line, identity, "quarantine", summary["run_id"])
            held[json.loads(record["raw"])["conversation_id"]] = record["reason"]
    return rows, summary, held


def _left(text: str, values) -> list:
    """The values still readable in an output text, however it is written."""
    plain = shadow_text(PSEUDONYM_RE.sub(" ", text)).casefold()
    digits = re.sub(r"\D", "", plain)
    return [v for v in values if v.casefold() in plain or (v.isdigit() and v in digits)]


@pytest.fixture(scope="module")
def default_run(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("unicode-default"))


@pytest.fixture(scope="module")
def blind_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("unicode-blind")
    (work / "blind.yaml").write_text(BLIND_POLICY)
    return _run(work, "--policy", work / "blind.yaml", "--max-quarantine-rate", "1")


@pytest.mark.parametrize("cid", sorted(DISGUISES))
def test_a_disguised_value_is_written_redacted_with_nothing_of_it_left(default_run, cid):
    rows, _, _ = default_run
    text, values, _ = DISGUISES[cid]
    assert cid in rows  # written, not quarantined
    assert rows[cid]["transcript_text"] != text
    assert _left(rows[cid]["transcript_text"], values) == []


def test_every_record_is_written_and_ordinary_text_is_kept(default_run):
    rows, summary, _ = default_run
    assert summary["records_written"] == len(DISGUISES) + len(ORDINARY)
    for cid, text in ORDINARY.items():
        assert rows[cid]["transcript_text"] == text


def test_when_detection_misses_them_the_guard_quarantines_every_disguise(blind_run):
    rows, summary, held = blind_run
    assert sorted(rows) == sorted(ORDINARY)  # every disguise held back, the rest written
    assert sorted(held) == sorted(DISGUISES)
    for cid, (_, _, reason) in DISGUISES.items():
        assert reason in held[cid].removeprefix("leak:").split(","), (cid, held[cid])
    assert summary["records_quarantined"] == len(DISGUISES)
