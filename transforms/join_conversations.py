"""JoinConversations: the parts of one conversation found in different files (or messages)
merged into one record.

A format that joins a conversation's parts within a file (Genesys Cloud: detail records and
transcripts, by conversation id) marks each record it reads as a joinable part: the element's
``join`` holds the join key (the vendor's conversation id), the kinds of parts present and
the parts (see ``transforms/core/elements.py``). Here the parts go through a GroupByKey on
(format, key) and are merged into ONE record by the format's own merge (``JOINERS``: the
function its in-file join uses), so the detail record's names are found again in the
transcript's text. The record keeps the first part's source and position (sorted by source,
then position) for its dead letters. Every other record passes untouched; ``join`` (with the
raw key) is dropped here and never reaches a later stage, a log, a metric or a summary.

Accounting, after the join: one ``read`` per conversation (the reader counts no joinable
part), and ``joined`` (the source of each part merged into another's record: the summary's
``parts_joined``), so read = written + quarantined + dead-lettered holds in conversations.

Streaming: the GroupByKey runs per window (and pane), so parts that fall in different windows,
or a part that arrives late, stay separate records (with the same ``conversation_id``
pseudonym).

Memory: the records cross ``FlattenJoined`` packed, in batches of up to 64 (Beam's own
encoding, zlib-compressed), and are unpacked after it. A runner materializes a Flatten of
two stages' outputs, and the local FnApiRunner holds that input whole until the consuming
stage (redaction) ends, in its buffer, in its in-memory data channel and as the chunk being
decoded: three copies of every record for the whole run, each several times smaller packed
(docs/performance.md). Batching, like RedactText's, moves a record's timestamp to the end
of its window; nothing before RedactText reads it.
"""
from __future__ import annotations

import zlib

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.core.elements import (DEAD_LETTER, METRICS_NAMESPACE, conversation,
                                      dead_letter, position_order)
from transforms.core.formats import genesys
from transforms.read_conversations import READ

JOINED = "joined"  # tag of the accounting output: the source of each part merged into another
_PARTS = "parts"
JOINERS = {genesys.GenesysCloud.name: genesys.joined}  # format -> (key, parts) -> Item
_CODER = beam.coders.FastPrimitivesCoder()  # what Beam encodes a record with anyway
PACKED = 64  # records per packed batch: what they share is compressed once


def pack(records: list) -> bytes:
    """Records as the bytes that cross the Flatten: Beam's encoding, compressed."""
    return zlib.compress(_CODER.encode(list(records)), 1)


def unpack(packed: bytes) -> list:
    """The records :func:`pack` was given, equal to them and in their order."""
    return _CODER.decode(zlib.decompress(packed))


class _Pack(beam.PTransform):
    """Records -> packed batches of up to :data:`PACKED`, in their windows."""

    def expand(self, records):
        return (records
                | "Batch" >> beam.BatchElements(min_batch_size=PACKED, max_batch_size=PACKED)
                | "Pack" >> beam.Map(pack))


class _SplitFn(beam.DoFn):
    """Joinable parts, keyed by (format, join key), to the side; the rest untouched."""

    def process(self, element):
        join = element.get("join")
        if join is None:
            yield element
        else:
            yield beam.pvalue.TaggedOutput(_PARTS, ((join["input_format"], join["key"]),
                                                    element))


def _order(element):
    return str(element.get("source")), position_order(element.get("position"))


class _JoinFn(beam.DoFn):
    """The parts of one conversation (in one window) -> one record, its read and its joins."""

    def __init__(self):
        self._joined = Metrics.counter(METRICS_NAMESPACE, "parts_joined")
        self._failed = Metrics.counter(METRICS_NAMESPACE, "join_dead_letters")

    def process(self, keyed):
        (input_format, key), elements = keyed
        parts = sorted(elements, key=_order)
        first = parts[0]
        source, position = first["source"], first["position"]
        yield beam.pvalue.TaggedOutput(READ, source)
        for part in parts[1:]:
            self._joined.inc()
            yield beam.pvalue.TaggedOutput(JOINED, part["source"])
        if len(parts) == 1:  # alone: as the reader made it
            yield {k: v for k, v in first.items() if k != "join"}
            return
        try:
            item = JOINERS[input_format](key, [p["join"]["parts"] for p in parts])
            yield conversation(source, position, item.record, item.names, item.id_fields,
                               input_format)
        except Exception as exc:  # pylint: disable=broad-except
            # the safety net: the reason names the error's type, never its message
            self._failed.inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, dead_letter(
                "join", source, position, f"join_failed:{type(exc).__name__}",
                [p["join"]["parts"] for p in parts]))


class JoinConversations(beam.PTransform):
    """The ReadConversations dict -> the same dict, joinable parts joined, plus ``joined``."""

    def expand(self, read: dict) -> dict:
        split = read["records"] | "SplitJoinable" >> beam.ParDo(_SplitFn()).with_outputs(
            _PARTS, main="records")
        joined = (split[_PARTS]
                  | "GroupParts" >> beam.GroupByKey()
                  | "JoinParts" >> beam.ParDo(_JoinFn()).with_outputs(
                      READ, JOINED, DEAD_LETTER, main="records"))
        # packed across the Flatten, whose input the runner holds until redaction ends
        return {"records": ((split.records | "PackRecords" >> _Pack(),
                             joined.records | "PackJoined" >> _Pack())
                            | "FlattenJoined" >> beam.Flatten()
                            | "UnpackRecords" >> beam.FlatMap(unpack)),
                DEAD_LETTER: ((read[DEAD_LETTER], joined[DEAD_LETTER])
                              | "FlattenJoinDeadLetters" >> beam.Flatten()),
                READ: (read[READ], joined[READ]) | "FlattenJoinReads" >> beam.Flatten(),
                JOINED: joined[JOINED]}
