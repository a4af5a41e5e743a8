"""`hushbeam vault show` on a run with a quarantined record and a dead letter: audited, each
held record with its id, reason and content; the documented path to fix the policy and
redact the quarantined records again; `audit show` lists the accesses."""
from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from tests.pipelines.hushbeam_cli import hb, keyed_workdir

EMAIL = "jane.doe@example.com"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Three records; q-1 has an email pasted in the passthrough field ``channel`` (never
    scanned, so the guard quarantines it); a broken line is a dead letter."""
    work = tmp_path_factory.mktemp("held")
    env = keyed_workdir(work)
    records = [{"conversation_id": f"q-{i}", "start_time": "2026-03-01T10:00:00Z",
                "channel": "caller1@example.org" if i == 1 else "voice", "emailAddress": EMAIL,
                "transcript_text": f"customer: this is Jane Doe, write to {EMAIL}"}
               for i in range(3)]
    (work / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records)
                                   + '{"conversation_id": "broken\n')
    proc = hb("redact", "--input", work / "in.jsonl", "--output", work / "data", "--keyset",
              work / "keyset.json", "--vault-recipient", work / "id.pem.pub",
              "--max-quarantine-rate", "1", env=env)
    assert "read 4, wrote 2, quarantined 1, dead-lettered 1" in proc.stdout
    return {"work": work, "env": env}


@pytest.fixture()
def copy(made, tmp_path):
    shutil.copytree(made["work"] / "data", tmp_path / "data")
    shutil.copytree(made["work"] / "data.vault", tmp_path / "data.vault")
    return tmp_path


def _show(made, copy, kind, *extra, check=True):
    work = made["work"]
    return hb("vault", "show", "--vault", copy / "data.vault", "--identity", work / "id.pem",
              "--keyset", work / "keyset.json", "--kind", kind, *extra, env=made["env"],
              check=check)


def _rows(dataset):
    return [row for part in sorted(dataset.glob("*.parquet"))
            for row in pq.read_table(part).to_pylist()]


def test_vault_show_prints_each_quarantined_record_with_id_reason_and_content(made, copy):
    out = _show(made, copy, "quarantine", "--reason", "ticket 42").stdout
    assert out.startswith("1 quarantine record(s)")
    assert "[1] q-1  reason leak:email  (stage guard" in out
    assert '"channel": "caller1@example.org"' in out  # the leak, shown to its holder
    assert EMAIL not in out  # the rest as the run left it: pseudonymized
    held = json.loads(_show(made, copy, "dead_letters", "--reason", "t", "--format",
                            "json").stdout)
    assert [(h["stage"], h["reason"], h["position"]) for h in held] == [
        ("read", "invalid_json", 4)]


def test_vault_show_is_audited_before_it_shows_and_audit_show_lists_it(made, copy):
    work = made["work"]
    _show(made, copy, "quarantine", "--reason", "ticket 42", "--actor", "dana")
    _show(made, copy, "tokens", "--reason", "dispute 9", "--actor", "lee")
    listing = hb("audit", "show", "--vault", copy / "data.vault", "--keyset",
                 work / "keyset.json", env=made["env"]).stdout
    lines = listing.splitlines()
    assert "2 entries, chain intact" in lines[0]
    assert lines[1].split()[:3] == ["seq", "time", "(UTC)"]
    assert lines[2].split()[3:] == ["dana", "vault-show:quarantine", "0", "ticket", "42"]
    assert lines[3].split()[3:] == ["lee", "vault-show:tokens", "1", "dispute", "9"]
    entries = json.loads(hb("audit", "show", "--vault", copy / "data.vault", "--keyset",
                            work / "keyset.json", "--format", "json",
                            env=made["env"]).stdout)["entries"]
    assert EMAIL not in json.dumps(entries) and len(entries[1]["pseudonyms"]) == 1
    hb("audit", "verify", "--vault", copy / "data.vault", "--keyset", work / "keyset.json",
       env=made["env"])


def test_vault_show_without_reason_or_with_another_identity_shows_nothing(made, copy, tmp_path):
    proc = _show(made, copy, "quarantine", check=False)
    assert proc.returncode == 2 and "--reason is required" in proc.stderr
    hb("keys", "vault-identity", "--out", tmp_path / "other.pem", env=made["env"])
    proc = hb("vault", "show", "--vault", copy / "data.vault", "--identity",
              tmp_path / "other.pem", "--keyset", made["work"] / "keyset.json", "--kind",
              "quarantine", "--reason", "x", env=made["env"], check=False)
    assert proc.returncode == 2 and "caller1" not in proc.stdout + proc.stderr
    assert not (copy / "data.vault" / "_audit.jsonl").exists() or \
        "vault-show" not in (copy / "data.vault" / "_audit.jsonl").read_text()


def test_quarantined_records_redacted_again_under_a_fixed_policy_keep_their_pseudonyms(
        made, copy):
    work = made["work"]
    held = copy / "held.jsonl"
    held.write_text(_show(made, copy, "quarantine", "--reason", "fix policy",
                          "--format", "jsonl").stdout)
    record = json.loads(held.read_text())
    assert record["emailAddress"] == EMAIL  # the vault's value put back: same pseudonym
    fixed = copy / "fixed.yaml"  # channel scanned as text, no longer passed through
    fixed.write_text("extends: default\nexportSchema:\n"
                     "  passthroughFields: [conversation_id, start_time, sentiment_score]\n")
    hb("policy", "validate", fixed)
    proc = hb("redact", "--input", held, "--policy", fixed, "--output", copy / "fixed",
              "--keyset", work / "keyset.json", "--vault-recipient", work / "id.pem.pub",
              env=made["env"])
    assert "read 1, wrote 1, quarantined 0, dead-lettered 0" in proc.stdout
    (again,), first = _rows(copy / "fixed"), _rows(copy / "data")
    assert again["conversation_id"] == "q-1" and "example.org" not in again["channel"]
    assert again["emailAddress"] == first[0]["emailAddress"]
    assert again["transcript_text"] == first[0]["transcript_text"]


def test_subject_access_takes_the_dataset_as_dataset(made, copy):
    report = json.loads(hb("subject-access", "--dataset", copy / "data", "--keyset",
                           made["work"] / "keyset.json", "--subject", f"email:{EMAIL}",
                           env=made["env"]).stdout)
    assert len(report["rows"]) == 2
