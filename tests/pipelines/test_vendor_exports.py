"""A folder of contact-center exports as a new user has it, redacted with
``hushbeam redact --input 'exports/*'`` and nothing else: the synthetic vendor samples, and,
where ``../shared`` holds them, copies of the vendors' own examples with names, numbers,
emails and ids planted where the vendors put them. Nothing planted may reach the dataset,
the summary or the logs; one customer keeps one pseudonym across formats."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from transforms.core.pseudonym import PSEUDONYM_RE

EXAMPLES = REPO.parent / "shared" / "vendor-examples"
SAMPLES = REPO / "samples" / "vendors"
needs_examples = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no ../shared")

# Planted in samples/vendors (synthetic): names, numbers, emails, ids, hosts, dates of birth
SAMPLE_PLANTS = [
    "Marisol", "Quintero", "Achterberg", "Tobias", "Wren", "Priya", "Raman", "Ines",
    "Okafor", "4155553190", "6175550142", "8005550100", "tobias.wren@example.org",
    "support@example.com", "111122223333", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
    "5f1d2c3b-0a9e-4c7d-8b6a-1f2e3d4c5b6a", "e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b",
    "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
    "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a",
    "d0e1f2a3-b4c5-4d6e-9f7a-8b9c0d1e2f3a", "a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d",
    "c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f", "amazon-connect-111122223333",
    "genesys-sta-bucket", "10.20.30.40", "198.51.100.7", "billing.wav", "March 3rd, 1984",
    "14 July 1979", "June 5, 1990"]
# Planted into copies of the vendors' examples: file -> [(the example's text, planted)]
EXAMPLE_PLANTS = {
    "amazon_connect/contact_lens_chat_original.json": [
        ("John", "Zebulon"), ("Doe", "Farquharson"), ("Jane", "Philippa"),
        ("123456789012", "210987654321"), ("path to the json file in s3",
                                           "s3://planted-connect-bucket-5309/chat.json"),
        ("debit care are 9008", "number is 617-555-0142, mail zeb.farquharson@example.net")],
    "amazon_connect/contact_lens_voice_original.json": [
        ("Peter", "Bartholomew"), ("your AWS account ID", "135792468024")],
    "amazon_connect/contact_lens_voice_redacted.json": [
        ("your AWS account ID", "246813579135")],
    "amazon_connect/contact_lens_voice_real_scv_fixture.json": [],
    "amazon_transcribe/tca_post_call_redacted_example-call.json": [
        ("example-call.wav", "call-6175550142-quist.wav"),
        ("confirmation is [PII]", "confirmation is bart.quist@example.net")],
    "amazon_transcribe/pca_parsed_output_from_tca_job.json": [],
    "genesys/analytics_conversation_detail_chat_1.json": [
        ("John Doe", "Evangeline Thistlewood")],
    "genesys/analytics_conversation_detail_chat_2.json": [
        ("Jane Doe", "Philippa Quarrington")],
    "genesys/analytics_conversation_details_query_result_2016.json": [
        ("+13175202754", "+16175550142"), ("Chris Customer", "Chris Vandersloot")],
}
# Values of the examples themselves that must not come out either (ids, hosts, numbers)
EXAMPLE_VALUES = [
    "b49644f6-672f-445c-b209-f76b36482830", "f23fc323-3d6d-48aa-95dc-EXAMPLE012",
    "e9b36a6d-12aa-4c21-9745-1881648ecfc8", "670991668472", "00DRM000000LYFc",
    "7c77422d-f9ba-4111-ad48-b2f5dadf854a", "5f046746-5931-45cc-a614-43b75eca2a5f",
    "contactlenscenter", "145109938727", "August 19, 2020",
    "1bc96a39-6725-40c4-9345-db72aa67b8c6", "50fcd33c-f432-4726-abc9-979f3ca01555",
    "8d4f84b1-3edb-4d4e-9665-4ae6a0af6147", "81399999998", "81359891323", "ipadphone",
    "172.18.182.10", "38a1195b0f6285bfe8086ffd6e0be2e1", "13172222222", "15023652427"]
MYSTERY = {"export": {"rows": [{"caller": "Gwendolyn Pemberton", "number": "+16175550188"}]}}


def _planted_copy(src: Path, dst: Path, plants) -> None:
    text = src.read_bytes().decode("utf-8")
    for old, new in plants:
        assert old in text, (src.name, old)
        text = text.replace(old, new)
    dst.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    work = tmp_path_factory.mktemp("vendors")
    exports = work / "exports"
    exports.mkdir()
    for path in SAMPLES.iterdir():
        shutil.copy(path, exports / path.name)
    if EXAMPLES.is_dir():
        for name, plants in EXAMPLE_PLANTS.items():
            _planted_copy(EXAMPLES / name, exports / name.replace("/", "__"), plants)
    (exports / "mystery.json").write_text(json.dumps(MYSTERY, indent=2))
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"), PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.redact", "--input", str(exports / "*"),
         "--output", str(work / "anon"), "--log-level", "DEBUG"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = []
    for path in sorted((work / "anon").glob("part-*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    summary_text = (work / "anon" / "_summary.json").read_text()
    return {"proc": proc, "rows": rows, "summary": json.loads(summary_text),
            "outputs": [json.dumps(rows, ensure_ascii=False), summary_text,
                        proc.stdout, proc.stderr]}


def _leaked(outputs, values):
    """Planted values found in the outputs: as words (any case), and numbers in any
    formatting."""
    texts = [t.casefold() for t in outputs]
    bare = [re.sub(r"[\s().+\-]", "", t) for t in texts]
    return [v for v in values
            if any(re.search(r"(?<!\w)" + re.escape(v.casefold()) + r"(?!\w)", t)
                   for t in texts)
            or (v.isdigit() and any(v in b for b in bare))]


def test_every_file_is_read_as_its_format_and_counts_are_conserved(run):
    summary = run["summary"]
    assert summary["counts_conserved"] and summary["records_read"] == (
        summary["records_written"] + summary["records_quarantined"]
        + summary["records_dead_lettered"])
    formats = summary["counts"]["input_formats"]
    assert {"contact-lens", "connect-chat-transcript", "transcribe-call-analytics",
            "genesys-cloud", "csv-tsv"} <= set(formats)
    assert summary["dead_letter_reasons"].get("unknown_format", 0) >= 1
    assert "(1 connect-chat-transcript" in run["proc"].stdout


def test_a_file_of_an_unknown_shape_is_named_in_a_warning_without_its_content(run):
    stderr = run["proc"].stderr
    assert re.search(r"WARNING .*mystery\.json: no record read, only dead letters "
                     r"\(unknown_format\)", stderr)
    assert _leaked(run["outputs"], ["Gwendolyn", "Pemberton", "6175550188"]) == []


def test_nothing_planted_in_the_synthetic_samples_reaches_dataset_summary_or_logs(run):
    assert _leaked(run["outputs"], SAMPLE_PLANTS) == []


@needs_examples
def test_nothing_planted_in_the_vendors_examples_reaches_dataset_summary_or_logs(run):
    planted = [new for plants in EXAMPLE_PLANTS.values() for _, new in plants
               if not new.startswith("+")] + ["6175550142"]
    assert _leaked(run["outputs"], planted + EXAMPLE_VALUES) == []


def _row_with(rows, text):
    return next(r for r in rows if text in json.dumps(r["turns"] or r["notes"]))


def test_one_customer_keeps_one_pseudonym_across_genesys_contact_lens_connect_and_csv(run):
    rows = run["rows"]
    genesys_voice = next(r for r in rows if r["customerID"])  # its ani is the customer's
    phone = genesys_voice["phoneNumber"]
    assert PSEUDONYM_RE.fullmatch(phone) and phone in genesys_voice["notes"]
    assert phone in json.dumps(_row_with(rows, "confirm the phone number")["turns"])
    assert any(r["phoneNumber"] == phone for r in rows if r["conversation_id"] == "csv-0001")
    genesys_email = next(r for r in rows if r["channel"] == "email" and r["analytics"])
    email = genesys_email["emailAddress"]
    assert PSEUDONYM_RE.fullmatch(email)
    assert email in json.dumps(_row_with(rows, "wrong inbox")["turns"])


@needs_examples
def test_a_phone_in_genesys_callback_numbers_and_in_a_contact_lens_chat_is_one_pseudonym(run):
    rows = run["rows"]
    chat = _row_with(rows, "Hello, thanks for reaching Example Corp.")
    phones = {r["phoneNumber"] for r in rows if r["channel"] == "callback"}
    assert [p for p in phones if p and p in json.dumps(chat["turns"])]


def test_a_genesys_transcript_shares_its_conversation_pseudonym_with_its_detail_record(run):
    rows = run["rows"]
    detail = next(r for r in rows if r["customerID"])
    transcript = _row_with(rows, "Could you call me back after five?")
    assert detail["conversation_id"] == transcript["conversation_id"]
    assert PSEUDONYM_RE.fullmatch(detail["conversation_id"])


def test_turns_keep_roles_and_integer_offsets_and_vendor_masks_are_kept_and_counted(run):
    rows = run["rows"]
    turns = _row_with(rows, "Northwind billing")["turns"]
    assert [(t["role"], t["begin_ms"]) for t in turns][:2] == [("agent", 0),
                                                               ("customer", 2900)]
    assert "[PII]" in turns[1]["text"]
    assert "<DATE_OF_BIRTH>" in turns[3]["text"]
    assert run["summary"]["counts"]["vendor_masked"]["PII"] >= 3


def test_vendor_analytics_keep_their_numbers(run):
    rows = run["rows"]
    analytics = json.loads(_row_with(rows, "Northwind billing")["analytics"])
    assert analytics["talk_time_ms"] == {"agent": 10300, "customer": 10100, "total": 20400}
    assert analytics["categories"] == ["refund"]
