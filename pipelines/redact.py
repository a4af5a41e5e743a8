"""Redaction pipeline: conversation exports -> anonymized Parquet + sealed vault.

Batch (bounded): ``--input GLOB`` of JSON-lines / JSON-array exports, optionally
gzipped. Outputs: ``--output DIR/part-*.parquet`` and ``DIR/_summary.json`` (written
last); ``--vault-output`` (default ``<OUTPUT>.vault``) holds the sealed dead letters,
quarantine and token vault. Both are written out of sight and committed together at the
end (transforms/datasets/commit.py): until then, and if the run fails or is killed, the
previous dataset and vault stay as they were.

Streaming (unbounded, ``--streaming``): ``--input`` watched for new files, or
``--source pubsub|kafka``; the same stages, then fixed windows, each committed as
``DIR/window=<start>/`` with its Parquet shards and ``_summary.json`` and its sealed
vault under ``<vault>/window=<start>/`` (see pipelines/streaming.py).

Guarantees: records read = written + quarantined + dead-lettered (checked; per window
in streaming); structured identifiers are pseudonymized with keyed HMAC-SHA256; no raw
value is logged; no network call at run time (local runners).

Run: ``python -m pipelines.redact --input 'samples/*.jsonl' --output out/``
     ``python -m pipelines.redact --streaming --input 'landing/*.jsonl' --output out/
       --window-seconds 10 --stop-when-idle 30``
"""
from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import logging
import os
import re
import sys
from typing import List, Optional

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions

from pipelines.config import UsageError, make_config
from pipelines.console import EXPECTED_ERRORS, CommandLineError, fail, split_log_level
from pipelines.graph import build_pipeline
from pipelines import progress
from pipelines.options import RedactOptions, check_redact_values, redact_parser
from pipelines.runner import is_local, one_in_memory_worker, resolve_runner
from pipelines.streaming import run_streaming
from transforms.datasets import commit, layout
from transforms.core.logs import configure_logging
from transforms.core.offline import ensure_offline
from transforms.core.presidio_engine import EngineError
from transforms.core.report.model import quarantine_share

_LOG = logging.getLogger("hushbeam")


def run(argv: Optional[List[str]] = None) -> dict:
    """Run the pipeline to completion; returns the summary. Raises UsageError & co."""
    ensure_offline()
    options = PipelineOptions(argv)
    cfg = make_config(options)
    if cfg.windows:
        return run_streaming(options, cfg)
    _LOG.info("hushbeam run %s: policy %s (%s), key %s v%d", cfg.run_id, cfg.policy.source,
              cfg.policy.digest[:19], cfg.keyset.key_id, cfg.keyset.version)
    staging = commit.Staging(cfg.output, cfg.vault_output, cfg.run_id)
    try:
        staging.hold()
    except OSError as exc:
        raise UsageError(f"cannot write to {cfg.output} or {cfg.vault_output}: "
                         f"{exc.strerror or type(exc).__name__}") from None
    runner = resolve_runner(options)
    if one_in_memory_worker(runner, options):
        cfg = dataclasses.replace(cfg, source=dataclasses.replace(cfg.source_spec(),
                                                                  redistribute=False))
    spec = cfg.source_spec()
    local = is_local(options)
    try:
        with progress.shown(options.view_as(RedactOptions).progress_seconds if local else 0,
                            progress.input_counter(spec.pattern, spec.input_format,
                                                   spec.settings)) as shown:
            if shown is not None:
                cfg = dataclasses.replace(cfg, progress_dir=shown.directory)
            with staging, _storage_errors_logged_once(), beam.Pipeline(
                    runner=runner, options=options) as p:
                build_pipeline(p, cfg)
            with FileSystems.open(FileSystems.join(cfg.output, layout.SUMMARY)) as fh:
                summary = json.loads(fh.read())
            if shown is not None:
                shown.end(summary["records_read"] + (summary.get("parts_joined") or 0))
    except Exception as exc:
        refused = _cause(exc, commit.CommitError)
        if refused is not None:
            raise UsageError(str(refused)) from None
        code = _storage_errno(exc)
        if code is None:
            raise
        raise UsageError(_storage_message(cfg, code)) from None
    if not summary["counts_conserved"]:
        raise RuntimeError("counts not conserved: records read != written + quarantined + "
                           f"dead-lettered; see {layout.SUMMARY}")
    return summary


# A write that failed because of the storage, not the data: a one-line error, exit 2.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})
_STORAGE_ERRNOS = _WRITE_ERRNOS | {errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR}
_ERRNO_TEXT = re.compile(r"[A-Za-z]*Error: \[Errno (\d+)\]")


def _cause(exc: BaseException, kind: type):
    """The innermost exception of ``kind`` behind ``exc``: Beam wraps a step's error, and
    re-raises it with the step's name appended."""
    found, seen = None, exc
    while seen is not None:
        if isinstance(seen, kind):
            found = seen
        seen = seen.__cause__ or seen.__context__
    return found


def _storage_errno(exc: BaseException):
    """The errno of a storage failure behind a pipeline error, or None."""
    seen = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _STORAGE_ERRNOS:
            return seen.errno
        seen = seen.__cause__ or seen.__context__
    found = _ERRNO_TEXT.search(str(exc))  # from a worker process: the text only
    if found and int(found.group(1)) in _STORAGE_ERRNOS:
        return int(found.group(1))
    return None


def _storage_message(cfg, code: int) -> str:
    if commit.visible_run_id(cfg.output) == cfg.run_id:
        state = "the run was committed nevertheless"
    else:
        state = (f"nothing was committed: {cfg.output} and {cfg.vault_output} are as they "
                 "were")
    what = ("writing the output failed" if code in _WRITE_ERRNOS
            else "a file could not be read or written")
    return f"{what}: {os.strerror(code)} (errno {code}); {state}"


class _DropStorageTracebacks(logging.Filter):
    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        return not (exc is not None and (_storage_errno(exc) is not None
                                         or _cause(exc, commit.CommitError) is not None))


@contextlib.contextmanager
def _storage_errors_logged_once():
    """Beam logs a failing step with its traceback before raising; a storage failure or a
    refused commit is reported once, in one line, by :func:`redact_command`."""
    logger, drop = logging.getLogger("apache_beam.runners.common"), _DropStorageTracebacks()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


class QuarantineRateExceeded(Exception):
    """More records were quarantined than ``--max-quarantine-rate`` allows (exit code 3)."""


QUARANTINE_RATE_EXIT = 3


def check_quarantine_rate(summary: dict, max_rate: float) -> None:
    """Raise QuarantineRateExceeded if the quarantined share of the records that reached
    the leak guard (written + quarantined) is above ``max_rate``. Called once the run has
    committed: the rows written stay; the command fails so that a policy that detects too
    little (most records held back by the guard) is not mistaken for a good run."""
    quarantined, guarded = quarantine_share(summary)  # as the report's check
    if guarded and quarantined / guarded > max_rate:
        raise QuarantineRateExceeded(
            f"{quarantined} of {guarded} records ({quarantined / guarded:.0%}) were "
            f"quarantined by the leak guard, above --max-quarantine-rate {max_rate:g}: "
            "the policy misses identifiers the guard still finds (the reasons and "
            f"conversation ids are in {layout.REPORT_HTML}); the rows written are committed")


def redact_command(argv: List[str]) -> int:
    """``hushbeam redact ARGS``: run, print the counts; exit 0, 2 (usage/data), 3 (too many
    records quarantined; the safe rows are committed) or 130."""
    if "-h" in argv or "--help" in argv:
        redact_parser().print_help()
        return 0
    try:
        check_redact_values(argv)
        summary = run(argv)
    except (UsageError, EngineError) + EXPECTED_ERRORS as exc:
        return fail(exc)
    except KeyboardInterrupt:  # a second Ctrl-C during a streaming run
        print("hushbeam: aborted; windows not committed yet are rolled back when the same "
              "command runs again", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)  # the runner's and spaCy's threads are not waited for
    if summary.get("submitted"):
        print(f"hushbeam: streaming job {summary['run_id']} submitted; windows go to "
              f"{summary['output']}/window=*/, sealed vault to {summary['vault_output']}")
        return 0
    counts = (f"read {summary['records_read']}, wrote {summary['records_written']}, "
              f"quarantined {summary['records_quarantined']}, dead-lettered "
              f"{summary['records_dead_lettered']}")
    formats = summary.get("counts", {}).get("input_formats")
    if formats:  # records written, by the format they were read as
        counts += " (" + ", ".join(f"{n} {name}" for name, n in sorted(formats.items())) + ")"
    if summary.get("mode") == "streaming":
        print(f"hushbeam: stopped; {counts} in {summary['windows']} window(s) "
              f"({summary['files_taken']} new file(s) this run); windows in "
              f"{summary['output']}/window=*/, the job's report in "
              f"{summary['output']}/{layout.REPORT_HTML}, sealed vault in "
              f"{summary['vault_output']}")
    else:
        print(f"hushbeam: {counts}; report in {summary['output']}/{layout.REPORT_HTML} "
              f"(and {layout.REPORT_MD}), summary in {summary['output']}/{layout.SUMMARY}, "
              f"sealed vault in {summary['vault_output']}")
    try:
        check_quarantine_rate(summary, PipelineOptions(argv).view_as(
            RedactOptions).max_quarantine_rate)
    except QuarantineRateExceeded as exc:
        print(f"hushbeam: error: {exc}", file=sys.stderr)
        return QUARANTINE_RATE_EXIT
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """``python -m pipelines.redact ARGS`` (the same as ``hushbeam redact ARGS``)."""
    try:
        level, argv = split_log_level(list(sys.argv[1:] if argv is None else argv))
    except CommandLineError as exc:
        return fail(exc)
    configure_logging(getattr(logging, level))
    return redact_command(argv)


if __name__ == "__main__":
    sys.exit(main())
