"""JoinConversations: a Genesys detail record and its transcript in two files are one
record (metadata, names and turns); a lone part stays alone, a record of another format
passes untouched, and read = written + dead-lettered counts conversations, not parts."""
import json

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.runner import OfflineDirectRunner
from tests.transforms.core.formats.test_contact_lens import CHAT
from tests.transforms.core.formats.test_genesys import DETAIL, TRANSCRIPT
from transforms.core import summary_counts
from transforms.join_conversations import JoinConversations
from transforms.read_conversations import ParseExportFiles
from transforms.run_summary import AccountForRecords, SummaryFn


def _shape(element):
    fields = element["fields"]
    return (fields["conversation_id"], fields.get("notes"),
            [t["text"] for t in fields.get("turns") or []],
            sorted({k.canonical for k in element["known"]}), element["counts"],
            "join" in element)


def test_parts_in_two_files_are_one_record_and_counts_are_conserved(tmp_path):
    lone = dict(TRANSCRIPT, conversationId="conv-2")
    files = {"a-detail.json": DETAIL, "b-transcript.json": TRANSCRIPT,
             "c-lone.json": lone, "d-chat.json": CHAT}
    for name, document in files.items():
        (tmp_path / name).write_text(json.dumps(document, indent=2))
    paths = [str(tmp_path / name) for name in files]
    genesys = {"input_formats": {"genesys-cloud": 1}}
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        joined = (p | beam.Create(paths) | ParseExportFiles()) | JoinConversations()
        records = joined["records"]
        assert_that(records | "Genesys" >> beam.Filter(
            lambda e: e["fields"]["conversation_id"] in ("conv-1", "conv-2"))
            | beam.Map(_shape), equal_to([
                ("conv-1", "Call Marisol back after 5pm.",
                 ["Devon speaking.", "Hi, Marisol here."],
                 sorted({"Devon", "Devon Achterberg", "Marisol", "Marisol Quintero",
                         "Quintero", "Achterberg"}),
                 genesys, False),
                ("conv-2", None, ["Devon speaking.", "Hi, Marisol here."], [], genesys,
                 False)]), label="JoinedAndLone")
        assert_that(records | "Identity" >> beam.Filter(
            lambda e: e["fields"]["conversation_id"] == "conv-1")
            | beam.Map(lambda e: (e["source"].rsplit("/", 1)[-1], e["position"])),
            equal_to([("a-detail.json", 1)]), label="FirstPartsIdentity")
        assert_that(records | "Others" >> beam.Filter(
            lambda e: e["fields"]["conversation_id"] not in ("conv-1", "conv-2"))
            | beam.Map(lambda e: (e["counts"], "join" in e)),
            equal_to([({"input_formats": {"contact-lens": 1}}, False)]), label="Passes")
        summary = ({"read": joined["read"], "joined": joined["joined"], "records": records,
                    "quarantine": p | "NoQuarantine" >> beam.Create([]),
                    "dead_letters": joined["dead_letter"]}
                   | AccountForRecords() | beam.CombineGlobally(SummaryFn()))
        assert_that(summary | beam.Map(lambda s: (
            s["records_read"], s["records_written"], s["records_dead_lettered"],
            s[summary_counts.PARTS_JOINED], s["counts_conserved"])),
            equal_to([(3, 3, 0, 1, True)]), label="Counts")


def test_records_cross_the_flatten_packed_smaller_and_come_out_equal_in_order():
    from apache_beam.coders import FastPrimitivesCoder

    from transforms.core.elements import conversation
    from transforms.join_conversations import pack, unpack

    lines = ["Hi, this is Marisol Quintero, my order never came.",
             "Sorry to hear that, Marisol. Can I have the order number?",
             "It's 55-1234, and you can reach me at 415 555 0100 or é@x.org."]
    records = [conversation("in.jsonl", i, {
        "conversation_id": f"conv-{i}", "sentiment_score": -0.25 * i,
        "turns": [{"speaker": "agent" if j % 2 else "customer", "text": f"{text} ({i})"}
                  for j, text in enumerate(lines)]}, ["Marisol Quintero"],
        ["conversation_id"], "jsonl") for i in range(64)]
    packed = pack(records)
    assert isinstance(packed, bytes)
    assert unpack(packed) == records
    assert len(packed) < 0.5 * len(FastPrimitivesCoder().encode(records))


def test_packed_records_of_many_windows_come_out_each_in_its_own_window():
    # more windows in one bundle than BatchElements keeps open (10): some batches are
    # flushed early, and every record must still leave in the window it came in
    from apache_beam.transforms import window

    from transforms.core.elements import conversation
    from transforms.write_windows import AssignWindows

    records = [conversation("in.jsonl", i, {"conversation_id": f"c{i}", "notes": "hi"}, [],
                            ["conversation_id"], "jsonl") for i in range(300)]
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        read = {"records": (p | "Records" >> beam.Create(list(enumerate(records)),
                                                         reshuffle=False)
                            | beam.MapTuple(lambda i, r: window.TimestampedValue(r, i * 7))),
                "dead_letter": p | "NoDeadLetters" >> beam.Create([]),
                "read": p | "NoReads" >> beam.Create([])}
        out = read | AssignWindows(60, 3600) | JoinConversations()
        seen = out["records"] | beam.Map(
            lambda r, w=beam.DoFn.WindowParam, ts=beam.DoFn.TimestampParam:
            (r["position"], int(w.start), w.start <= ts < w.end))
        assert_that(seen, equal_to([(i, i * 7 // 60 * 60, True) for i in range(300)]))
