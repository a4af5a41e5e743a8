"""Choose a runner that stays offline on a laptop.

Beam's ``DirectRunner`` first tries the Prism runner, which downloads a binary from
the network. :class:`OfflineDirectRunner` goes straight to the in-process runners:
the FnApiRunner for batch (it honours ``--direct_num_workers`` and
``--direct_running_mode``) and the BundleBasedDirectRunner for streaming. It is
used whenever ``--runner`` is unset or ``DirectRunner`` and no ``--prism_location``
is given; every other runner (Dataflow, Flink, Prism, Portable) is left as is, except
that ``--runner PortableRunner --job_endpoint embed`` (Beam's in-process job service,
the portable path Flink and Spark take) runs its SDK harness in this process
(``--environment_type LOOPBACK``) unless told otherwise, instead of pulling the Beam
SDK container image. ``--runner DaskRunner`` is Beam's Dask runner on a ``dask.distributed``
cluster (``--dask_client_address``), with hushbeam's fixes (pipelines/dask_runner.py).
"""
from __future__ import annotations

import difflib
import importlib
from typing import Optional

from apache_beam.options.pipeline_options import (DirectOptions, PipelineOptions,
                                                  PortableOptions, StandardOptions)
from apache_beam.runners.runner import PipelineRunner

# The runners --runner names without a module: Beam's, matched as Beam matches them (any
# case, "Runner" optional), and Dask's, which hushbeam resolves itself.
RUNNER_NAMES = (*StandardOptions.KNOWN_RUNNER_NAMES, "DaskRunner")


class OfflineDirectRunner(PipelineRunner):
    """DirectRunner without the Prism download."""

    def run_pipeline(self, pipeline, options):
        from apache_beam.runners.direct.direct_runner import BundleBasedDirectRunner

        if options.view_as(StandardOptions).streaming:
            return BundleBasedDirectRunner().run_pipeline(pipeline, options)
        from apache_beam.portability.api import beam_provision_api_pb2
        from apache_beam.runners.portability.fn_api_runner import fn_runner
        from apache_beam.runners.portability.portable_runner import JobServiceHandle

        encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
        provision = fn_runner.ExtendedProvisionInfo(
            beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
        return fn_runner.FnApiRunner(provision_info=provision).run_pipeline(pipeline, options)


def runner_kind(options: PipelineOptions) -> str:
    """The ``--runner`` as Beam matches it: lower case, without "runner" ("direct", "dask",
    "dataflow", "portable" ...); "direct" when unset."""
    name = (options.view_as(StandardOptions).runner or "direct").lower()
    return name[:-len("runner")] if name.endswith("runner") and name != "runner" else name


def is_local(options: PipelineOptions) -> bool:
    """The one answer to "does this run use :class:`OfflineDirectRunner`?": ``--runner``
    unset or DirectRunner (any case, with or without "Runner") and no ``--prism_location``."""
    return runner_kind(options) == "direct" and not options.get_all_options().get(
        "prism_location")


def runner_problem(options: PipelineOptions) -> Optional[str]:
    """What is wrong with ``--runner`` or the direct runner's worker count, in one line
    (Beam raises a ValueError, ImportError or IndexError deep in the run), or None."""
    name = options.view_as(StandardOptions).runner
    workers = options.view_as(DirectOptions).direct_num_workers
    if workers is not None and workers < 0:
        return f"--direct_num_workers must be 0 or more (0: one per CPU), not {workers}"
    if not name:
        return None
    if "." in name:  # a PipelineRunner subclass by its module path, as Beam takes it
        module, _, cls = name.rpartition(".")
        try:
            runner = getattr(importlib.import_module(module), cls, None)
        except Exception:  # pylint: disable=broad-except  (any failure: not importable)
            runner = None
        if not (isinstance(runner, type) and issubclass(runner, PipelineRunner)):
            return f"--runner {name} cannot be imported as a PipelineRunner subclass"
        return None
    known = {runner.lower(): runner for runner in RUNNER_NAMES}
    if name.lower() in known or name.lower() + "runner" in known:
        return None
    close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return (f"--runner {name} is not a runner" + (
        f" (did you mean {known[close[0]]}?)" if close else "")
            + f"; one of {', '.join(RUNNER_NAMES)}, or a PipelineRunner subclass's module path")


def register_runner_options(options: PipelineOptions) -> None:
    """Load the options of an optional runner (Dask's ``--dask_client_address`` & co.) so
    they are known flags; ImportError if not installed."""
    if runner_kind(options) == "dask":
        import apache_beam.runners.dask.dask_runner  # noqa: F401  (registers DaskOptions)


def one_in_memory_worker(runner, options: PipelineOptions) -> bool:
    """A local batch run in this process with one worker (Beam's default): no other worker
    to spread records to, so a Reshuffle there would only hold every record at once."""
    from apache_beam.options.pipeline_options import DirectOptions

    direct = options.view_as(DirectOptions)
    return (isinstance(runner, OfflineDirectRunner)
            and not options.view_as(StandardOptions).streaming
            and direct.direct_num_workers in (None, 1)  # 0: one per CPU
            and direct.direct_running_mode in (None, "in_memory"))


def resolve_runner(options: PipelineOptions):
    """The runner to pass to ``beam.Pipeline``: ours for the local direct case, else None."""
    if is_local(options):
        return OfflineDirectRunner()
    if runner_kind(options) == "dask":
        from pipelines.dask_runner import dask_runner

        return dask_runner()
    portable = options.view_as(PortableOptions)
    if portable.job_endpoint == "embed" and not portable.environment_type:
        portable.environment_type = "LOOPBACK"
    return None
