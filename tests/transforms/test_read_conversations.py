"""Messages as sources: Pub/Sub messages and Kafka records parse like export files."""
import gzip
import json

import apache_beam as beam
import pytest
from apache_beam.io.gcp.pubsub import PubsubMessage
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.runner import OfflineDirectRunner
from transforms.core.formats.registry import UnknownInputFormat
from transforms.read_conversations import (ParseExportFiles, ParseMessages, SourceSpec,
                                           message_payload)


class _KafkaRow:
    topic, partition, offset, value = "exports", 3, 42, b'{"conversation_id": "c"}'


def test_messages_name_their_source_without_their_content():
    message = PubsubMessage(b"{}", {}, message_id="m-1")
    assert message_payload(message) == ("pubsub:m-1", b"{}", None)
    notification = PubsubMessage(b"", {"eventType": "OBJECT_FINALIZE", "bucketId": "landing",
                                       "objectId": "x/a.jsonl"})
    assert message_payload(notification) == ("", None, "gs://landing/x/a.jsonl")
    assert message_payload(_KafkaRow()) == ("kafka:exports/3@42", _KafkaRow.value, None)
    assert message_payload((b"k", b"v")) == ("kafka:record", b"v", None)


def test_a_message_holds_one_export_of_any_supported_shape():
    lines = b'{"conversation_id": "a1"}\n{"conversation_id": "a2"}\nnot json\n'
    array = gzip.compress(json.dumps([{"conversation_id": "b1"}]).encode())
    messages = [PubsubMessage(lines, {}, message_id="m-1"),
                PubsubMessage(array, {}, message_id="m-2"),
                (b"key", b'{"conversation_id": "k1"}')]
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        read = p | beam.Create(messages) | ParseMessages()
        assert_that(read["records"] | "Ids" >> beam.Map(
            lambda e: (e["source"], e["fields"]["conversation_id"])),
            equal_to([("pubsub:m-1", "a1"), ("pubsub:m-1", "a2"), ("pubsub:m-2", "b1"),
                      ("kafka:record", "k1")]), label="Records")
        assert_that(read["dead_letter"] | beam.Map(lambda d: (d["source"], d["position"],
                                                              d["reason"])),
                    equal_to([("pubsub:m-1", 3, "invalid_json")]), label="DeadLetters")
        assert_that(read["read"], equal_to(["pubsub:m-1"] * 3 + ["pubsub:m-2", "kafka:record"]),
                    label="Reads")


def test_a_named_input_format_makes_exports_of_another_shape_dead_letters(tmp_path):
    (tmp_path / "array.jsonl").write_bytes(gzip.compress(b'[{"conversation_id": "f1"}]'))
    (tmp_path / "lines.json").write_bytes(b'{"conversation_id": "f2"}\n')
    messages = [PubsubMessage(b'[{"conversation_id": "b1"}]', {}, message_id="m-1"),
                PubsubMessage(b'{"conversation_id": "a1"}\n', {}, message_id="m-2")]
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        files = (p | "Files" >> beam.Create([str(tmp_path / "array.jsonl"),
                                            str(tmp_path / "lines.json")])
                 | ParseExportFiles("json-array"))
        read = p | "Messages" >> beam.Create(messages) | ParseMessages("json-array")
        records = (files["records"], read["records"]) | "AllRecords" >> beam.Flatten()
        dead = (files["dead_letter"], read["dead_letter"]) | "AllDead" >> beam.Flatten()
        assert_that(records | "Ids" >> beam.Map(lambda e: e["fields"]["conversation_id"]),
                    equal_to(["f1", "b1"]), label="Records")
        assert_that(dead | "Reasons" >> beam.Map(
            lambda d: (d["source"].rsplit("/", 1)[-1], d["position"], d["reason"])),
                    equal_to([("lines.json", 1, "wrong_format:json-array"),
                              ("pubsub:m-2", 1, "wrong_format:json-array")]), label="Dead")


def test_an_unknown_input_format_fails_when_the_pipeline_is_built():
    with pytest.raises(UnknownInputFormat, match="registered: auto, json-array"):
        SourceSpec(kind="pubsub", input_format="csv")
    with pytest.raises(UnknownInputFormat):
        ParseExportFiles("csv")


def test_records_not_redistributed_are_the_same_records_and_no_reshuffle_is_built(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"conversation_id": "a1"}\n{"conversation_id": "a2"}\n')
    for redistribute in (True, False):
        with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
            read = (p | beam.Create([str(tmp_path / "a.jsonl")])
                    | ParseExportFiles(redistribute=redistribute))
            assert_that(read["records"] | beam.Map(lambda e: e["fields"]["conversation_id"]),
                        equal_to(["a1", "a2"]))
        labels = []
        p.visit(_Labels(labels))
        assert any("Redistribute" in label for label in labels) is redistribute


class _Labels(beam.pipeline.PipelineVisitor):
    def __init__(self, labels):
        self.labels = labels

    def enter_composite_transform(self, node):
        self.labels.append(node.full_label)
