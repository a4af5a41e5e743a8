"""Keys, vault, re-identification, audit, erasure, subject access and rotation, run as a
user runs them: the `hushbeam` command on a dataset it just made."""
from __future__ import annotations

import base64
import glob
import json
import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.pipelines.hushbeam_cli import hb, keyed_workdir
from tests.synthetic import make_corpus


def rows(dataset) -> list:
    out = []
    for path in sorted(glob.glob(os.path.join(dataset, "part-*.parquet"))):
        out.extend(pq.read_table(path).to_pylist())
    return out


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A fresh vault identity and keyset, and 40 synthetic conversations redacted with them."""
    work = tmp_path_factory.mktemp("vault")
    env = keyed_workdir(work, master="master1.key")
    corpus = make_corpus(n=40, n_customers=8, seed=11)
    corpus.write_jsonl(work / "in.jsonl")
    hb("redact", "--input", work / "in.jsonl", "--output", work / "data", "--keyset",
       work / "keyset.json", "--vault-recipient", work / "id.pem.pub", env=env)
    return {"work": work, "env": env, "corpus": corpus}


@pytest.fixture()
def copy(made, tmp_path):
    """A private copy of the dataset and vault, for tests that change them."""
    shutil.copytree(made["work"] / "data", tmp_path / "data")
    shutil.copytree(made["work"] / "data.vault", tmp_path / "data.vault")
    return tmp_path


def test_no_planted_value_is_in_clear_in_any_vault_file(made):
    blob = "\n".join(p.read_text() for p in (made["work"] / "data.vault").rglob("*")
                     if p.is_file()).casefold()
    planted = {v.strip().casefold() for values in made["corpus"].planted.values()
               for v in values}
    assert [v for v in planted if v in blob] == []


def test_reidentify_returns_the_original_value_and_audits_without_values(made, copy):
    row = rows(copy / "data")[0]
    customer = made["corpus"].customers[made["corpus"].customer_of[row["conversation_id"]]]
    proc = hb("reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
              copy / "data.vault", "--identity",
              made["work"] / "id.pem", "--reason", "dispute 7", row["emailAddress"],
              row["phoneNumber"], env=made["env"])
    lines = proc.stdout.splitlines()
    assert lines[0] == f"{row['emailAddress']}\tEMAIL\t{customer.email}"
    assert lines[1] == f"{row['phoneNumber']}\tPHONE\t+1{customer.phone_digits}"
    audit = (copy / "data.vault" / "_audit.jsonl").read_text()
    assert "dispute 7" in audit and row["emailAddress"] in audit
    assert customer.email not in audit and customer.phone_digits not in audit
    assert "1 entries, chain intact" in hb("audit", "verify", "--log",
                                           copy / "data.vault" / "_audit.jsonl", "--keyset",
                                           made["work"] / "keyset.json").stdout


def test_reidentify_refuses_without_reason_and_with_another_identity(made, copy):
    pseudonym = rows(copy / "data")[0]["emailAddress"]
    proc = hb("reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
              copy / "data.vault", "--identity",
              made["work"] / "id.pem", pseudonym, env=made["env"], check=False)
    assert proc.returncode == 2 and "--reason is required" in proc.stderr
    hb("keys", "vault-identity", "--out", copy / "other.pem", env=made["env"])
    proc = hb("reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
              copy / "data.vault", "--identity", copy / "other.pem",
              "--reason", "x", pseudonym, env=made["env"], check=False)
    assert proc.returncode == 2 and "sealed to another identity" in proc.stderr
    assert not (copy / "data.vault" / "_audit.jsonl").exists()


def _flip_a_ciphertext_byte(path: Path) -> None:
    lines = path.read_text().splitlines()
    envelope = json.loads(lines[0])
    ct = bytearray(base64.b64decode(envelope["ct"]))
    ct[5] ^= 0x01
    envelope["ct"] = base64.b64encode(bytes(ct)).decode()
    lines[0] = json.dumps(envelope, sort_keys=True)
    path.write_text("\n".join(lines) + "\n")


def test_tampered_truncated_or_foreign_vault_is_refused(made, copy):
    pseudonym = rows(copy / "data")[0]["emailAddress"]
    tokens = next((copy / "data.vault" / "tokens").glob("*.sealed.jsonl"))
    args = ["reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
            copy / "data.vault", "--identity", made["work"] / "id.pem", "--reason", "x",
            pseudonym]
    original = tokens.read_text()
    _flip_a_ciphertext_byte(tokens)
    proc = hb(*args, env=made["env"], check=False)
    assert proc.returncode == 2 and "altered or truncated" in proc.stderr
    tokens.write_text("\n".join(original.splitlines()[:-1]) + "\n")  # one line dropped
    proc = hb(*args, env=made["env"], check=False)
    assert proc.returncode == 2 and "altered or truncated" in proc.stderr
    tokens.write_text(original)
    hb(*args, env=made["env"])  # restored: opens again
    # the vault of another run, next to this dataset
    other = copy / "other"
    hb("redact", "--input", REPO / "samples" / "*.json*", "--output", other, "--keyset",
       made["work"] / "keyset.json", "--vault-recipient", made["work"] / "id.pem.pub",
       env=made["env"])
    proc = hb("subject-access", "--output", copy / "data", "--vault", other.with_name(
        "other.vault"), "--identity", made["work"] / "id.pem", "--reason", "x",
        "--keyset", made["work"] / "keyset.json", "--subject", "email:x@example.com",
        env=made["env"], check=False)
    assert proc.returncode == 2 and "belongs to run" in proc.stderr


def test_audit_verify_detects_an_edited_entry(made, copy):
    pseudonym = rows(copy / "data")[0]["emailAddress"]
    for reason in ("first", "second"):
        hb("reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
           copy / "data.vault", "--identity", made["work"] / "id.pem", "--reason", reason,
           pseudonym, env=made["env"])
    log = copy / "data.vault" / "_audit.jsonl"
    log.write_text(log.read_text().replace('"first"', '"routine"'))
    proc = hb("audit", "verify", "--log", log, "--keyset", made["work"] / "keyset.json",
              check=False)
    assert proc.returncode == 2 and "line 1 was edited" in proc.stderr


def test_forget_erases_one_customer_and_leaves_everyone_else(made, copy):
    corpus = made["corpus"]
    before = rows(copy / "data")
    victim = corpus.customers[corpus.customer_of[before[0]["conversation_id"]]]
    theirs = {r["conversation_id"] for r in before
              if corpus.customers[corpus.customer_of[r["conversation_id"]]] is victim}
    proc = hb("forget", "--output", copy / "data", "--vault", copy / "data.vault",
              "--keyset", made["work"] / "keyset.json", "--identity", made["work"] / "id.pem",
              "--subject", f"email:{victim.email.upper()}", env=made["env"])
    receipt = json.loads(proc.stdout)
    after = rows(copy / "data")
    assert receipt["rows_removed"] == len(theirs) > 0
    assert {r["conversation_id"] for r in after} == {r["conversation_id"] for r in before} - theirs
    assert [r for r in before if r["conversation_id"] not in theirs] == after  # untouched
    receipt_file = next((copy / "data" / "_erasures").glob("*.json")).read_text()
    assert victim.email not in receipt_file and victim.name not in receipt_file
    # their vault rows are gone: re-identification finds nothing
    proc = hb("reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
              copy / "data.vault", "--identity",
              made["work"] / "id.pem", "--reason", "check", before[0]["emailAddress"],
              env=made["env"], check=False)
    assert proc.returncode == 1 and "not in the vault" in proc.stdout
    again = json.loads(hb("forget", "--output", copy / "data", "--vault", copy / "data.vault",
                          "--keyset", made["work"] / "keyset.json", "--subject",
                          f"email:{victim.email}", env=made["env"]).stdout)
    assert again["rows_removed"] == 0 and again["vault_tokens_removed"] == 0
    summary = json.loads((copy / "data" / "_summary.json").read_text())
    assert summary["records_erased"] == len(theirs)
    assert summary["records_written"] == len(after)


def test_subject_access_lists_rows_and_vault_values(made, copy):
    corpus = made["corpus"]
    customer = corpus.customers[corpus.customer_of[rows(copy / "data")[0]["conversation_id"]]]
    proc = hb("subject-access", "--output", copy / "data", "--vault", copy / "data.vault",
              "--identity", made["work"] / "id.pem", "--reason", "DSAR 12", "--keyset",
              made["work"] / "keyset.json", "--subject",
              f"phone:({customer.phone_digits[:3]}) {customer.phone_digits[3:6]}-"
              f"{customer.phone_digits[6:]}", env=made["env"])
    report = json.loads(proc.stdout)
    expected = sum(1 for cid, i in corpus.customer_of.items()
                   if corpus.customers[i] is customer)
    assert len(report["rows"]) == expected
    assert customer.email in [v["value"] for v in report["vault_tokens"].values()]


def test_wrong_or_missing_keys_are_clear_errors(made, copy):
    env = made["env"]
    hb("keys", "create", "--kms", f"local://{copy / 'm.key'}", "--out", copy / "k2.json",
       env=env)
    cases = [
        (["forget", "--output", copy / "data", "--vault", copy / "data.vault", "--keyset",
          copy / "k2.json", "--subject", "email:a@b.c"], "was pseudonymized with key"),
        (["forget", "--output", copy / "data", "--vault", copy / "data.vault", "--keyset",
          copy / "missing.json", "--subject", "email:a@b.c"], "does not exist"),
        (["keys", "create", "--kms", "vault://x", "--out", copy / "k3.json"],
         "unknown KMS URI scheme"),
    ]
    for args, message in cases:
        proc = hb(*args, env=env, check=False)
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    assert rows(copy / "data") == rows(made["work"] / "data")  # nothing half-done


def test_master_key_rotation_changes_no_pseudonym(made, tmp_path):
    env = made["env"]
    shutil.copy(made["work"] / "keyset.json", tmp_path / "keyset.json")
    hb("keys", "rewrap", "--keyset", tmp_path / "keyset.json", "--kms",
       f"local://{tmp_path / 'master2.key'}", env=env)
    assert json.loads((tmp_path / "keyset.json").read_text())["kms_uri"].endswith("master2.key")
    hb("redact", "--input", made["work"] / "in.jsonl", "--output", tmp_path / "again",
       "--keyset", tmp_path / "keyset.json", "--vault-recipient",
       made["work"] / "id.pem.pub", env=env)
    key = lambda r: r["conversation_id"]
    old = sorted(rows(made["work"] / "data"), key=key)
    new = sorted(rows(tmp_path / "again"), key=key)
    assert [(r["emailAddress"], r["phoneNumber"], r["customerID"]) for r in old] == \
        [(r["emailAddress"], r["phoneNumber"], r["customerID"]) for r in new]


def test_rekey_maps_every_pseudonym_to_the_new_key(made, copy):
    env = made["env"]
    hb("keys", "create", "--kms", f"local://{copy / 'm2.key'}", "--out", copy / "k2.json",
       "--version", "2", env=env)
    proc = hb("rekey", "--keyset", made["work"] / "keyset.json", "--dataset", copy / "data",
              "--vault", copy / "data.vault",
              "--identity", made["work"] / "id.pem", "--new-keyset", copy / "k2.json",
              "--output", copy / "rekeyed", env=env)
    assert "0 without a vault row replaced" in proc.stdout
    old, new = rows(copy / "data"), rows(copy / "rekeyed")
    assert [r["conversation_id"] for r in old] == [r["conversation_id"] for r in new]
    assert all("#k1:" not in json.dumps(r) for r in new)
    report = (copy / "rekeyed" / "_report.md").read_text()  # no excerpt under the old key
    assert "Excerpts withdrawn: rekey" in report and "#k1:" not in report
    assert "#k1:" in (copy / "data" / "_report.md").read_text()
    out = hb("reidentify", "--keyset", copy / "k2.json", "--vault", copy / "rekeyed.vault",
             "--identity", made["work"] / "id.pem", "--reason", "rotation check",
             new[0]["emailAddress"], env=env).stdout
    back = hb("reidentify", "--keyset", made["work"] / "keyset.json", "--vault",
              copy / "data.vault", "--identity",
              made["work"] / "id.pem", "--reason", "rotation check", old[0]["emailAddress"],
              env=env).stdout
    assert out.split("\t")[1:] == back.split("\t")[1:]
    assert new[0]["emailAddress"].startswith("EMAIL#k2:")
