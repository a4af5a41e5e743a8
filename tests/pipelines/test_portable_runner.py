"""Through Beam's portable job API (``--runner PortableRunner --job_endpoint embed``), the
path Flink and Spark take: the pipeline is translated to the portable protos, submitted to a
job service and executed by an SDK harness. Local and offline (LOOPBACK harness)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.transforms.window import TimestampedValue

from pipelines.config import RedactConfig, WindowSpec
from pipelines.graph import build_pipeline
from pipelines.runner import resolve_runner
from tests.conftest import REPO
from transforms.read_conversations import ParseExportFiles
from transforms.redact_text import BatchSizes
from transforms.datasets.vault import VaultKey, verify_vault

PORTABLE = ["--runner", "PortableRunner", "--job_endpoint", "embed"]


def test_cli_batch_run_through_the_portable_job_api_stays_offline(tmp_path):
    site, net_log = tmp_path / "site", tmp_path / "net.log"
    site.mkdir()
    shutil.copy(Path(__file__).with_name("netguard_sitecustomize.py"), site / "sitecustomize.py")
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"), HUSHBEAM_NET_LOG=str(net_log),
               PYTHONPATH=os.pathsep.join([str(site), str(REPO)]))
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.redact", "--input", str(REPO / "samples" / "*.json*"),
         "--output", str(tmp_path / "out"), *PORTABLE], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "read 7, wrote 5, quarantined 0, dead-lettered 2" in proc.stdout
    assert not net_log.exists(), net_log.read_text()  # no container pull, no download


class _TimedFiles(beam.PTransform):
    """A bounded stand-in for the watcher: paths with arrival times."""

    def __init__(self, timed):
        super().__init__()
        self.timed = timed

    def expand(self, pbegin):
        return (pbegin
                | beam.Create(self.timed)
                | beam.Map(lambda pair: TimestampedValue(pair[0], pair[1]))
                | ParseExportFiles())


def test_windowed_write_path_runs_through_the_portable_job_api(tmp_path, policy, keyset,
                                                              key_home):
    base = 1772359200  # 2026-03-01T10:00:00Z
    cfg = RedactConfig(input="unused", output=str(tmp_path / "out"),
                       vault_output=str(tmp_path / "out.vault"), policy=policy, keyset=keyset,
                       recipient_pem=(key_home / "recipient.pem").read_bytes(), run_id="job",
                       batch_sizes=BatchSizes(), windows=WindowSpec(10, 3600, 2))
    timed = [(str(REPO / "samples" / "conversations.jsonl"), base + 5),
             (str(REPO / "samples" / "legacy_export.json.gz"), base + 15)]
    options = PipelineOptions(PORTABLE)
    with beam.Pipeline(runner=resolve_runner(options), options=options) as p:
        build_pipeline(p, cfg, read_transform=_TimedFiles(timed))
    windows = sorted((tmp_path / "out").glob("window=*"))
    assert [w.name for w in windows] == ["window=20260301T100000Z", "window=20260301T100010Z"]
    total_read = 0
    for window in windows:
        summary = json.loads((window / "_summary.json").read_text())
        assert summary["counts_conserved"]
        total_read += summary["records_read"]
        verify_vault(tmp_path / "out.vault" / window.name, VaultKey.of(keyset),
                     summary["run_id"], window)
    assert total_read == 7
    assert pq.read_table(tmp_path / "out").num_rows == 5
