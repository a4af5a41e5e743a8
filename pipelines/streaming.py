"""Streaming runs of the redact pipeline: the job marker, restarts, the local watcher, stop.

Inputs (unbounded): ``--input GLOB`` watched for new files (``--source files``, the
default), Pub/Sub (``--source pubsub``) or Kafka (``--source kafka``). Outputs: one
committed directory per fixed window, ``<output>/window=<start>/`` (Parquet shards and
``_summary.json``, written last) and ``<vault>/window=<start>/`` (sealed as in batch),
plus ``<output>/_job.json``. See transforms/datasets/layout.py and window_store.py.

Guarantees: in every committed window, records read = written + quarantined +
dead-lettered; a restarted job (the same command again) keeps the job's run id, rolls
back a window whose commit was interrupted, skips the files committed windows hold (as
their authenticated vault manifests record them: a window summary that disagrees stops
the restart) and never adds to a committed window, so no row is duplicated or lost;
a local run stops cleanly (Ctrl-C, ``--stop-after-seconds``, ``--stop-when-idle``): the
watcher takes what has arrived, every open window is committed, then the command exits.

Run: ``python -m pipelines.redact --streaming --input 'landing/*.jsonl' --output out
--window-seconds 10 --stop-when-idle 60``
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import logging
import shutil
import signal

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipelines import progress
from pipelines.config import UsageError
from pipelines.graph import build_pipeline
from pipelines.landing_poller import LandingPoller, WatchSpec
from pipelines.landing_watcher import LandingWatcher
from pipelines.options import RedactOptions
from pipelines.runner import is_local, resolve_runner, runner_kind
from transforms.core.progress import count_items, total_done
from transforms.datasets import audit, layout, window_store
from transforms.core.report.model import seconds_between, utc_now
from transforms.datasets.atomic import write_any
from transforms.datasets.report_files import write_report
from transforms.datasets.vault import VaultKey

_LOG = logging.getLogger("hushbeam")


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def job_identity(cfg) -> dict:
    """What a restart must share with the job it continues."""
    return {"source": cfg.source_spec().describe(),
            "window_seconds": cfg.windows.window_seconds,
            "num_shards": cfg.windows.num_shards,
            "policy_digest": cfg.policy.digest, "key_id": cfg.keyset.key_id,
            "key_version": cfg.keyset.version,
            "vault_recipient_sha256": hashlib.sha256(cfg.recipient_pem).hexdigest(),
            "vault_output": cfg.vault_output}


@dataclasses.dataclass(frozen=True)
class Resume:
    run_id: str
    skip: frozenset  # sources already committed
    floor: float  # end of the last committed window (seconds)
    rolled_back: tuple  # windows whose interrupted commit was removed
    committed: int


def prepare_output(cfg, overwrite: bool) -> Resume:
    """Start a new job in ``cfg.output`` or continue the one there; raises UsageError."""
    job_path = FileSystems.join(cfg.output, layout.JOB)
    job = window_store.read_json(job_path)
    identity = job_identity(cfg)
    if overwrite:
        _clear(cfg.output, cfg.vault_output)
        job = None
    if job is not None:
        differ = sorted(k for k in identity if job.get(k) != identity[k])
        if differ:
            raise UsageError(f"{cfg.output} holds streaming job {job['run_id']} with other "
                             f"settings ({', '.join(differ)}); use another --output, or "
                             "--overwrite to replace it")
        key = VaultKey.of(cfg.keyset)
        rolled_back = window_store.recover(cfg.output, cfg.vault_output, key)
        windows = window_store.committed_windows(cfg.output)
        # the ledger from the windows' authenticated manifests, never from their summaries
        skip = window_store.verified_ledger(windows, cfg.vault_output, key, job["run_id"])
        job["starts"] = job.get("starts", []) + [_now()]
        write_any(job_path, layout.json_document(job))
        return Resume(job["run_id"], skip,
                      window_store.committed_until(windows, cfg.windows.window_seconds),
                      tuple(rolled_back), len(windows))
    leftovers = [m.path for pattern in layout.DATASET_OUTPUTS + (layout.WINDOW_GLOB,)
                 for m in FileSystems.match([FileSystems.join(cfg.output, pattern)])[0]
                 .metadata_list]
    if leftovers:
        raise UsageError(f"{cfg.output} holds the output of an earlier run; pass "
                         "--overwrite to replace it")
    # the vault's keyed audit log starts with the job (before _job.json: a job always has one)
    audit.start(cfg.vault_output, audit.AuditKey.from_keyset(cfg.keyset), cfg.run_id)
    job = dict(identity, v=1, run_id=cfg.run_id, mode="streaming", starts=[_now()])
    write_any(job_path, layout.json_document(job))
    return Resume(cfg.run_id, frozenset(), 0.0, (), 0)


def _clear(output: str, vault_output: str) -> None:
    for root, patterns in ((output, layout.DATASET_OUTPUTS + (layout.JOB, layout.WINDOW_GLOB)),
                           (vault_output, layout.VAULT_OUTPUTS + (layout.WINDOW_GLOB,))):
        paths = [m.path for p in patterns
                 for m in FileSystems.match([FileSystems.join(root, p)])[0].metadata_list]
        if paths:
            FileSystems.delete(paths)


@contextlib.contextmanager
def _stop_on_signals(stop, message: str):
    """First Ctrl-C / SIGTERM: ``stop()``. A second Ctrl-C aborts."""
    previous = {}

    def handler(signum, frame):
        _LOG.warning("%s (Ctrl-C again to abort)", message)
        stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handler)
    except ValueError:  # not the main thread: no signal handling
        previous = {}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_streaming(options: PipelineOptions, cfg) -> dict:
    """Run a streaming job (local, or attached to Flink/Prism) and return its totals, or
    submit it (Dataflow, ``--no_wait_until_finish``) and return at once."""
    ro = options.view_as(RedactOptions)
    spec = cfg.source_spec()
    runner = resolve_runner(options)
    local = is_local(options)
    stops = (ro.stop_after_seconds, ro.stop_when_idle)
    if any(s is not None for s in stops) and not (local and spec.kind == "files"):
        raise UsageError("--stop-after-seconds and --stop-when-idle are for local runs with "
                         "--source files; stop a Dataflow job with Drain, a Flink job with "
                         "a savepoint")
    _check_source_needs(spec)
    resume = prepare_output(cfg, ro.overwrite)
    cfg = dataclasses.replace(cfg, run_id=resume.run_id)
    if resume.committed:
        _LOG.info("hushbeam job %s resumes: %d window(s) committed, %d rolled back",
                  resume.run_id, resume.committed, len(resume.rolled_back))
    else:
        _LOG.info("hushbeam job %s starts: windows of %d s", resume.run_id,
                  cfg.windows.window_seconds)
    if not local or spec.kind != "files":
        cfg = dataclasses.replace(cfg, source=dataclasses.replace(spec, skip=resume.skip))
        p = beam.Pipeline(runner=runner, options=options)
        try:
            build_pipeline(p, cfg)
        except RuntimeError as exc:  # KafkaIO is expanded by a Java service, built now
            if spec.kind == "kafka" and "jar" in str(exc):
                raise UsageError("KafkaIO needs its Java expansion service and Beam could not "
                                 "fetch its jar (no network?); start one and pass "
                                 "--kafka-expansion-service host:port") from None
            raise
        result = p.run()
        if runner_kind(options) == "dataflow" or getattr(
                options.view_as(StandardOptions), "no_wait_until_finish", False):
            _LOG.info("hushbeam job %s submitted", resume.run_id)
            return {"mode": "streaming", "submitted": True, "run_id": resume.run_id,
                    "output": cfg.output, "vault_output": cfg.vault_output}
        # Attached (Flink, Prism, or Pub/Sub/Kafka on the local runner): Ctrl-C cancels.
        # Windows still open are not committed: stop a Flink job with a savepoint instead.
        with _stop_on_signals(result.cancel, "cancelling: windows still open are not "
                              "committed"):
            result.wait_until_finish()
        return finish(cfg, [])
    poller = LandingPoller(WatchSpec(
        spec.pattern, poll_interval=spec.poll_interval, settle_seconds=ro.settle_seconds,
        stop_after=ro.stop_after_seconds, stop_when_idle=ro.stop_when_idle,
        skip=resume.skip, floor=resume.floor))
    with progress.shown(ro.progress_seconds, None) as shown, LandingWatcher(
            poller) as watcher, _stop_on_signals(
            watcher.stop, "stopping: taking the files that have arrived and committing the "
            "open windows"):
        cfg = dataclasses.replace(cfg, source=dataclasses.replace(
            spec, endpoint=watcher.endpoint, skip=resume.skip),
            progress_dir=shown.directory if shown else None)
        p = beam.Pipeline(runner=runner, options=options)
        build_pipeline(p, cfg)
        p.run().wait_until_finish()
        if shown is not None:  # records of this run (files keep arriving: no total)
            shown.end(total_done(shown.directory), of_total=False)
    return finish(cfg, poller.taken)


def _check_source_needs(spec) -> None:
    """What the Pub/Sub and Kafka sources need where the pipeline is built; UsageError."""
    if spec.kind == "pubsub":
        try:
            from google.cloud import pubsub  # noqa: F401
        except ImportError:
            raise UsageError("--source pubsub needs Beam's GCP extras: pip install "
                             "--require-hashes -r requirements-dataflow.txt") from None
    if spec.kind == "kafka" and not spec.kafka_expansion_service and not shutil.which("java"):
        raise UsageError("--source kafka needs Java 11+ on this machine (Beam starts KafkaIO's "
                         "expansion service from its jar) or --kafka-expansion-service")


def finish(cfg, taken) -> dict:
    """After the pipeline ended: check every window and that every file taken is committed."""
    windows = window_store.committed_windows(cfg.output)
    totals = window_store.merged_counts(None, [
        {k: s.get(k) for k in ("records_read", "records_written", "records_quarantined",
                               "records_dead_lettered", "parts_joined", "counts",
                               "dead_letter_reasons", "quarantine_reasons", "sources",
                               "samples")}
        for s in windows.values()])
    ledger = window_store.verified_ledger(windows, cfg.vault_output, VaultKey.of(cfg.keyset),
                                          cfg.run_id)
    missing = [path for path in taken
               if path not in ledger and _items(path, cfg.source_spec().input_format)]
    bad = sorted(wid for wid, s in windows.items() if not s["counts_conserved"])
    job_path = FileSystems.join(cfg.output, layout.JOB)
    job = window_store.read_json(job_path) or {}
    job.update(stopped=_now(), windows=len(windows), records_read=totals["records_read"],
               records_written=totals["records_written"],
               records_quarantined=totals["records_quarantined"],
               records_dead_lettered=totals["records_dead_lettered"],
               parts_joined=totals["parts_joined"],
               counts_conserved=totals["counts_conserved"] and not bad and not missing)
    write_any(job_path, layout.json_document(job))
    _write_job_report(cfg, job, totals)
    if missing:
        raise RuntimeError(f"{len(missing)} file(s) were taken from the landing directory but "
                           "are in no committed window; run the same command again to "
                           "read them")
    if bad:
        raise RuntimeError(f"counts not conserved in window(s) {', '.join(bad)}; see their "
                           f"{layout.SUMMARY}")
    out = {k: totals[k] for k in ("records_read", "records_written", "records_quarantined",
                                  "records_dead_lettered", "parts_joined", "counts_conserved")}
    out.update(mode="streaming", windows=len(windows), files_taken=len(taken),
               run_id=cfg.run_id, output=cfg.output, vault_output=cfg.vault_output)
    return out


def _write_job_report(cfg, job: dict, totals: dict) -> None:
    """The job's report at the root of ``--output``: the windows' totals. Its excerpts are
    left to the windows' own reports (forget rewrites those, not this one)."""
    body = dict(cfg.header(), **{k: v for k, v in totals.items() if k != "sources"})
    body.update(mode="streaming", run_id=cfg.run_id, windows=job.get("windows"),
                counts_conserved=job.get("counts_conserved"), finished=job.get("stopped"))
    body["samples"] = dict(totals.get("samples") or {}, excerpts=[])
    body["excerpts_withdrawn"] = ("the job's report keeps none; see the report of each "
                                  "window in window=*/")
    starts = job.get("starts") or []
    if len(starts) <= 1:  # a resumed job's totals span runs: no one run time for them
        body["run_seconds"] = seconds_between(cfg.started, utc_now())
    else:
        body["started"] = starts[0]
    write_report(cfg.output, body)


def _items(path: str, input_format: str) -> int:
    """How many items a file holds (only asked of files missing from the ledger)."""
    try:
        return count_items([lambda: FileSystems.open(
            path, compression_type=CompressionTypes.UNCOMPRESSED)], input_format,
            budget_seconds=None)
    except OSError:
        return 0
