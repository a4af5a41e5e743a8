"""Which local runs count as one in-memory worker (their reader does not reshuffle)."""
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipelines.runner import one_in_memory_worker, resolve_runner


@pytest.mark.parametrize("flags,one", [
    ([], True),
    (["--direct_num_workers", "1", "--direct_running_mode", "in_memory"], True),
    (["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"], False),
    (["--direct_num_workers", "1", "--direct_running_mode", "multi_processing"], False),
    (["--direct_num_workers", "2"], False),
    (["--direct_num_workers", "0"], False),
    (["--streaming"], False),
    (["--runner", "PortableRunner", "--job_endpoint", "embed"], False),
])
def test_one_in_memory_worker_only_for_a_local_batch_run_with_one_worker(flags, one):
    options = PipelineOptions(flags)
    assert one_in_memory_worker(resolve_runner(options), options) is one
