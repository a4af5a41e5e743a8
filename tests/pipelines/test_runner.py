"""One answer to "is this run local?": the flags' spellings, the default and the runner
resolve_runner hands Beam agree."""
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipelines.runner import OfflineDirectRunner, is_local, resolve_runner, runner_kind

LOCAL = [[], ["--runner", "DirectRunner"], ["--runner", "directrunner"],
         ["--runner=DIRECTRUNNER"], ["--runner", "direct"], ["--runner=Direct"]]
NOT_LOCAL = [["--runner", "DirectRunner", "--prism_location", "/opt/prism"],
             ["--runner", "PrismRunner"], ["--runner", "dataflow"],
             ["--runner", "PortableRunner", "--job_endpoint", "localhost:8099"]]


@pytest.mark.parametrize("argv", LOCAL)
def test_unset_and_every_spelling_of_direct_runner_is_local_and_runs_offline(argv):
    options = PipelineOptions(argv)
    assert is_local(options)
    assert isinstance(resolve_runner(options), OfflineDirectRunner)


@pytest.mark.parametrize("argv", NOT_LOCAL)
def test_other_runners_and_prism_are_not_local_and_left_to_beam(argv):
    options = PipelineOptions(argv)
    assert not is_local(options)
    assert not isinstance(resolve_runner(options), OfflineDirectRunner)


@pytest.mark.parametrize("argv, kind", [(["--runner", "DataflowRunner"], "dataflow"),
                                        (["--runner=dataflow"], "dataflow"),
                                        (["--runner", "DaskRunner"], "dask"),
                                        (["--runner", "dask"], "dask"), ([], "direct")])
def test_runner_kind_reads_the_name_as_beam_does(argv, kind):
    assert runner_kind(PipelineOptions(argv)) == kind
