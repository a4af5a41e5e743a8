"""Subject access and erasure cover everything held about a person: their rows, their
quarantined and dead-lettered records (with the vault identity), the vault value of every
pseudonym in them; after `forget` the summary's counts are still true."""
from __future__ import annotations

import collections
import json
import os
import shutil

import pyarrow.parquet as pq
import pytest

from tests.pipelines.hushbeam_cli import hb, keyed_workdir
from tests.synthetic import make_corpus
from transforms.core.policy import load_policy
from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.datasets import layout
from transforms.datasets.held_counts import row_counts


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """30 conversations; the first customer also has a quarantined record (an account id
    glued to a letter, which the guard catches) and two dead letters (one with a zero-width
    space inside their email); another customer has a dead letter too."""
    work = tmp_path_factory.mktemp("subjects")
    env = keyed_workdir(work)
    corpus = make_corpus(n=30, n_customers=6, seed=21)
    corpus.write_jsonl(work / "in.jsonl")
    jane, other = corpus.customers[0], corpus.customers[1]
    local, domain = jane.email.split("@")
    with open(work / "in.jsonl", "a") as fh:
        fh.write(json.dumps({
            "conversation_id": "q-1", "start_time": "2026-03-01T10:00:00Z", "channel": "chat",
            "customerID": jane.customer_id, "phoneNumber": jane.phone_digits,
            "emailAddress": jane.email, "transcript_text": "my account is ACCT-12345678x",
            "sentiment_score": 0.1}) + "\n")
        fh.write(json.dumps({"channel": "chat", "emailAddress": jane.email}) + "\n")
        fh.write('{"conversation_id": "broken", "notes": "write to ' + local + "\u200b@"
                 + domain + '"\n')
        fh.write(json.dumps({"channel": "voice", "emailAddress": other.email}) + "\n")
    hb("redact", "--input", work / "in.jsonl", "--output", work / "data", "--keyset",
       work / "keyset.json", "--vault-recipient", work / "id.pem.pub", env=env)
    return {"work": work, "env": env, "corpus": corpus, "jane": jane, "other": other}


@pytest.fixture()
def copy(made, tmp_path):
    shutil.copytree(made["work"] / "data", tmp_path / "data")
    shutil.copytree(made["work"] / "data.vault", tmp_path / "data.vault")
    return tmp_path


def _args(made, copy, command, subject):
    args = [command, "--output", copy / "data", "--vault", copy / "data.vault", "--keyset",
            made["work"] / "keyset.json", "--identity", made["work"] / "id.pem", "--subject",
            subject]
    return args + (["--reason", "DSAR 7"] if command == "subject-access" else [])


def _rows(dataset):
    return pq.read_table(dataset).to_pylist()


def test_subject_access_lists_their_quarantined_and_dead_lettered_records_and_vault_values(
        made, copy):
    jane = made["jane"]
    report = json.loads(hb(*_args(made, copy, "subject-access", f"email:{jane.email}"),
                           env=made["env"]).stdout)
    assert [q["reason"] for q in report["quarantined"]] == ["leak:policy_account_id"]
    assert sorted(d["reason"] for d in report["dead_letters"]) == [
        "invalid_json", "missing_conversation_id"]
    assert made["other"].email not in json.dumps(report["dead_letters"])
    # every pseudonym in their rows and records is resolved from the vault
    found = set(PSEUDONYM_RE.findall(json.dumps(report["rows"] + report["quarantined"])))
    assert set(report["vault_tokens"]) | set(report["not_in_vault"]) == found
    assert any(p.startswith("POLICY_ACCOUNT_ID#") for p in report["vault_tokens"])
    assert jane.email in [v["value"] for v in report["vault_tokens"].values()]
    assert report["not_in_vault"] == []  # TOKEN types only in the default policy


def test_subject_access_without_the_identity_lists_rows_only(made, copy):
    jane = made["jane"]
    report = json.loads(hb("subject-access", "--output", copy / "data", "--keyset",
                           made["work"] / "keyset.json", "--subject", f"email:{jane.email}",
                           env=made["env"]).stdout)
    assert report["rows"] and not {"quarantined", "dead_letters", "vault_tokens"} & set(report)


def test_forget_keeps_the_summary_counts_true(made, copy):
    jane, policy = made["jane"], load_policy()
    before = json.loads((copy / "data" / layout.SUMMARY).read_text())
    assert (before["records_quarantined"], before["records_dead_lettered"]) == (1, 3)
    receipt = json.loads(hb(*_args(made, copy, "forget", f"email:{jane.email}"),
                            env=made["env"]).stdout)
    assert (receipt["quarantined_removed"], receipt["dead_letters_removed"]) == (1, 2)
    after = json.loads((copy / "data" / layout.SUMMARY).read_text())
    rows = _rows(copy / "data")
    assert after["records_written"] == len(rows) == before["records_written"] - (
        receipt["rows_removed"])
    assert (after["records_quarantined"], after["quarantine_reasons"]) == (0, {})
    assert (after["records_dead_lettered"], after["dead_letter_reasons"]) == (
        1, {"missing_conversation_id": 1})
    assert after["erased"] == {"rows": receipt["rows_removed"], "quarantined": 1,
                               "dead_lettered": 2}
    assert after["records_read"] == (after["records_written"] + after["records_quarantined"]
                                     + after["records_dead_lettered"]
                                     + after["records_erased"])
    # the entity counts are those the remaining rows show
    held = collections.defaultdict(collections.Counter)
    for row in rows:
        for group, counts in row_counts(row, policy).items():
            held[group].update(counts)
    for group in ("structured", "entities", "entities_by_field", "entities_by_type_field",
                  "languages"):
        assert after["counts"][group] == dict(held[group]), group
    # the report is rendered again: the counts left, no excerpt of the rows before
    assert before["samples"]["excerpts"] and after["samples"]["excerpts"] == []
    assert "q-1" in (made["work"] / "data" / "_report.md").read_text()
    report = (copy / "data" / "_report.md").read_text()
    assert f"erased by forget {after['records_erased']}" in report
    assert "Excerpts withdrawn: forget" in report and "q-1" not in report
    assert after["counts"]["structured"]["EMAIL"] == len(rows)
    # nothing of theirs is left, and the vault still verifies for its dataset
    again = json.loads(hb(*_args(made, copy, "subject-access", f"email:{jane.email}"),
                          env=made["env"]).stdout)
    assert again["rows"] == again["quarantined"] == again["dead_letters"] == []
    assert again["vault_tokens"] == {}


def test_an_email_with_an_invisible_character_is_one_customer_and_forget_finds_it(tmp_path):
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"))
    records = [{"conversation_id": cid, "channel": "chat", "emailAddress": email,
                "transcript_text": "hello, I need help with my bill"}
               for cid, email in (("c-1", "jane.doe@example.com"),
                                  ("c-2", "jane\u200b.doe@exam\u00adple.com"),
                                  ("c-3", "\ufeffJANE.DOE@EXAMPLE.COM"),
                                  ("c-4", "bob@example.com"))]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "data", env=env)
    emails = {r["conversation_id"]: r["emailAddress"] for r in _rows(tmp_path / "data")}
    assert emails["c-1"] == emails["c-2"] == emails["c-3"] != emails["c-4"]
    receipt = json.loads(hb("forget", "--output", tmp_path / "data", "--vault",
                            tmp_path / "data.vault", "--subject", "email:jane.doe@example.com",
                            env=env).stdout)
    assert receipt["rows_removed"] == 3
    assert [r["conversation_id"] for r in _rows(tmp_path / "data")] == ["c-4"]
