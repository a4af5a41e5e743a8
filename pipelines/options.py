"""Pipeline options of the redact pipeline (its own module: Beam registers every
PipelineOptions subclass once, and ``python -m pipelines.redact`` must not define it twice).

Every dashed flag also has its underscore spelling (``--vault_output``), as Beam's own
options and Dataflow template parameters are written. :func:`unknown_flags` finds the
arguments that neither these options nor Beam's take (Beam itself only warns "Discarding
unparseable args" and runs without them). :func:`redact_parser` is ``hushbeam redact``'s
help and the first check of its values (an invalid choice is one line, not Beam's usage)."""
import math
from typing import Sequence

from apache_beam.options.pipeline_options import PipelineOptions, _BeamArgumentParser

from pipelines.console import (LOG_LEVEL_HELP, LOG_LEVELS, CommandLineError, OneLineParser,
                               unknown_arguments)

from transforms.core.formats import registry as input_formats
from transforms.core.report.model import DEFAULT_MAX_QUARANTINE_RATE


class RedactOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument("--input", help="glob of export files: canonical JSON, contact "
                            "center exports (docs/formats.md) or CSV/TSV, gzipped or not "
                            "(required, except with --source pubsub|kafka)")
        parser.add_argument("--input-format", "--input_format", dest="input_format",
                            choices=input_formats.choices(), default=input_formats.AUTO,
                            help="format of every file or message; auto: recognised from "
                            "its content (gzip is undone first, whatever the format)")
        parser.add_argument("--output", help="directory for the anonymized Parquet dataset "
                            "(required)")
        parser.add_argument("--policy", default=None, help="policy YAML/JSON (default: "
                            "rules/default_policy.yaml)")
        parser.add_argument("--vault-output", "--vault_output", dest="vault_output", default=None,
                            help="directory for sealed vault, dead letters and quarantine "
                            "(default: <OUTPUT>.vault)")
        parser.add_argument("--keyset", default=None,
                            help="keyset file (default: the development keyring in "
                            "$HUSHBEAM_HOME, created on first run)")
        parser.add_argument("--vault-recipient", "--vault_recipient",
                            dest="vault_recipient", default=None,
                            help="PEM X25519 public key the vault is sealed to (default: the "
                            "development identity beside the dev keyring)")
        parser.add_argument("--spacy-model", "--spacy_model", dest="spacy_model", default=None,
                            help="spaCy model for NER (overrides the policy's nlp.spacyModel)")
        parser.add_argument("--nlp-batch-size", "--nlp_batch_size",
                            dest="nlp_batch_size", type=int, default=64,
                            help="texts per spaCy nlp.pipe batch")
        parser.add_argument("--local-redaction-processes", "--local_redaction_processes",
                            dest="local_redaction_processes", type=int, default=None,
                            help="local streaming runs: processes that redact each batch in "
                            "parallel (default: one per CPU, at most 4; 1 = in the runner's "
                            "thread; see docs/performance.md)")
        parser.add_argument("--overwrite", action="store_true",
                            help="replace the output of an earlier run in --output and "
                            "--vault-output")
        parser.add_argument("--max-quarantine-rate", "--max_quarantine_rate",
                            dest="max_quarantine_rate", type=float,
                            default=DEFAULT_MAX_QUARANTINE_RATE,
                            help="fail the command (exit code 3, the safe rows stay "
                            "committed) when more than this fraction of the records that "
                            "reach the leak guard is quarantined (default "
                            f"{DEFAULT_MAX_QUARANTINE_RATE:g}; 1 turns the check off)")
        parser.add_argument("--progress-seconds", "--progress_seconds",
                            dest="progress_seconds", type=float, default=30.0,
                            help="local runs: when stderr is not a terminal, log progress "
                            "(records done, rate, time left) every this many seconds; on a "
                            "terminal a live line is shown instead; 0 turns both off "
                            "(default 30)")
        # Streaming (with Beam's --streaming); see pipelines/streaming.py.
        parser.add_argument("--source", choices=("files", "pubsub", "kafka"), default="files",
                            help="where exports come from: files matching --input (watched "
                            "for new files with --streaming), Pub/Sub or Kafka (streaming)")
        parser.add_argument("--window-seconds", "--window_seconds",
                            dest="window_seconds", type=int, default=60,
                            help="streaming: fixed event-time window of the output")
        parser.add_argument("--allowed-lateness-seconds", "--allowed_lateness_seconds",
                            dest="allowed_lateness_seconds",
                            type=int, default=3600,
                            help="streaming: data this late still joins its window (as a "
                            "late pane); later data is dropped by Beam")
        parser.add_argument("--num-shards", "--num_shards", dest="num_shards", type=int, default=1,
                            help="streaming: Parquet files per window")
        parser.add_argument("--poll-interval", "--poll_interval",
                            dest="poll_interval", type=float, default=1.0,
                            help="streaming, files: seconds between two looks at --input")
        parser.add_argument("--settle-seconds", "--settle_seconds",
                            dest="settle_seconds", type=float, default=1.0,
                            help="streaming, files: a file is taken once unchanged this long")
        parser.add_argument("--stop-after-seconds", "--stop_after_seconds",
                            dest="stop_after_seconds", type=float,
                            default=None, help="streaming, files, local: stop watching after "
                            "this long, commit the open windows and exit")
        parser.add_argument("--stop-when-idle", "--stop_when_idle",
                            dest="stop_when_idle", type=float,
                            default=None, help="streaming, files, local: stop once no new "
                            "file has arrived for this many seconds")
        parser.add_argument("--pubsub-subscription", "--pubsub_subscription",
                            dest="pubsub_subscription", default=None,
                            help="projects/P/subscriptions/S (--source pubsub)")
        parser.add_argument("--pubsub-topic", "--pubsub_topic", dest="pubsub_topic", default=None,
                            help="projects/P/topics/T (--source pubsub, without subscription)")
        parser.add_argument("--kafka-bootstrap-servers", "--kafka_bootstrap_servers",
                            dest="kafka_bootstrap_servers",
                            default=None, help="host:port,... (--source kafka)")
        parser.add_argument("--kafka-topic", "--kafka_topic",
                            dest="kafka_topics", action="append", default=[],
                            help="topic to read (--source kafka; repeatable)")
        parser.add_argument("--kafka-consumer-config", "--kafka_consumer_config",
                            dest="kafka_consumer_config",
                            action="append", default=[],
                            help="KEY=VALUE Kafka consumer setting (repeatable), e.g. "
                            "group.id=hushbeam")
        parser.add_argument("--kafka-expansion-service", "--kafka_expansion_service",
                            dest="kafka_expansion_service",
                            default=None, help="host:port of a running Java expansion "
                            "service (default: Beam starts one from its jar)")


def unknown_flags(argv: Sequence[str]) -> str:
    """What no option takes, in one line (``unknown flag --polcy (did you mean
    --policy?)``), or "" when every argument is known."""
    parser = _all_options_parser()
    _, extras = parser.parse_known_args(list(argv))
    return unknown_arguments(extras, [flag for action in parser._actions
                                      for flag in action.option_strings])


class _OneLineBeamParser(_BeamArgumentParser):
    """Beam's parser, its errors one line (Beam's own prints every option's usage, under
    the script's name, and exits)."""

    def error(self, message):
        raise CommandLineError(message)


def _all_options_parser(kind: type = _BeamArgumentParser) -> _BeamArgumentParser:
    """The parser Beam builds from every PipelineOptions subclass (as get_all_options)."""
    parser = kind(allow_abbrev=False)
    classes = {}
    for cls in PipelineOptions.__subclasses__():
        classes.setdefault(str(cls), cls)
    for cls in classes.values():
        cls._add_argparse_args(parser)  # pylint: disable=protected-access
    return parser


REDACT_USAGE_EPILOG = (
    "Beam's pipeline options are taken too (--runner DataflowRunner, --project, --region, "
    "--temp_location, --direct_num_workers, ...: see the Apache Beam documentation); "
    "--help lists hushbeam's. Exit codes: 0 done, 2 usage or data problem (nothing "
    "committed), 3 too many records quarantined (the safe rows are committed).")


def redact_parser() -> OneLineParser:
    """``hushbeam redact``'s flags with help and defaults: RedactOptions, the Beam options a
    local run needs (--streaming, --runner) and --log-level."""
    parser = OneLineParser(prog="hushbeam redact", epilog=REDACT_USAGE_EPILOG,
                           description="Redact conversation exports into an anonymized "
                           "Parquet dataset and a sealed vault (batch, or --streaming).")
    RedactOptions._add_argparse_args(parser)  # pylint: disable=protected-access
    parser.add_argument("--streaming", action="store_true",
                        help="watch --input (or read --source pubsub|kafka) and write "
                        "fixed windows until stopped")
    parser.add_argument("--runner", default=None,
                        help="Beam runner: DirectRunner (local, offline; the default), "
                        "DataflowRunner, FlinkRunner, PortableRunner")
    parser.add_argument("--log-level", default="INFO", type=str.upper,
                        choices=LOG_LEVELS, help=LOG_LEVEL_HELP)
    return parser


def check_redact_values(argv: Sequence[str]) -> None:
    """A value a flag does not take (``--input-format xml``, ``--num-shards two``,
    ``--direct_running_mode multi_thread``) is a CommandLineError in one line; unknown
    flags are left to :func:`unknown_flags`."""
    known, _ = redact_parser().parse_known_args(list(argv))
    _all_options_parser(_OneLineBeamParser).parse_known_args(list(argv))
    check_numbers(known)


# Each numeric option of redact and its least value (progress off at 0, a run without
# lateness at 0); a negative one was taken as "off" (--progress-seconds -5) or ignored
# (--num-shards -1 in a batch run). Every one is checked, batch or streaming.
NUMERIC_LEAST = {"nlp_batch_size": 1, "local_redaction_processes": 1,
                 "max_quarantine_rate": 0, "progress_seconds": 0, "window_seconds": 1,
                 "allowed_lateness_seconds": 0, "num_shards": 1, "poll_interval": 0,
                 "settle_seconds": 0, "stop_after_seconds": 0, "stop_when_idle": 0}
_ABOVE_LEAST = {"poll_interval"}  # a look every 0 seconds is a busy loop


def check_numbers(known) -> None:
    """A numeric option below its least value, or not finite (``nan``, ``inf``), is a
    CommandLineError naming the flag, before anything is read or made."""
    for dest, least in NUMERIC_LEAST.items():
        value = getattr(known, dest, None)
        if value is None:
            continue
        flag = "--" + dest.replace("_", "-")
        if not math.isfinite(value):
            raise CommandLineError(f"{flag} must be a finite number")
        if dest == "max_quarantine_rate" and not 0 <= value <= 1:
            raise CommandLineError(f"{flag} must be between 0 and 1")
        if dest in _ABOVE_LEAST and value <= least:
            raise CommandLineError(f"{flag} must be more than {least} (got {value:g})")
        if value < least:
            what = "at least 1" if least == 1 else f"{least} or more"
            raise CommandLineError(f"{flag} must be {what} (got {value:g})")
