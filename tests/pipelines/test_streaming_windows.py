"""The streaming graph, driven by TestStream: windows, empty windows, late data, sealing.

The same ``build_pipeline`` as the CLI, with the landing watcher replaced by a scripted
TestStream of file paths and event times (the watcher's contract).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import apache_beam as beam
import pyarrow.parquet as pq
import pytest
from apache_beam import coders
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing import test_stream
from apache_beam.transforms.window import TimestampedValue

from pipelines.config import RedactConfig, WindowSpec
from pipelines.graph import build_pipeline
from pipelines.runner import OfflineDirectRunner
from transforms.read_conversations import ParseExportFiles
from transforms.redact_text import BatchSizes
from transforms.keys.sealing import SealError, load_identity, open_sealed
from transforms.datasets.vault import VaultKey, verify_vault

BASE = 1772359200  # 2026-03-01T10:00:00Z


class _Scripted(beam.PTransform):
    def __init__(self, stream: test_stream.TestStream):
        super().__init__()
        self.stream = stream

    def expand(self, pbegin):
        return pbegin | "Script" >> self.stream | ParseExportFiles()


def _export(path: Path, ids, broken: bool = False) -> str:
    with open(path, "w") as fh:
        for cid in ids:
            fh.write(json.dumps({"conversation_id": cid, "customerID": f"CUST_{cid}",
                                 "emailAddress": f"{cid}@example.com",
                                 "transcript_text": f"customer: my email is {cid}@example.com"})
                     + "\n")
        if broken:
            fh.write('{"conversation_id": "broken", \n')
    return str(path)


def _run(tmp_path, policy, keyset, key_home, stream, lateness=3600, shards=2) -> Path:
    cfg = RedactConfig(input=str(tmp_path / "landing" / "*"), output=str(tmp_path / "out"),
                       vault_output=str(tmp_path / "out.vault"), policy=policy, keyset=keyset,
                       recipient_pem=(key_home / "recipient.pem").read_bytes(), run_id="job",
                       batch_sizes=BatchSizes(min_records=2, max_records=4),
                       windows=WindowSpec(10, lateness, shards))
    options = PipelineOptions(["--streaming"])
    with BeamTestPipeline(runner=OfflineDirectRunner(), options=options) as p:
        build_pipeline(p, cfg, read_transform=_Scripted(stream))
    return tmp_path


def _summaries(out: Path) -> dict:
    return {d.name: json.loads((d / "_summary.json").read_text())
            for d in sorted(out.glob("window=*"))}


def _ids(window_dir: Path) -> list:
    return sorted(r["conversation_id"] for p in sorted(window_dir.glob("part-*.parquet"))
                  for r in pq.read_table(p).to_pylist())


@pytest.fixture(scope="module")
def windowed(tmp_path_factory, policy, keyset, key_home):
    tmp = tmp_path_factory.mktemp("windows")
    landing = tmp / "landing"
    landing.mkdir()
    f1 = _export(landing / "f1.jsonl", ["a1", "a2", "a3"])
    f2 = _export(landing / "f2.jsonl", ["b1", "b2"], broken=True)
    f3 = str(landing / "f3.jsonl")
    Path(f3).write_text("not json at all\n")
    f4 = _export(landing / "f4.jsonl", ["d1", "d2"])
    stream = (test_stream.TestStream(coder=coders.StrUtf8Coder())
              .add_elements([TimestampedValue(f1, BASE + 5), TimestampedValue(f2, BASE + 7)])
              .advance_watermark_to(BASE + 11)
              .add_elements([TimestampedValue(f3, BASE + 12)])
              .advance_watermark_to(BASE + 25)  # [BASE+20, BASE+30) stays empty
              .add_elements([TimestampedValue(f4, BASE + 35)])
              .advance_watermark_to_infinity())
    _run(tmp, policy, keyset, key_home, stream)
    return {"out": tmp / "out", "vault": tmp / "out.vault", "files": (f1, f2, f3, f4)}


def test_each_window_with_data_is_committed_and_an_empty_window_writes_nothing(windowed):
    summaries = _summaries(windowed["out"])
    assert list(summaries) == ["window=20260301T100000Z", "window=20260301T100010Z",
                               "window=20260301T100030Z"]
    first = summaries["window=20260301T100000Z"]
    assert (first["records_read"], first["records_written"], first["records_dead_lettered"]) \
        == (6, 5, 1)
    assert first["window"]["start"] == "2026-03-01T10:00:00Z"
    assert first["window"]["end"] == "2026-03-01T10:00:10Z"
    f1, f2, f3, f4 = windowed["files"]
    assert first["sources"] == {f1: 3, f2: 3}
    assert all(s["counts_conserved"] for s in summaries.values())
    assert _ids(windowed["out"] / "window=20260301T100000Z") == ["a1", "a2", "a3", "b1", "b2"]
    assert _ids(windowed["out"] / "window=20260301T100030Z") == ["d1", "d2"]


def test_a_window_of_dead_letters_only_has_empty_shards_and_a_sealed_dead_letter(
        windowed, key_home, keyset):
    out, vault = windowed["out"], windowed["vault"]
    summary = _summaries(out)["window=20260301T100010Z"]
    assert (summary["records_read"], summary["records_written"],
            summary["records_dead_lettered"]) == (1, 0, 1)
    assert summary["files"] == ["part-00000-of-00002.parquet", "part-00001-of-00002.parquet"]
    assert _ids(out / "window=20260301T100010Z") == []
    verify_vault(vault / "window=20260301T100010Z", VaultKey.of(keyset), summary["run_id"],
                 out / "window=20260301T100010Z")
    line = (vault / "window=20260301T100010Z" / "dead_letters" /
            "part-00000-of-00001.sealed.jsonl").read_text().splitlines()[0]
    identity = load_identity(key_home / "identity.pem")
    letter = open_sealed(line, identity, "dead_letter", "job:20260301T100010Z")
    assert (letter["reason"], letter["position"]) == ("invalid_json", 1)
    with pytest.raises(SealError):  # bound to its window: not another window's line
        open_sealed(line, identity, "dead_letter", "job:20260301T100000Z")


def test_window_files_have_deterministic_names_and_the_window_run_id(windowed):
    window = windowed["out"] / "window=20260301T100000Z"
    assert sorted(p.name for p in window.iterdir()) == [
        "_report.html", "_report.md", "_summary.json", "part-00000-of-00002.parquet",
        "part-00001-of-00002.parquet"]
    summary = json.loads((window / "_summary.json").read_text())
    report = (window / "_report.md").read_text()  # the window's own report, its counts
    assert "window 2026-03-01T10:00:00Z" in report
    assert f"| read | {summary['records_read']} |" in report
    schema = pq.read_schema(window / "part-00000-of-00002.parquet")
    assert schema.metadata[b"hushbeam.run_id"] == b"job:20260301T100000Z"
    whole = pq.read_table(windowed["out"]).to_pylist()  # the dataset, read as one table
    assert sorted(r["conversation_id"] for r in whole) == ["a1", "a2", "a3", "b1", "b2",
                                                          "d1", "d2"]
    assert not any("@example.com" in json.dumps(r) for r in whole)


def test_late_data_within_the_allowed_lateness_joins_its_window(tmp_path, policy, keyset,
                                                               key_home):
    landing = tmp_path / "landing"
    landing.mkdir()
    on_time = _export(landing / "on_time.jsonl", ["t1", "t2"])
    late = _export(landing / "late.jsonl", ["l1"], broken=True)
    stream = (test_stream.TestStream(coder=coders.StrUtf8Coder())
              .add_elements([TimestampedValue(on_time, BASE + 5)])
              .advance_watermark_to(BASE + 15)  # the window [BASE, BASE+10) has fired
              .add_elements([TimestampedValue(late, BASE + 7)])  # behind the watermark
              .advance_watermark_to_infinity())
    _run(tmp_path, policy, keyset, key_home, stream, shards=1)
    window = tmp_path / "out" / "window=20260301T100000Z"
    summary = json.loads((window / "_summary.json").read_text())
    assert (summary["records_read"], summary["records_written"],
            summary["records_dead_lettered"]) == (4, 3, 1)
    assert summary["counts_conserved"] and summary["late_panes"] >= 1
    assert summary["sources"] == {on_time: 2, late: 2}
    assert any(".late-" in name for name in summary["files"])
    assert _ids(window) == ["l1", "t1", "t2"]
    verify_vault(tmp_path / "out.vault" / "window=20260301T100000Z", VaultKey.of(keyset),
                 summary["run_id"], window)
    assert summary["vault_generation"] >= 1  # the late pane re-wrote the verified manifest
    # ... binding the late part and the summary it wrote (session 25)
    binding = json.loads((tmp_path / "out.vault" / "window=20260301T100000Z" /
                          "_manifest.json").read_text())["dataset"]
    assert set(binding["parts"]) == set(summary["files"])
    assert binding["summary_sha256"] == hashlib.sha256(
        (window / "_summary.json").read_bytes()).hexdigest()
