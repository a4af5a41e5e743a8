"""Configuration of a redact run: flags and files checked before any data is read.

``make_config(options)`` turns Beam ``PipelineOptions`` (with :class:`RedactOptions`)
into a frozen :class:`RedactConfig`, or raises :class:`UsageError` with a one-line
message (the CLI prints it and exits 2). Nothing here builds or runs a pipeline.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import uuid
import zlib
from pathlib import Path
from typing import List, Optional

from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipelines.console import CommandLineError
from pipelines.landing_poller import MAX_POLL_INTERVAL
from pipelines.options import RedactOptions, check_numbers, unknown_flags
from pipelines.runner import is_local, register_runner_options, runner_kind, runner_problem
from transforms.core.pseudonym import pseudonym_format
from transforms.core.formats.delimited import misspelt_columns
from transforms.core.formats.settings import FormatSettings
from transforms.core.policy import Policy, load_policy
from transforms.core.presidio_engine import check_spacy_model
from transforms.core.report.model import DEFAULT_MAX_QUARANTINE_RATE, utc_now
from transforms.datasets import commit, layout
from transforms.keys.keyset import Keyset, dev_keyset, hushbeam_home, load_keyset, unwrap_data_key
from transforms.keys.sealing import dev_recipient, load_recipient
from transforms.read_conversations import SourceSpec
from transforms.redact_text import BatchSizes

class UsageError(Exception):
    """A problem with the command line or its files; reported without a traceback."""


@dataclasses.dataclass(frozen=True)
class WindowSpec:
    """Streaming output: fixed windows of this size, lateness allowed, files per window."""

    window_seconds: int = 60
    allowed_lateness_seconds: int = 3600
    num_shards: int = 1


@dataclasses.dataclass(frozen=True)
class RedactConfig:
    input: str
    output: str
    vault_output: str
    policy: Policy
    keyset: Keyset
    recipient_pem: bytes
    run_id: str
    batch_sizes: BatchSizes
    source: Optional[SourceSpec] = None  # default: the files matching ``input``, once
    windows: Optional[WindowSpec] = None  # set: streaming, windowed output
    overwrite: bool = False  # batch: the commit retires an earlier run's dataset and vault
    max_quarantine_rate: float = DEFAULT_MAX_QUARANTINE_RATE  # a check of the report
    started: str = dataclasses.field(default_factory=utc_now)
    progress_dir: Optional[str] = None  # local runs: where workers count progress

    def source_spec(self) -> SourceSpec:
        """The source (default: the files matching ``input``, once), with what the policy
        tells the input formats."""
        return dataclasses.replace(self.source or SourceSpec(pattern=self.input),
                                   settings=format_settings(self.policy))

    def header(self) -> dict:
        return {"run_id": self.run_id, "policy_source": self.policy.source,
                "policy_digest": self.policy.digest, "key_id": self.keyset.key_id,
                "key_version": self.keyset.version, "pseudonym_format": pseudonym_format(self.policy.pseudonym_length),
                "pseudonym_settings": self.policy.pseudonym_settings,
                "spacy_model": self.policy.spacy_model, "output": self.output,
                "vault_output": self.vault_output,
                "max_quarantine_rate": self.max_quarantine_rate, "started": self.started}


def format_settings(policy: Policy) -> FormatSettings:
    return FormatSettings(columns=policy.csv_columns, float_fields=tuple(
        f for f in policy.output_fields if policy.field_kind(f) == "float"))


def make_config(options: PipelineOptions) -> RedactConfig:
    """Validate flags and files before any data is read; raises UsageError."""
    try:
        register_runner_options(options)
    except ImportError:
        raise UsageError("--runner DaskRunner needs dask and distributed: pip install "
                         "--require-hashes -r requirements-dask.txt") from None
    problems = unknown_flags(options._flags)  # pylint: disable=protected-access
    if problems:
        raise UsageError(problems)
    problem = runner_problem(options)
    if problem:
        raise UsageError(problem)
    ro = options.view_as(RedactOptions)
    try:  # the CLI checked them already; a template or `python -m pipelines.redact` did not
        check_numbers(ro)
    except CommandLineError as exc:
        raise UsageError(str(exc)) from None
    if not 0 <= ro.max_quarantine_rate <= 1:
        raise UsageError("--max-quarantine-rate must be between 0 and 1")
    streaming = bool(options.view_as(StandardOptions).streaming)
    source = _source_spec(ro, streaming)
    if not ro.output or (source.kind == "files" and not ro.input):
        raise UsageError("--input and --output are required")
    if runner_kind(options) == "dataflow" and not (ro.keyset and ro.vault_recipient):
        raise UsageError("a Dataflow run needs --keyset and --vault-recipient (the "
                         "development keyring lives on this machine only)")
    policy = load_policy(_fetched(ro.policy))
    if ro.spacy_model:
        policy = dataclasses.replace(policy, spacy_model=ro.spacy_model)
    for _, model in policy.languages:
        check_spacy_model(model)
    keyset = load_keyset(Path(_fetched(ro.keyset)) if ro.keyset else dev_keyset())
    unwrap_data_key(keyset)  # fail now, not on a worker, if the master key is wrong
    recipient_path = Path(_fetched(ro.vault_recipient)) if ro.vault_recipient else dev_recipient(
        hushbeam_home())
    try:
        recipient_pem = recipient_path.read_bytes()
    except OSError:
        raise UsageError(f"vault recipient {recipient_path} cannot be read") from None
    load_recipient(recipient_pem)
    output = ro.output.rstrip("/")
    vault_output = (ro.vault_output or output + ".vault").rstrip("/")
    _check_apart(output, vault_output)
    if ro.nlp_batch_size < 1:
        raise UsageError("--nlp-batch-size must be at least 1")
    windows = None
    if streaming:
        windows = WindowSpec(ro.window_seconds, ro.allowed_lateness_seconds, ro.num_shards)
        if windows.window_seconds < 1 or windows.num_shards < 1 or (
                windows.allowed_lateness_seconds < 0):
            raise UsageError("--window-seconds and --num-shards must be at least 1, "
                             "--allowed-lateness-seconds at least 0")
    else:
        if source.kind != "files":
            raise UsageError(f"--source {source.kind} needs --streaming")
    _check_locations(None if streaming else ro.input, output, vault_output, ro.overwrite,
                     format_settings(policy) if ro.input_format in ("auto", "csv-tsv") else None)
    processes = ro.local_redaction_processes
    if processes is not None and processes < 1:
        raise UsageError("--local-redaction-processes must be at least 1")
    if not (streaming and is_local(options) and source.kind == "files"):
        processes = 1  # batch runners and remote runners spread work themselves
    elif processes is None:
        processes = default_redaction_processes()
    return RedactConfig(input=ro.input, output=output, vault_output=vault_output,
                        policy=policy, keyset=keyset, recipient_pem=recipient_pem,
                        run_id=uuid.uuid4().hex, batch_sizes=BatchSizes(
                            nlp_texts=ro.nlp_batch_size,
                            processes=processes or 1),
                        source=source, windows=windows,
                        overwrite=bool(ro.overwrite),
                        max_quarantine_rate=ro.max_quarantine_rate)


# Local streaming spreads each batch over this many redaction processes by default: one per
# CPU, at most 4 (each holds its own spaCy model, about 0.6 GB with en_core_web_md).
MAX_DEFAULT_REDACTION_PROCESSES = 4


def default_redaction_processes() -> int:
    """Redaction processes for a local streaming run when the flag is not given."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_REDACTION_PROCESSES))


def _fetched(path: Optional[str]) -> Optional[str]:
    """A local copy of a policy, keyset or recipient given as gs://... (Flex Templates)."""
    if not path or "://" not in path:
        return path
    try:
        with FileSystems.open(path) as fh:
            data = fh.read()
    except Exception as exc:  # the path names our own config files, not data
        raise UsageError(f"{path} cannot be read ({type(exc).__name__})") from None
    local = Path(tempfile.mkdtemp(prefix="hushbeam-")) / FileSystems.split(path)[1]
    local.write_bytes(data)
    return str(local)


def _source_spec(ro: RedactOptions, streaming: bool) -> SourceSpec:
    """The one place where the source is chosen from the flags."""
    if ro.source == "pubsub" and not (ro.pubsub_subscription or ro.pubsub_topic):
        raise UsageError("--source pubsub needs --pubsub-subscription or --pubsub-topic")
    if ro.source == "kafka" and not (ro.kafka_bootstrap_servers and ro.kafka_topics):
        raise UsageError("--source kafka needs --kafka-bootstrap-servers and --kafka-topic")
    config = []
    for pair in ro.kafka_consumer_config:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--kafka-consumer-config {pair!r} is not KEY=VALUE")
        config.append((key, value))
    if streaming and not 0 < ro.poll_interval <= MAX_POLL_INTERVAL:
        raise UsageError(f"--poll-interval must be in (0, {MAX_POLL_INTERVAL:g}] seconds")
    pattern = ro.input
    if streaming and pattern and "://" not in pattern:
        # Absolute, so the ledger of a restarted job names the same files from any cwd.
        pattern = os.path.abspath(pattern)
        if Path(pattern).is_dir():
            pattern = os.path.join(pattern, "*")  # a landing directory: every file in it
    return SourceSpec(kind=ro.source, pattern=pattern, streaming=streaming,
                      poll_interval=ro.poll_interval,
                      pubsub_subscription=ro.pubsub_subscription,
                      pubsub_topic=ro.pubsub_topic,
                      kafka_bootstrap_servers=ro.kafka_bootstrap_servers,
                      kafka_topics=tuple(ro.kafka_topics),
                      kafka_consumer_config=tuple(config),
                      kafka_expansion_service=ro.kafka_expansion_service,
                      input_format=ro.input_format)


def _check_apart(output: str, vault_output: str) -> None:
    out_abs, vault_abs = _abs(output), _abs(vault_output)
    if vault_abs == out_abs or vault_abs.startswith(out_abs + "/"):
        raise UsageError("--vault-output must not be inside --output (the dataset must hold "
                         "no raw data)")
    if out_abs.startswith(vault_abs + "/"):
        raise UsageError("--output must not be inside --vault-output (keep the dataset and "
                         "its vault apart)")


def _check_locations(pattern: Optional[str], output: str, vault_output: str,
                     overwrite: bool, csv_settings: Optional[FormatSettings] = None) -> None:
    """Input, output and vault before any data is read (``pattern`` None: streaming).

    Batch: completes or rolls back a commit a killed run left, removes the staging of dead
    runs, refuses an earlier run's output without ``--overwrite`` (it is replaced only
    when the new run commits) and a disk that cannot hold about the input's size.
    """
    matched = []
    if pattern is not None:
        matched = FileSystems.match([pattern])[0].metadata_list
        if not matched:
            raise UsageError(f"no input file matches {pattern!r}")
        _check_input_paths([m.path for m in matched], output, vault_output)
        if csv_settings is not None and csv_settings.columns:
            _check_csv_headers([m.path for m in matched], csv_settings)
    for flag, directory in (("--output", output), ("--vault-output", vault_output)):
        _check_writable(flag, directory)
    if pattern is None:
        return
    try:
        commit.recover(output, vault_output)  # logs what it did
    except commit.CommitError as exc:
        raise UsageError(str(exc)) from None
    for directory, globs in ((output, layout.DATASET_OUTPUTS),
                             (vault_output, layout.VAULT_OUTPUTS)):
        if commit.visible_files(directory, globs) and not overwrite:
            raise UsageError(f"{directory} holds the output of an earlier run; pass "
                             "--overwrite to replace it")
    _check_free_space(output, vault_output, sum(m.size_in_bytes for m in matched))


def _check_input_paths(paths: List[str], output: str, vault_output: str) -> None:
    """Refuse an input that is a directory (it would be one unreadable item, exit 0) and
    files inside the output or its vault (an earlier run's dataset and sealed files read
    back as exports). Paths are the user's own, never data."""
    roots = (("--output", _abs(output)), ("--vault-output", _abs(vault_output)))
    for path in paths:
        if "://" not in path and os.path.isdir(path):
            raise UsageError(f"--input matches {path}, which is a directory: pass a glob of "
                             f"the files in it, e.g. '{path.rstrip('/')}/*'")
        full = _abs(path)
        for flag, root in roots:
            if full.startswith(root + "/"):
                raise UsageError(f"--input matches {path}, inside {flag} {root}: an earlier "
                                 "run's output is no export; narrow the glob or write the "
                                 "output elsewhere")


# Headers read on this machine before a run; more files are left to the workers.
_MAX_HEADERS_CHECKED = 200


def _check_csv_headers(paths: List[str], settings: FormatSettings) -> None:
    """A ``csvColumns`` key misspelt against a local CSV/TSV's header: UsageError naming
    the policy's key and the file (never a cell of the file)."""
    for path in [p for p in paths if "://" not in p][:_MAX_HEADERS_CHECKED]:
        try:
            with open(path, "rb") as stream:
                keys = misspelt_columns(settings, stream)
        except (OSError, EOFError, zlib.error):
            continue  # unreadable: the run dead-letters it as such
        if keys:
            raise UsageError(
                "policy " + ", ".join(f"csvColumns.{key}" for key in keys) +
                f": no column of {path} is named so, but one has a close name (a "
                "misspelling would drop that column from every row); fix the policy")


def _check_writable(flag: str, directory: str) -> None:
    """Local: the directory exists (parents made) and takes a file; UsageError otherwise."""
    if "://" in directory:
        return  # object stores: the workers' credentials decide, not this machine's
    try:
        os.makedirs(directory, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".hushbeam-probe-", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except FileExistsError:
        raise UsageError(f"{flag} {directory} exists and is not a directory") from None
    except OSError as exc:
        raise UsageError(f"{flag} {directory} cannot be written: "
                         f"{exc.strerror or type(exc).__name__}") from None


# Measured on the synthetic corpus: Parquet plus sealed vault are about the input's size.
_SPACE_PER_INPUT_BYTE = 1.0


def _check_free_space(output: str, vault_output: str, input_bytes: int) -> None:
    """Refuse a run that cannot fit: both the previous output and the new one are on disk
    until the commit. An estimate (gzip input, a vault full of dead letters need more)."""
    need = int(input_bytes * _SPACE_PER_INPUT_BYTE)
    devices = {}
    for directory in (output, vault_output):
        if "://" not in directory:
            devices.setdefault(os.stat(directory).st_dev, directory)
    for directory in devices.values():
        free = shutil.disk_usage(directory).free
        if free < need:
            raise UsageError(f"{directory} has {_mb(free)} free; this run needs about "
                             f"{_mb(need)} (about the input's size, while the previous output "
                             "stays until the commit)")


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _abs(path: str) -> str:
    return path if "://" in path else str(Path(path).resolve())
