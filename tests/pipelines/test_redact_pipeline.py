"""End to end: the graph the CLI runs, on the bundled samples and on a synthetic corpus."""
from __future__ import annotations

import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import apache_beam as beam
import pyarrow.parquet as pq
import pytest
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.config import RedactConfig
from pipelines.graph import build_pipeline
from pipelines.runner import OfflineDirectRunner
from tests.conftest import REPO
from tests.synthetic import FILLER, make_corpus
from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.redact_text import BatchSizes
from transforms.keys.sealing import load_identity, open_sealed

PYTHON = sys.executable


def _config(tmp_path, policy, keyset, key_home, pattern):
    return RedactConfig(input=pattern, output=str(tmp_path / "out"),
                        vault_output=str(tmp_path / "out.vault"), policy=policy,
                        keyset=keyset, recipient_pem=(key_home / "recipient.pem").read_bytes(),
                        run_id="test-run", batch_sizes=BatchSizes(min_records=2, max_records=4))


def _rows(out_dir) -> list:
    rows = []
    for path in sorted(glob.glob(os.path.join(out_dir, "part-*.parquet"))):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def _sealed(vault_dir, folder, identity, kind, run_id):
    records = []
    for path in sorted(glob.glob(os.path.join(vault_dir, folder, "part-*.sealed.jsonl"))):
        for line in Path(path).read_text().splitlines():
            records.append(open_sealed(line, identity, kind, run_id))
    return records


def test_samples_flow_through_every_stage(tmp_path, policy, keyset, key_home):
    cfg = _config(tmp_path, policy, keyset, key_home, str(REPO / "samples" / "*.json*"))
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        outputs = build_pipeline(p, cfg)
        assert_that(outputs["records"] | beam.Map(lambda e: e["fields"]["conversation_id"]),
                    equal_to([f"conv-0000{i}" for i in range(1, 6)]), label="Ids")
        assert_that(outputs["dead_letters"] | beam.Map(lambda d: (d["stage"], d["reason"])),
                    equal_to([("read", "invalid_json"), ("read", "missing_conversation_id")]),
                    label="DeadLetters")
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert (summary["records_read"], summary["records_written"],
            summary["records_dead_lettered"], summary["records_quarantined"]) == (7, 5, 2, 0)
    assert summary["counts_conserved"] and summary["key_id"] == keyset.key_id
    rows = _rows(tmp_path / "out")
    assert {r["customerID"] for r in rows if r["conversation_id"] in ("conv-00001",
                                                                     "conv-00002")} == {
        rows[0]["customerID"]}  # CUST_998877 and cust_998877: one customer
    schema = pq.read_schema(glob.glob(str(tmp_path / "out" / "part-*.parquet"))[0])
    assert schema.metadata[b"hushbeam.key_id"] == keyset.key_id.encode()
    assert schema.field("sentiment_score").type == "double"
    assert {r["language"] for r in rows} == {"en"}
    identity = load_identity(key_home / "identity.pem")
    letters = _sealed(tmp_path / "out.vault", "dead_letters", identity, "dead_letter",
                      "test-run")
    assert sorted(d["position"] for d in letters) == [2, 5]


# --- the CLI on a few hundred synthetic conversations, run once for the module ---------

@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("cli")
    corpus = make_corpus(n=300)
    exports = work / "exports"
    exports.mkdir()
    corpus.write_jsonl(exports / "part1.jsonl")
    with gzip.open(exports / "part2.json.gz", "wt") as fh:  # one record of it as an array
        json.dump([corpus.records.pop()], fh)
    with open(exports / "part1.jsonl", "w") as fh:
        for record in corpus.records:
            fh.write(json.dumps(record) + "\n")
        fh.write('{"conversation_id": "broken", "notes": "call ' + corpus.planted["phone"][0])
    corpus.records.append(json.load(gzip.open(exports / "part2.json.gz", "rt"))[0])
    net_log, site = work / "net.log", work / "site"
    site.mkdir()
    shutil.copy(Path(__file__).with_name("netguard_sitecustomize.py"), site / "sitecustomize.py")
    home = work / "home"
    env = dict(os.environ, HUSHBEAM_HOME=str(home), HUSHBEAM_NET_LOG=str(net_log),
               PYTHONPATH=os.pathsep.join([str(site), str(REPO)]))
    proc = subprocess.run(
        [PYTHON, "-m", "pipelines.redact", "--input", str(exports / "*"),
         "--output", str(work / "anon"), "--log-level", "DEBUG"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    return {"proc": proc, "corpus": corpus, "work": work, "net_log": net_log, "home": home}


def test_cli_run_succeeds_and_conserves_counts(cli_run):
    proc = cli_run["proc"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((cli_run["work"] / "anon" / "_summary.json").read_text())
    assert summary["records_read"] == 301
    assert summary["records_read"] == (summary["records_written"]
                                       + summary["records_quarantined"]
                                       + summary["records_dead_lettered"])
    assert summary["records_dead_lettered"] == 1
    assert summary["records_written"] >= 295  # quarantine is for the rare miss


def _all_output_text(work: Path) -> str:
    chunks = []
    for row in _rows(work / "anon"):
        chunks.extend(str(v) for v in row.values() if v is not None)
    chunks.append((work / "anon" / "_summary.json").read_text())
    return "\n".join(chunks)


@pytest.mark.parametrize("kind", ["email", "phone", "customer_id", "ssn", "card", "iban",
                                  "policy_id", "token", "signed_url"])
def test_no_planted_identifier_reaches_the_dataset(cli_run, kind):
    text = _all_output_text(cli_run["work"]).casefold()
    leaked = [v for v in set(cli_run["corpus"].planted[kind]) if v.strip().casefold() in text]
    assert leaked == []


def test_one_customer_keeps_one_pseudonym_across_formats(cli_run):
    corpus = cli_run["corpus"]
    by_customer = defaultdict(lambda: defaultdict(set))
    for row in _rows(cli_run["work"] / "anon"):
        customer = corpus.customer_of[row["conversation_id"]]
        for column in ("emailAddress", "phoneNumber", "customerID"):
            by_customer[customer][column].add(row[column])
        assert row["emailAddress"] in row["transcript_text"]  # same pseudonym in the text
    assert len(by_customer) > 40
    for columns in by_customer.values():
        assert all(len(values) == 1 for values in columns.values()), columns
    emails = [next(iter(c["emailAddress"])) for c in by_customer.values()]
    assert len(set(emails)) == len(emails) and all(PSEUDONYM_RE.fullmatch(e) for e in emails)


def test_ordinary_words_survive(cli_run):
    words = kept = 0
    for row in _rows(cli_run["work"] / "anon"):
        tokens = re.findall(r"[a-z]+", row["transcript_text"].lower())
        counts = {w: tokens.count(w) for w in set(FILLER)}
        for word in FILLER:
            words += 1
            kept += counts[word] > 0
    assert kept / words >= 0.95


def test_logs_at_debug_hold_no_planted_value(cli_run):
    proc, corpus = cli_run["proc"], cli_run["corpus"]
    logs = (proc.stdout + proc.stderr).casefold()
    assert "hushbeam" in logs  # the log was captured
    planted = {v.strip() for values in corpus.planted.values() for v in values}
    planted |= {c.name for c in corpus.customers}
    assert [v for v in planted if v.casefold() in logs] == []


def test_run_made_no_network_call(cli_run):
    assert not cli_run["net_log"].exists(), cli_run["net_log"].read_text()


def test_vault_is_sealed_and_opens_with_the_dev_identity(cli_run):
    vault = cli_run["work"] / "anon.vault"
    raw = "\n".join(p.read_text() for p in vault.rglob("*.jsonl")).casefold()
    planted = {v.strip().casefold() for values in cli_run["corpus"].planted.values()
               for v in values}
    assert [v for v in planted if v in raw] == []
    summary = json.loads((cli_run["work"] / "anon" / "_summary.json").read_text())
    identity = load_identity(cli_run["home"] / "dev-vault-identity.pem")
    letters = _sealed(vault, "dead_letters", identity, "dead_letter", summary["run_id"])
    assert [d["reason"] for d in letters] == ["invalid_json"]
    assert cli_run["corpus"].planted["phone"][0] in letters[0]["raw"]
