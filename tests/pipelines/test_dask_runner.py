"""``--runner DaskRunner`` on a real ``dask.distributed`` cluster on loopback (a scheduler
and two worker processes): the same rows, counts and vault as the local runner."""
import glob
import json

import apache_beam as beam
import pyarrow.parquet as pq
import pytest
from apache_beam.transforms.window import GlobalWindow
from apache_beam.utils.windowed_value import WindowedValue

from pipelines.redact import run
from tests.conftest import REPO
from tests.synthetic import make_corpus

distributed = pytest.importorskip("distributed", reason="requirements-dask.txt not installed")


def _rows(out) -> list:
    rows = [row for path in sorted(glob.glob(str(out / "part-*.parquet")))
            for row in pq.read_table(path).to_pylist()]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def _counts(summary: dict) -> dict:
    keys = ("records_read", "records_written", "records_quarantined", "records_dead_lettered",
            "counts_conserved", "counts", "dead_letter_reasons", "quarantine_reasons")
    return {k: summary.get(k) for k in keys}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local


def test_dask_runner_writes_the_rows_counts_and_vault_of_the_local_runner(tmp_path, cluster):
    corpus = make_corpus(n=12, n_customers=4)
    inputs = tmp_path / "in"
    inputs.mkdir()
    corpus.write_jsonl(inputs / "synthetic.jsonl")
    (inputs / "broken.jsonl").write_text('{"conversation_id": "c-1", "notes": "x"}\nnot json\n')
    pattern = str(inputs / "*.jsonl")
    local = run(["--input", pattern, "--output", str(tmp_path / "local")])
    dask = run(["--input", pattern, "--output", str(tmp_path / "dask"),
                "--runner", "DaskRunner", "--dask_client_address", cluster.scheduler_address])
    assert _counts(dask) == _counts(local)
    assert dask["records_read"] == 14 and dask["records_dead_lettered"] >= 1
    assert dask["records_written"] == len(_rows(tmp_path / "dask")) >= 12
    assert _rows(tmp_path / "dask") == _rows(tmp_path / "local")
    assert _vault_lines(tmp_path / "dask.vault") == _vault_lines(tmp_path / "local.vault")
    assert _vault_lines(tmp_path / "dask.vault")["dead_letters"] == dask["records_dead_lettered"]


def _vault_lines(vault) -> dict:
    """Sealed lines per kind (dead_letters, quarantine, tokens), from the vault manifest."""
    lines = {}
    for name, entry in json.loads((vault / "_manifest.json").read_text())["files"].items():
        kind = name.split("/")[0]
        lines[kind] = lines.get(kind, 0) + entry["lines"]
    return lines



class _Counting(beam.DoFn):
    """Counts its setups, bundles and teardowns."""

    def __init__(self):
        self.setups = self.bundles = self.teardowns = 0

    def setup(self):
        self.setups += 1

    def start_bundle(self):
        self.bundles += 1

    def process(self, element):
        yield element * 10

    def teardown(self):
        self.teardowns += 1


def _bundle(fn, values, stage):
    from pipelines.dask_runner import _run_bundle

    return _run_bundle([WindowedValue(v, 0, [GlobalWindow()]) for v in values], fn, None,
                       "Count", None, [], {}, stage=stage)


def test_a_stage_is_set_up_once_per_worker_thread_and_run_and_torn_down_when_it_ends():
    from pipelines.dask_runner import _tear_down

    first, second, other_run = _Counting(), _Counting(), _Counting()
    assert _bundle(first, [1, 2], ("run-a", "Stage/Count")) == [10, 20]
    assert _bundle(second, [3], ("run-a", "Stage/Count")) == [30]  # a partition's own copy
    assert _bundle(other_run, [4], ("run-b", "Stage/Count")) == [40]
    assert (first.setups, first.bundles, second.setups, other_run.setups) == (1, 2, 0, 1)
    assert _tear_down("run-a") == 1 and (first.teardowns, other_run.teardowns) == (1, 0)
    assert _tear_down("run-b") == 1 and _tear_down("run-a") == 0


def test_without_a_stage_a_dofn_lives_for_its_bundle_only():
    alone = _Counting()
    assert _bundle(alone, [5], None) == [50]
    assert (alone.setups, alone.teardowns) == (1, 1)
