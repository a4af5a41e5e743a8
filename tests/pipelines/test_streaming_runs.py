"""Streaming jobs as units: flags, the job marker on restart, the final checks, idle stop."""
import dataclasses
import json
import os
import subprocess
import sys

import pytest

from pipelines.config import RedactConfig, UsageError, WindowSpec
from pipelines.streaming import finish, prepare_output
from tests.conftest import REPO
from transforms.read_conversations import SourceSpec
from transforms.redact_text import BatchSizes


def _cfg(tmp_path, policy, keyset, key_home, **windows):
    return RedactConfig(input=str(tmp_path / "landing" / "*.jsonl"),
                        output=str(tmp_path / "out"), vault_output=str(tmp_path / "out.vault"),
                        policy=policy, keyset=keyset,
                        recipient_pem=(key_home / "recipient.pem").read_bytes(),
                        run_id="first-run", batch_sizes=BatchSizes(),
                        source=SourceSpec(pattern=str(tmp_path / "landing" / "*.jsonl"),
                                          streaming=True),
                        windows=WindowSpec(**windows))


def _cli(args, tmp_path):
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "pipelines.redact", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_restart_keeps_the_run_id_and_refuses_other_settings(tmp_path, policy, keyset,
                                                               key_home):
    cfg = _cfg(tmp_path, policy, keyset, key_home, window_seconds=60)
    (tmp_path / "out").mkdir()
    first = prepare_output(cfg, overwrite=False)
    assert first.run_id == "first-run" and first.committed == 0
    again = prepare_output(dataclasses.replace(cfg, run_id="second-run"), overwrite=False)
    assert again.run_id == "first-run"  # the job's run id, so windows stay bound to it
    job = json.loads((tmp_path / "out" / "_job.json").read_text())
    assert len(job["starts"]) == 2
    with pytest.raises(UsageError, match="window_seconds"):
        prepare_output(_cfg(tmp_path, policy, keyset, key_home, window_seconds=30), False)
    fresh = prepare_output(_cfg(tmp_path, policy, keyset, key_home, window_seconds=30), True)
    assert fresh.run_id == "first-run" and fresh.committed == 0  # --overwrite: a new job


def test_a_batch_output_is_not_mixed_with_a_streaming_job(tmp_path, policy, keyset, key_home):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_summary.json").write_text("{}")
    with pytest.raises(UsageError, match="--overwrite"):
        prepare_output(_cfg(tmp_path, policy, keyset, key_home), overwrite=False)


def test_a_file_taken_but_in_no_committed_window_fails_the_run(tmp_path, policy, keyset,
                                                              key_home):
    cfg = _cfg(tmp_path, policy, keyset, key_home)
    (tmp_path / "out").mkdir()
    prepare_output(cfg, overwrite=False)
    (tmp_path / "landing").mkdir()
    lost = tmp_path / "landing" / "lost.jsonl"
    lost.write_text('{"conversation_id": "c1"}\n')
    empty = tmp_path / "landing" / "empty.jsonl"
    empty.write_text("")
    assert finish(cfg, [str(empty)])["records_read"] == 0  # nothing in it: nothing to lose
    with pytest.raises(RuntimeError, match="1 file\\(s\\) were taken"):
        finish(cfg, [str(lost), str(empty)])
    assert json.loads((tmp_path / "out" / "_job.json").read_text())["counts_conserved"] is False


def test_streaming_flags_are_checked_before_anything_runs(tmp_path):
    out = str(tmp_path / "o")
    cases = [
        (["--streaming", "--source", "pubsub", "--output", out], "--pubsub-subscription"),
        (["--streaming", "--source", "kafka", "--output", out], "--kafka-bootstrap-servers"),
        (["--source", "pubsub", "--pubsub-topic", "projects/p/topics/t", "--output", out],
         "needs --streaming"),
        (["--streaming", "--input", "x/*.jsonl", "--output", out, "--poll-interval", "60"],
         "--poll-interval"),
        (["--streaming", "--source", "pubsub", "--pubsub-topic", "projects/p/topics/t",
          "--output", out, "--stop-when-idle", "5"], "for local runs with --source files"),
    ]
    for args, message in cases:
        proc = _cli(args, tmp_path)
        assert proc.returncode == 2 and message in proc.stderr, (args, proc.stderr[-2000:])
        assert "Traceback" not in proc.stderr


def test_a_run_on_an_empty_landing_directory_stops_when_idle(tmp_path):
    (tmp_path / "landing").mkdir()
    proc = _cli(["--streaming", "--input", str(tmp_path / "landing" / "*.jsonl"),
                 "--output", str(tmp_path / "out"), "--stop-when-idle", "1"], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "stopped; read 0, wrote 0, quarantined 0, dead-lettered 0 in 0 window(s)" in (
        proc.stdout)


def test_the_flex_template_entry_runs_the_streaming_job_from_template_parameters(monkeypatch):
    import pipelines.flex_template as flex

    seen = []
    monkeypatch.setattr(flex, "main", lambda argv: seen.append(argv) or 0)
    flex.run(["--output=gs://b/anon", "--pubsub_subscription=projects/p/subscriptions/s"])
    assert seen == [["redact", "--streaming", "--output=gs://b/anon",
                     "--pubsub_subscription=projects/p/subscriptions/s", "--source=pubsub"]]


def test_a_window_whose_commit_was_interrupted_is_rolled_back_and_read_again(tmp_path):
    import pyarrow.parquet as pq

    from tests.synthetic import make_corpus

    landing = tmp_path / "landing"
    landing.mkdir()
    corpus = make_corpus(n=40)
    for i, mtime in ((0, 1772359205), (1, 1772359265)):  # two windows a minute apart
        path = landing / f"export-{i}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in corpus.records[i * 20:i * 20 + 20]))
        os.utime(path, (mtime, mtime))
    args = ["--streaming", "--input", str(landing), "--output", str(tmp_path / "out"),
            "--stop-when-idle", "1"]
    first = _cli(args, tmp_path)
    assert first.returncode == 0, first.stderr[-3000:]
    windows = sorted((tmp_path / "out").glob("window=*"))
    assert [w.name for w in windows] == ["window=20260301T100000Z", "window=20260301T100100Z"]
    # A crash between the shards and the summary: the second window is not committed.
    (windows[1] / "_summary.json").unlink()
    (windows[1] / ".tmp-leftover.parquet").write_bytes(b"half-written")

    again = _cli(args, tmp_path)

    assert again.returncode == 0, again.stderr[-3000:]
    assert "(1 new file(s) this run)" in again.stdout and "read 40," in again.stdout
    assert not (windows[1] / ".tmp-leftover.parquet").exists()
    ids = [r["conversation_id"] for r in pq.read_table(tmp_path / "out").to_pylist()]
    assert len(ids) == len(set(ids)) == 40


@pytest.mark.parametrize("spec", [
    SourceSpec(pattern="gs://landing/*.jsonl", streaming=True,
               skip=frozenset({"gs://landing/committed.jsonl"})),
    SourceSpec(kind="pubsub", streaming=True,
               pubsub_subscription="projects/my-project/subscriptions/exports")],
    ids=["watched-glob", "pubsub"])
def test_cluster_sources_build_into_a_portable_pipeline(tmp_path, policy, keyset, key_home,
                                                        spec):
    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions

    from pipelines.graph import build_pipeline

    cfg = dataclasses.replace(_cfg(tmp_path, policy, keyset, key_home), source=spec)
    p = beam.Pipeline(options=PipelineOptions(["--streaming"]))
    build_pipeline(p, cfg)  # what Dataflow and Flink receive; not run here
    labels = {t.unique_name for t in p.to_runner_api().components.transforms.values()}
    assert "WriteWindows/CommitWindow" in labels
    assert any(name.startswith("ReadConversations/") for name in labels)
