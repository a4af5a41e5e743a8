"""The ledger a restarted streaming job skips comes from the windows' authenticated vault
manifests, not from their ``_summary.json``: whoever can write the dataset but holds no
key cannot make a restart skip a landing file, nor slip in another run's window (session
24's break attempts, run as the user runs the command: a subprocess)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

from tests.conftest import REPO
from tests.synthetic import make_corpus

W0, W1, W2 = "20260301T100000Z", "20260301T100100Z", "20260301T100200Z"
MTIMES = {W0: 1772359205, W1: 1772359265, W2: 1772359325}  # a minute apart


def _cli(args, home: Path):
    env = dict(os.environ, HUSHBEAM_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "pipelines.redact", *map(str, args)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


def _land(landing: Path, name: str, records, wid: str) -> Path:
    landing.mkdir(parents=True, exist_ok=True)
    path = landing / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    os.utime(path, (MTIMES[wid], MTIMES[wid]))
    return path


def _args(work: Path):
    return ["--streaming", "--input", work / "landing" / "*.jsonl", "--output", work / "out",
            "--stop-when-idle", "1"]


def _job(work: Path, home: Path, records, wid: str = W0) -> None:
    """A job that committed one window holding one landing file."""
    _land(work / "landing", "export-0.jsonl", records, wid)
    first = _cli(_args(work), home)
    assert first.returncode == 0, first.stderr[-3000:]


def _summary(work: Path, wid: str) -> Path:
    return work / "out" / f"window={wid}" / "_summary.json"


def _refused_naming(proc, wid: str, corpus) -> None:
    assert proc.returncode == 2, (proc.stdout[-1000:], proc.stderr[-3000:])
    assert wid in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    for record in corpus.records:  # never the data
        assert record["conversation_id"] not in proc.stderr


def test_a_landing_file_forged_into_a_window_summary_is_not_skipped_silently(tmp_path):
    corpus = make_corpus(n=40)
    work, home = tmp_path / "job", tmp_path / "home"
    _job(work, home, corpus.records[:20])
    summary = json.loads(_summary(work, W0).read_text())
    later = work / "landing" / "export-1.jsonl"  # not landed yet: its path is guessable
    summary["sources"][str(later)] = 20
    _summary(work, W0).write_text(json.dumps(summary))
    _land(work / "landing", later.name, corpus.records[20:], W1)

    again = _cli(_args(work), home)

    _refused_naming(again, W0, corpus)
    assert not (work / "out" / f"window={W1}").exists()  # nothing ran


def test_a_window_copied_from_another_job_is_refused(tmp_path):
    corpus = make_corpus(n=40)
    home = tmp_path / "home"
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _job(ours, home, corpus.records[:20])
    _job(theirs, home, corpus.records[20:], W2)  # the same keyring, another job
    for root in ("out", "out.vault"):
        shutil.copytree(theirs / root / f"window={W2}", ours / root / f"window={W2}")

    again = _cli(_args(ours), home)

    _refused_naming(again, W2, corpus)


def test_a_window_copied_from_another_keyring_is_refused(tmp_path):
    corpus = make_corpus(n=40)
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _job(ours, tmp_path / "home", corpus.records[:20])
    _job(theirs, tmp_path / "other-home", corpus.records[20:], W2)
    for root in ("out", "out.vault"):
        shutil.copytree(theirs / root / f"window={W2}", ours / root / f"window={W2}")

    again = _cli(_args(ours), tmp_path / "home")

    _refused_naming(again, W2, corpus)


def test_a_window_summary_without_its_vault_window_is_refused(tmp_path):
    """A window forged in the dataset alone (its summary naming a landing file)."""
    corpus = make_corpus(n=40)
    work, home = tmp_path / "job", tmp_path / "home"
    _job(work, home, corpus.records[:20])
    forged = work / "out" / f"window={W1}"
    shutil.copytree(work / "out" / f"window={W0}", forged)
    later = work / "landing" / "export-1.jsonl"
    summary = json.loads((forged / "_summary.json").read_text())
    summary["sources"] = {str(later): 20}
    (forged / "_summary.json").write_text(json.dumps(summary))
    _land(work / "landing", later.name, corpus.records[20:], W1)

    again = _cli(_args(work), home)

    _refused_naming(again, W1, corpus)


def test_a_deleted_window_summary_rolls_the_window_back_and_reads_its_files_again(tmp_path):
    corpus = make_corpus(n=40)
    work, home = tmp_path / "job", tmp_path / "home"
    _job(work, home, corpus.records[:20])
    _summary(work, W0).unlink()

    again = _cli(_args(work), home)

    assert again.returncode == 0, again.stderr[-3000:]
    assert "read 20," in again.stdout and "(1 new file(s) this run)" in again.stdout
    ids = [r["conversation_id"] for r in pq.read_table(work / "out").to_pylist()]
    assert len(ids) == len(set(ids)) == 20


def test_an_untampered_restart_still_skips_what_is_committed(tmp_path):
    corpus = make_corpus(n=40)
    work, home = tmp_path / "job", tmp_path / "home"
    _job(work, home, corpus.records[:20])
    _land(work / "landing", "export-1.jsonl", corpus.records[20:], W1)

    again = _cli(_args(work), home)

    assert again.returncode == 0, again.stderr[-3000:]
    assert "(1 new file(s) this run)" in again.stdout
    ids = [r["conversation_id"] for r in pq.read_table(work / "out").to_pylist()]
    assert len(ids) == len(set(ids)) == 40
    manifest = json.loads((work / "out.vault" / f"window={W1}" / "_manifest.json").read_text())
    assert manifest["sources"] == {str(work / "landing" / "export-1.jsonl"): 20}
