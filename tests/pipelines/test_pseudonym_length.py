"""A dataset made with ``pseudonyms: {length: 16}``: its pseudonyms are 16 characters in
the columns, the text and the vault; forget and subject-access with that policy find the
customer, and refuse a policy of another length rather than silently find nothing; rekey
keeps the length."""
from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from tests.pipelines.hushbeam_cli import hb, keyed_workdir
from transforms.core.pseudonym import PSEUDONYM_RE

RECORDS = [{"conversation_id": f"c-{i}", "channel": "chat", "emailAddress": email,
            "transcript_text": f"customer: please write to {email} about my bill"}
           for i, email in enumerate(["jane.doe@mail.org", "bob@mail.org", "JANE.DOE@mail.org"])]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    work = tmp_path_factory.mktemp("length")
    env = keyed_workdir(work)
    (work / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    (work / "short.yaml").write_text("extends: default\npseudonyms: {length: 16}\n")
    hb("redact", "--input", work / "in.jsonl", "--output", work / "data", "--keyset",
       work / "keyset.json", "--vault-recipient", work / "id.pem.pub", "--policy",
       work / "short.yaml", env=env)
    return {"work": work, "env": env}


def _rows(dataset):
    return {r["conversation_id"]: r for r in pq.read_table(dataset).to_pylist()}


def test_every_pseudonym_of_the_dataset_has_the_policys_length(made):
    rows = _rows(made["work"] / "data")
    email = rows["c-0"]["emailAddress"]
    assert PSEUDONYM_RE.fullmatch(email) and len(email.rpartition(":")[2]) == 16
    assert rows["c-0"]["transcript_text"] == f"customer: please write to {email} about my bill"
    assert rows["c-2"]["emailAddress"] == email != rows["c-1"]["emailAddress"]
    summary = json.loads((made["work"] / "data" / "_summary.json").read_text())
    assert "first 16 base32 characters" in summary["pseudonym_format"]


def test_forget_finds_the_customer_with_the_policy_and_refuses_another_length(made, tmp_path):
    work, env = made["work"], made["env"]
    args = ["forget", "--output", tmp_path / "data", "--vault", tmp_path / "data.vault",
            "--keyset", work / "keyset.json", "--subject", "email:jane.doe@mail.org"]
    shutil.copytree(work / "data", tmp_path / "data")
    shutil.copytree(work / "data.vault", tmp_path / "data.vault")
    refused = hb(*args, env=env, check=False)
    assert refused.returncode != 0 and "pseudonyms.length" in refused.stderr
    assert len(_rows(tmp_path / "data")) == 3
    receipt = json.loads(hb(*args, "--policy", work / "short.yaml", env=env).stdout)
    assert receipt["rows_removed"] == 2 and set(_rows(tmp_path / "data")) == {"c-1"}


def test_rekey_keeps_the_length(made, tmp_path):
    work, env = made["work"], made["env"]
    hb("keys", "create", "--kms", f"local://{tmp_path / 'm2.key'}", "--out",
       tmp_path / "k2.json", "--version", "2", env=env)
    hb("rekey", "--keyset", work / "keyset.json", "--dataset", work / "data", "--vault",
       work / "data.vault", "--identity", work / "id.pem", "--new-keyset", tmp_path / "k2.json",
       "--output", tmp_path / "rekeyed", env=env)
    email = _rows(tmp_path / "rekeyed")["c-0"]["emailAddress"]
    assert email.startswith("EMAIL#k2:") and len(email.rpartition(":")[2]) == 16
