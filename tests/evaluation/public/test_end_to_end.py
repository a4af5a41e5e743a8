"""A handful of labelled sentences through the real pipeline and Presidio as shipped."""
import pytest

from tests.evaluation.public.evaluate import build_records, run_hushbeam, tally
from tests.evaluation.public.presidio_shipped import PresidioShipped

SENTENCES = [
    [("Yesterday", "O"), ("John", "B-person"), ("Smith", "I-person"), ("called", "O"),
     ("about", "O"), ("the", "O"), ("invoice", "O"), (".", "O")],
    [("Please", "O"), ("ask", "O"), ("Maria", "B-person"), ("Garcia", "I-person"),
     ("to", "O"), ("send", "O"), ("the", "O"), ("refund", "O"), ("form", "O"), (".", "O")],
    [("The", "O"), ("weather", "O"), ("was", "O"), ("nice", "O"), ("today", "O"), (".", "O")],
]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpora")
    (root / "wnut17").mkdir()
    block = "\n\n".join("\n".join(f"{w}\t{t}" for w, t in s) for s in SENTENCES) + "\n"
    for name in ("wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"):
        (root / "wnut17" / name).write_text(block)
    return root


def test_public_sentences_run_through_the_pipeline_and_are_scored(corpora, tmp_path):
    records, skipped = build_records(corpora, ["wnut17", "slurp"], ["heldout"],
                                     ["written", "speech"], None)
    assert skipped and skipped[0].startswith("slurp: skipped")
    assert [r.variant for r in records] == ["written", "speech"]
    outputs, summary = run_hushbeam(records, tmp_path)
    assert summary["records_read"] == 2 == summary["records_written"]
    written = tally(records, outputs)["wnut17/heldout/written"].figures()
    assert written["types"]["PERSON"]["entities"] == 2
    assert written["types"]["PERSON"]["left"] == 0.0  # two plain, capitalised full names
    assert written["ordinary_kept"] >= 0.9 and written["records_written"] == 1.0
    assert "John" not in outputs[records[0].id]


def test_presidio_as_shipped_runs_the_policys_model_and_is_scored_on_the_same_records(
        corpora):
    records, _ = build_records(corpora, ["wnut17"], ["heldout"], ["written"], None)
    presidio = PresidioShipped()
    assert presidio.analyzer.nlp_engine.nlp["en"].meta["name"] == "core_web_md"  # the policy's
    shipped = presidio.outputs((r.id, r.text) for r in records)
    figures = tally(records, shipped)["wnut17/heldout/written"].figures()
    assert figures["types"]["PERSON"]["entities"] == 2
    assert "<PERSON>" in shipped[records[0].id]


def test_a_speech_style_corpus_is_scored_once_as_it_is(tmp_path):
    (tmp_path / "slurp").mkdir()
    line = ('{"tokens": [{"surface": "call", "id": 0}, {"surface": "j.", "id": 1}], '
            '"entities": []}\n')
    for name in ("devel.jsonl", "test.jsonl"):
        (tmp_path / "slurp" / name).write_text(line)
    records, _ = build_records(tmp_path, ["slurp"], ["heldout"], ["written", "speech"], None)
    assert [(r.variant, r.text) for r in records] == [("speech", "call j.")]
