"""The read stage hands a vendor record's names, id fields and format on to the stages,
from files and messages alike, and names a file it could read no record from."""
import json
import logging

import apache_beam as beam
from apache_beam.io.gcp.pubsub import PubsubMessage
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.runner import OfflineDirectRunner
from tests.transforms.core.formats.test_contact_lens import CHAT
from transforms.read_conversations import ParseExportFiles, ParseMessages, _parse


def test_a_vendor_message_becomes_an_element_with_its_names_id_fields_and_format():
    messages = [PubsubMessage(json.dumps(CHAT).encode(), {}, message_id="m-1")]
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        read = p | beam.Create(messages) | ParseMessages()
        assert_that(read["records"] | beam.Map(lambda e: (
            [k.canonical for k in e["known"]], e["id_fields"], e["counts"])),
            equal_to([(["Marisol Quintero", "Marisol", "Quintero"], ["conversation_id"],
                       {"input_formats": {"contact-lens": 1}})]))


def test_a_file_of_no_known_shape_is_one_dead_letter_and_a_warning_naming_it(tmp_path,
                                                                              caplog):
    path = tmp_path / "mystery.json"
    path.write_text(json.dumps({"caller": {"name": "Gwendolyn"}}, indent=2))
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        read = p | beam.Create([str(path)]) | ParseExportFiles()
        assert_that(read["dead_letter"] | beam.Map(lambda d: (d["position"], d["reason"])),
                    equal_to([(1, "unknown_format")]))
    caplog.clear()
    with caplog.at_level(logging.WARNING), open(path, "rb") as fh:
        list(_parse(str(path), fh, "auto"))
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: no record read, only dead letters (unknown_format)"]
