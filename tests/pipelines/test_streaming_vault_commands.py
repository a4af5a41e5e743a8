"""Erasure, subject access and re-identification over a streaming job: every window at once,
with customers linked across windows."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.synthetic import make_corpus


def _run(args, work, module="pipelines.cli"):
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"), PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture
def job(tmp_path):
    """40 conversations of 4 customers, in two windows of a streaming job."""
    landing = tmp_path / "landing"
    landing.mkdir()
    corpus = make_corpus(n=40, n_customers=4)
    for i, mtime in ((0, 1772359205), (1, 1772359265)):
        path = landing / f"export-{i}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in corpus.records[i * 20:i * 20 + 20]))
        os.utime(path, (mtime, mtime))
    _run(["--streaming", "--input", landing, "--output", tmp_path / "anon",
          "--stop-when-idle", "1"], tmp_path, module="pipelines.redact")
    return tmp_path, corpus


def _rows(work):
    return pq.read_table(work / "anon").to_pylist()


def test_forget_erases_a_customer_from_every_window(job):
    work, corpus = job
    before = _rows(work)
    target = corpus.customer_of[before[0]["conversation_id"]]
    theirs = {cid for cid, c in corpus.customer_of.items() if c == target}
    windows_with_them = {r["window"] for r in before if r["conversation_id"] in theirs}
    assert len(windows_with_them) == 2  # the customer is in both windows
    out = _run(["forget", "--output", work / "anon", "--vault", work / "anon.vault",
                "--subject", f"email:{corpus.customers[target].email}",
                "--identity", work / "home" / "dev-vault-identity.pem"], work)
    receipt = json.loads(out.stdout)
    after = _rows(work)
    assert {r["conversation_id"] for r in after} == {r["conversation_id"] for r in before} - theirs
    assert receipt["rows_removed"] == len(theirs) and len(receipt["windows"]) == 2
    assert receipt["vault_tokens_removed"] > 0
    for window in (work / "anon").glob("window=*"):
        summary = json.loads((window / "_summary.json").read_text())
        assert summary["records_read"] == (summary["records_written"]
                                           + summary["records_quarantined"]
                                           + summary["records_dead_lettered"]
                                           + summary.get("records_erased", 0))
    assert list((work / "anon" / "_erasures").glob("erasure-*.json"))


def test_subject_access_and_reidentify_read_every_window(job):
    work, corpus = job
    rows = _rows(work)
    customer = corpus.customers[corpus.customer_of[rows[-1]["conversation_id"]]]
    report = json.loads(_run(["subject-access", "--output", work / "anon", "--subject",
                              f"customer:{customer.customer_id}"], work).stdout)
    expected = {r["conversation_id"] for r in rows if r["customerID"] == rows[-1]["customerID"]}
    assert {r["conversation_id"] for r in report["rows"]} == expected
    out = _run(["reidentify", "--vault", work / "anon.vault", "--identity",
                work / "home" / "dev-vault-identity.pem", "--reason", "test",
                rows[-1]["customerID"]], work)
    # vault rows hold the normalized value (customer ids are case-folded by the policy)
    assert out.stdout.split("\t")[1:] == ["CUSTOMER_ID", customer.customer_id.casefold() + "\n"]
    tokens = _run(["vault", "show", "--vault", work / "anon.vault", "--identity",
                   work / "home" / "dev-vault-identity.pem", "--kind", "tokens", "--reason",
                   "test", "--format", "json"], work)
    pseudonyms = {row["pseudonym"] for row in json.loads(tokens.stdout)}
    assert {r["customerID"] for r in rows} <= pseudonyms  # the tokens of every window
