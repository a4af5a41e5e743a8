"""ReadConversations: exports -> conversation elements + dead letters, from any source.

Sources (one :class:`SourceSpec`, chosen in one place, ``pipelines/options.py``):

* ``files``, batch: the files matching a glob, once (bounded).
* ``files``, streaming: the glob watched for new files (unbounded). On the local runner a
  driver-side :class:`~pipelines.landing_poller.LandingPoller` feeds the pipeline through
  Beam's TestStream service on loopback (``endpoint``); on Dataflow and Flink,
  ``fileio.MatchContinuously``. Event time = the file's arrival (see landing.py).
* ``pubsub``: Google Pub/Sub (Dataflow). A message is one export (a JSON object, JSON
  lines or a JSON array, optionally gzipped), or a Cloud Storage notification
  (``eventType=OBJECT_FINALIZE``), whose object is then read. Event time = publish time.
* ``kafka``: Kafka through Beam's cross-language KafkaIO (Flink; needs Java and the
  expansion service). A record value is one export. Event time = LogAppendTime.

Every file or message is read as ``SourceSpec.input_format``, a name in
``transforms/core/formats/registry.py``, or ``auto``: the first format that recognises the
content (gzip undone first). Content of another format than the one named is a dead letter.

Whatever the source, the output is the same dict: ``records`` (redistributed across
workers), ``dead_letter`` and ``read`` (the source of each item read, counted
independently of the sinks for the summary). A joinable part (a record with ``join``, see
``transforms/join_conversations.py``) is not in ``read``: JoinConversations counts it
there, once per conversation, after the join.
"""
from __future__ import annotations

import dataclasses
import io
import logging
from typing import Dict, Optional, Tuple

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from transforms.core.elements import DEAD_LETTER, METRICS_NAMESPACE, conversation, dead_letter
from transforms.core.formats.base import READ_ERRORS, UNREADABLE
from transforms.core.formats.reader import iter_items
from transforms.core.formats.registry import AUTO, check
from transforms.core.formats.settings import FormatSettings

READ = "read"  # tag of the one-per-item accounting output
_LOG = logging.getLogger(__name__)
SOURCE_KINDS = ("files", "pubsub", "kafka")


@dataclasses.dataclass(frozen=True)
class SourceSpec:
    kind: str = "files"
    pattern: Optional[str] = None  # files
    streaming: bool = False
    poll_interval: float = 1.0  # files, streaming
    endpoint: Optional[str] = None  # files, streaming, local runner: the landing watcher
    skip: frozenset = frozenset()  # files, streaming: committed by an earlier run
    pubsub_subscription: Optional[str] = None
    pubsub_topic: Optional[str] = None
    kafka_bootstrap_servers: Optional[str] = None
    kafka_topics: Tuple[str, ...] = ()
    kafka_consumer_config: Tuple[Tuple[str, str], ...] = ()
    kafka_expansion_service: Optional[str] = None
    input_format: str = AUTO  # a registered format name, or auto (see core/formats)
    settings: FormatSettings = FormatSettings()  # from the policy: CSV columns
    # Spread the records over the workers before the NLP stages (a Reshuffle). Off for one
    # in-memory worker, where there is none to spread to and it would hold every record.
    redistribute: bool = True

    def __post_init__(self):
        check(self.input_format)

    def describe(self) -> Dict[str, object]:
        """What identifies the source of a streaming job (for restarts); no secrets."""
        return {"kind": self.kind, "pattern": self.pattern,
                "pubsub": self.pubsub_subscription or self.pubsub_topic,
                "kafka_topics": list(self.kafka_topics) or None}


def _parse(source: str, stream, input_format: str,
           settings: FormatSettings = FormatSettings()):
    """(tag or None, payload) for every item of one export: records, dead letters, reads."""
    records, reasons = 0, set()
    for item in iter_items(stream, input_format, settings):
        if item.record is None or item.parts is None:  # a joinable part: read when joined
            yield READ, source
        if item.record is not None:
            records += 1
            yield None, conversation(source, item.where, item.record, item.names,
                                     item.id_fields, item.input_format, item.parts)
        else:
            reasons.add(item.reason)
            yield DEAD_LETTER, dead_letter("read", source, item.where, item.reason,
                                           item.raw)
    if reasons and not records:  # reason codes only, never the content
        _LOG.warning("%s: no record read, only dead letters (%s)", source,
                     ", ".join(sorted(reasons)))


def _unopenable(source: str):
    """A file that cannot be opened (gone, no permission): one dead letter, no raw."""
    yield READ, source
    yield DEAD_LETTER, dead_letter("read", source, 1, UNREADABLE)


class _ParseFn(beam.DoFn):
    def __init__(self, input_format: str, settings: FormatSettings = FormatSettings()):
        self._input_format, self._settings = input_format, settings
        self._records = Metrics.counter(METRICS_NAMESPACE, "records_parsed")
        self._dead = Metrics.counter(METRICS_NAMESPACE, "read_dead_letters")

    def _emit(self, source: str, stream):
        yield from self._tagged(_parse(source, stream, self._input_format, self._settings))

    def _emit_opened(self, source: str, opener):
        try:
            stream = opener()
        except READ_ERRORS:
            yield from self._tagged(_unopenable(source))
            return
        with stream:
            yield from self._emit(source, stream)

    def _tagged(self, parsed):
        for tag, payload in parsed:
            if tag is None:
                self._records.inc()
                yield payload
            else:
                if tag == DEAD_LETTER:
                    self._dead.inc()
                yield beam.pvalue.TaggedOutput(tag, payload)


class _ParseExportFn(_ParseFn):
    def process(self, readable: fileio.ReadableFile):
        yield from self._emit_opened(readable.metadata.path, lambda: readable.open(
            compression_type=CompressionTypes.UNCOMPRESSED))


class _ParseMessageFn(_ParseFn):
    """A Pub/Sub message or Kafka record: an export in the payload, or a file notification."""

    def process(self, message):
        source, data, path = message_payload(message)
        if path is not None:
            yield from self._emit_opened(path, lambda: FileSystems.open(
                path, compression_type=CompressionTypes.UNCOMPRESSED))
        else:
            yield from self._emit(source, io.BytesIO(data or b""))


def message_payload(message) -> Tuple[str, Optional[bytes], Optional[str]]:
    """(source label, payload bytes, file to read instead) of a Pub/Sub or Kafka message.

    The label names the message (id, or topic/partition@offset), never its content.
    """
    attributes = getattr(message, "attributes", None)
    if attributes is not None:  # a PubsubMessage
        if attributes.get("eventType") == "OBJECT_FINALIZE" and attributes.get("objectId"):
            return "", None, f"gs://{attributes['bucketId']}/{attributes['objectId']}"
        return f"pubsub:{getattr(message, 'message_id', None) or 'message'}", message.data, None
    if hasattr(message, "topic") and hasattr(message, "value"):  # a Kafka record with metadata
        return (f"kafka:{message.topic}/{message.partition}@{message.offset}",
                message.value, None)
    if isinstance(message, tuple) and len(message) == 2:  # a Kafka (key, value) pair
        return "kafka:record", message[1], None
    return "message", message, None  # bare bytes


class ReadConversations(beam.PTransform):
    """Reads exports from the source of ``spec``; every item is a record or a dead letter.

    Returns a dict: ``records`` (conversation elements, redistributed across workers),
    ``dead_letter``, and ``read`` (the source of each item read, counted independently
    of the sinks for the summary). A plain glob means ``SourceSpec("files", glob)``.
    """

    def __init__(self, spec):
        super().__init__()
        self.spec = spec if isinstance(spec, SourceSpec) else SourceSpec(pattern=spec)

    def expand(self, pbegin):
        spec = self.spec
        if spec.kind == "files":
            return (pbegin | "FindFiles" >> _FindFiles(spec)
                    | ParseExportFiles(spec.input_format, spec.settings, spec.redistribute))
        messages = pbegin | ("ReadPubSub" if spec.kind == "pubsub" else "ReadKafka") >> (
            _read_pubsub(spec) if spec.kind == "pubsub" else _read_kafka(spec))
        return messages | ParseMessages(spec.input_format, spec.settings, spec.redistribute)


class ParseExportFiles(beam.PTransform):
    """File paths or FileMetadata (timestamped, in any window) -> the ReadConversations dict."""

    def __init__(self, input_format: str = AUTO, settings: FormatSettings = FormatSettings(),
                 redistribute: bool = True):
        super().__init__()
        self.input_format, self.settings = check(input_format), settings
        self.redistribute = redistribute

    def expand(self, files):
        parsed = (files
                  | "ReadMatches" >> fileio.ReadMatches()
                  | "ParseExports" >> beam.ParDo(_ParseExportFn(
                      self.input_format, self.settings)).with_outputs(
                          DEAD_LETTER, READ, main="records"))
        return _redistributed(parsed, self.redistribute)


class ParseMessages(beam.PTransform):
    """Pub/Sub messages or Kafka records -> the ReadConversations dict."""

    def __init__(self, input_format: str = AUTO, settings: FormatSettings = FormatSettings(),
                 redistribute: bool = True):
        super().__init__()
        self.input_format, self.settings = check(input_format), settings
        self.redistribute = redistribute

    def expand(self, messages):
        return _redistributed(messages | "ParseMessages" >> beam.ParDo(
            _ParseMessageFn(self.input_format, self.settings)).with_outputs(
                DEAD_LETTER, READ, main="records"), self.redistribute)


def _redistributed(parsed, redistribute: bool = True) -> dict:
    # One file is parsed by one worker; spread its records before the NLP stages.
    records = (parsed.records | "Redistribute" >> beam.Reshuffle() if redistribute
               else parsed.records)
    return {"records": records, DEAD_LETTER: parsed[DEAD_LETTER], READ: parsed[READ]}


class _FindFiles(beam.PTransform):
    """File paths (or metadata) to read: matched once, or watched for new ones."""

    def __init__(self, spec: SourceSpec):
        super().__init__()
        self.spec = spec

    def expand(self, pbegin):
        spec = self.spec
        if not spec.streaming:
            return pbegin | "MatchFiles" >> fileio.MatchFiles(spec.pattern)
        if spec.endpoint:  # local runner: the driver's LandingPoller, timestamped paths
            from apache_beam import coders
            from apache_beam.testing.test_stream import TestStream

            return pbegin | "WatchLanding" >> TestStream(coder=coders.StrUtf8Coder(),
                                                         endpoint=spec.endpoint)
        from apache_beam.utils.timestamp import Timestamp

        skip = spec.skip
        return (pbegin
                | "MatchContinuously" >> fileio.MatchContinuously(
                    spec.pattern, interval=spec.poll_interval,
                    start_timestamp=Timestamp.now())
                | "SkipCommitted" >> beam.Filter(lambda m: m.path not in skip))


def _read_pubsub(spec: SourceSpec) -> beam.PTransform:
    return beam.io.ReadFromPubSub(subscription=spec.pubsub_subscription,
                                  topic=None if spec.pubsub_subscription else spec.pubsub_topic,
                                  with_attributes=True)


def _read_kafka(spec: SourceSpec) -> beam.PTransform:
    from apache_beam.io.kafka import ReadFromKafka

    config = {"bootstrap.servers": spec.kafka_bootstrap_servers,
              "auto.offset.reset": "earliest"}
    config.update(dict(spec.kafka_consumer_config))
    kwargs = {"expansion_service": spec.kafka_expansion_service} if (
        spec.kafka_expansion_service) else {}
    return ReadFromKafka(consumer_config=config, topics=list(spec.kafka_topics),
                         timestamp_policy=ReadFromKafka.log_append_time,
                         commit_offset_in_finalize=True, with_metadata=True, **kwargs)
