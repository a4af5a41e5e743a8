"""A local streaming run as a new user meets it: start on an empty landing directory, drop
a few hundred synthetic conversations in several files over time, stop with Ctrl-C, and
find every conversation in windowed Parquet with the guarantees of batch; then start the
same command again and see nothing duplicated."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.synthetic import make_corpus
from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.keys.sealing import load_identity
from transforms.datasets.vault import VaultKey, read_vault
from transforms.keys.keyset import DEV_KEYSET_NAME, load_keyset

PYTHON = sys.executable
FILES = 5


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _command(work: Path, *extra):
    return [PYTHON, "-m", "pipelines.redact", "--streaming",
            "--input", str(work / "landing" / "*.json*"), "--output", str(work / "anon"),
            "--window-seconds", "4", "--num-shards", "2", "--poll-interval", "0.5",
            "--settle-seconds", "0.5", "--log-level", "DEBUG", *extra]


def _drop(path: Path, write) -> None:
    """Write next to the landing directory's glob, then rename: how exports should land."""
    temp = path.with_name("." + path.name + ".part")
    write(temp)
    os.replace(temp, path)


@pytest.fixture(scope="module")
def streamed(tmp_path_factory):
    work = tmp_path_factory.mktemp("streaming")
    (work / "landing").mkdir()
    corpus = make_corpus(n=300)
    net_log, site = work / "net.log", work / "site"
    site.mkdir()
    shutil.copy(Path(__file__).with_name("netguard_sitecustomize.py"), site / "sitecustomize.py")
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"), HUSHBEAM_NET_LOG=str(net_log),
               PYTHONPATH=os.pathsep.join([str(site), str(REPO)]))
    out_log, err_log = open(work / "stdout.log", "w"), open(work / "stderr.log", "w")
    proc = subprocess.Popen(_command(work), cwd=REPO, env=env, stdout=out_log, stderr=err_log)
    try:
        _wait_for(lambda: (work / "anon" / "_job.json").exists(), 120, "the job to start")
        chunk = len(corpus.records) // FILES
        started = time.monotonic()
        for i in range(FILES):
            records = corpus.records[i * chunk:(i + 1) * chunk]
            if i == FILES - 1:  # the last one gzipped, as a JSON array, with a broken item
                _drop(work / "landing" / f"export-{i}.json.gz", lambda p, r=records: p.write_bytes(
                    gzip.compress(json.dumps(r + ["not a conversation"]).encode())))
            else:
                _drop(work / "landing" / f"export-{i}.jsonl", lambda p, r=records: p.write_text(
                    "".join(json.dumps(x) + "\n" for x in r)))
            time.sleep(2.5)  # exports arrive over time, across several windows
        proc.send_signal(signal.SIGINT)  # the user's Ctrl-C: a clean stop
        proc.wait(timeout=300)
        seconds = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
        out_log.close()
        err_log.close()
    first = {"returncode": proc.returncode, "stdout": (work / "stdout.log").read_text(),
             "stderr": (work / "stderr.log").read_text(), "seconds": seconds}
    rows_before = pq.read_table(work / "anon").num_rows
    again = subprocess.run(_command(work, "--stop-when-idle", "2"), cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=300)
    return {"work": work, "corpus": corpus, "first": first, "again": again,
            "rows_before": rows_before, "net_log": net_log}


def _summaries(work: Path) -> dict:
    return {d.name: json.loads((d / "_summary.json").read_text())
            for d in sorted((work / "anon").glob("window=*"))}


def test_ctrl_c_stops_cleanly_after_committing_every_window(streamed):
    first = streamed["first"]
    assert first["returncode"] == 0, first["stderr"][-3000:]
    assert "stopped; read 301, wrote" in first["stdout"] and "dead-lettered 1 " in first["stdout"]
    summaries = _summaries(streamed["work"])
    assert len(summaries) >= 2  # files over time fill several windows
    assert all(s["counts_conserved"] for s in summaries.values())
    assert sum(s["records_read"] for s in summaries.values()) == 301
    assert sum(s["records_dead_lettered"] for s in summaries.values()) == 1
    job_report = (streamed["work"] / "anon" / "_report.md").read_text()  # the job's, at stop
    assert "streaming job" in job_report and "| read | 301 |" in job_report
    assert "hushbeam: progress: 301 records" in first["stderr"]  # the last progress line
    print(f"\n{len(summaries)} windows; drop-to-exit {first['seconds']:.1f} s")


def test_every_conversation_appears_once_in_the_windowed_parquet(streamed):
    rows = pq.read_table(streamed["work"] / "anon").to_pylist()
    ids = [r["conversation_id"] for r in rows]
    quarantined = sum(s["records_quarantined"] for s in _summaries(streamed["work"]).values())
    assert len(ids) == len(set(ids)) == 300 - quarantined
    assert quarantined <= 5


def test_no_planted_identifier_reaches_the_windows(streamed):
    work = streamed["work"]
    text = "\n".join(str(v) for r in pq.read_table(work / "anon").to_pylist()
                     for v in r.values() if v is not None)
    text += "\n".join(p.read_text() for p in (work / "anon").rglob("_summary.json"))
    text = text.casefold()
    for kind, values in streamed["corpus"].planted.items():
        assert [v for v in set(values) if v.strip().casefold() in text] == [], kind


def test_one_customer_keeps_one_pseudonym_across_windows(streamed):
    corpus = streamed["corpus"]
    by_customer = defaultdict(lambda: defaultdict(set))
    windows_of = defaultdict(set)
    for window_dir in (streamed["work"] / "anon").glob("window=*"):
        for part in window_dir.glob("part-*.parquet"):
            for row in pq.read_table(part).to_pylist():
                customer = corpus.customer_of[row["conversation_id"]]
                windows_of[customer].add(window_dir.name)
                for column in ("emailAddress", "phoneNumber", "customerID"):
                    by_customer[customer][column].add(row[column])
    assert any(len(w) > 1 for w in windows_of.values())  # customers recur across windows
    for columns in by_customer.values():
        assert all(len(v) == 1 and PSEUDONYM_RE.fullmatch(next(iter(v)))
                   for v in columns.values()), columns


def test_window_vaults_are_sealed_and_open_with_the_dev_identity(streamed):
    work = streamed["work"]
    identity = load_identity(work / "home" / "dev-vault-identity.pem")
    key = VaultKey.of(load_keyset(work / "home" / DEV_KEYSET_NAME))  # manifests carry a MAC
    letters = []
    for name, summary in _summaries(work).items():
        letters += read_vault(work / "anon.vault" / name, identity, "dead_letter", key,
                              summary["run_id"])
    assert [d["reason"] for d in letters] == ["not_an_object"]
    raw = "\n".join(p.read_text() for p in (work / "anon.vault").rglob("*.jsonl")).casefold()
    planted = {v.strip().casefold() for vs in streamed["corpus"].planted.values() for v in vs}
    assert [v for v in planted if v in raw] == []


def test_logs_hold_no_planted_value_and_no_network_call_was_made(streamed):
    first = streamed["first"]
    logs = (first["stdout"] + first["stderr"]).casefold()
    assert "landing:" in logs
    planted = {v.strip() for vs in streamed["corpus"].planted.values() for v in vs}
    planted |= {c.name for c in streamed["corpus"].customers}
    assert [v for v in planted if v.casefold() in logs] == []
    assert not streamed["net_log"].exists(), streamed["net_log"].read_text()


def test_the_same_command_again_resumes_and_duplicates_nothing(streamed):
    again = streamed["again"]
    assert again.returncode == 0, again.stderr[-3000:]
    assert "(0 new file(s) this run)" in again.stdout
    assert "read 301," in again.stdout
    assert pq.read_table(streamed["work"] / "anon").num_rows == streamed["rows_before"]
    job = json.loads((streamed["work"] / "anon" / "_job.json").read_text())
    assert len(job["starts"]) == 2 and job["counts_conserved"]
