"""Nothing runs on a typo: misspelt flags, commands, subject types and policy names stop
the command with exit code 2 and the nearest valid name, before anything is read or
written; a run that quarantines too much fails with exit code 3 after committing the safe
rows. Run as a user runs them: the ``hushbeam`` command in a subprocess."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.options import unknown_flags
from pipelines.redact import QuarantineRateExceeded, check_quarantine_rate
from tests.conftest import REPO

HUSHBEAM = str(Path(sys.executable).with_name("hushbeam"))
SAMPLES = str(REPO / "samples" / "conversations.jsonl")


def hb(*args, home: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, HUSHBEAM_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run([HUSHBEAM, *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=timeout)


def refused(proc: subprocess.CompletedProcess, *expected: str) -> None:
    assert proc.returncode == 2, proc.stderr[-2000:]
    for text in expected:
        assert text in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def tree(*roots: Path) -> dict:
    """Every file under the roots and the hash of its bytes."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for root in roots for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def quarantined(tmp_path_factory):
    """A run where the guard holds back 4 of 5 records (an email pasted in the
    passthrough field ``channel`` is never scanned, so the guard finds it)."""
    work = tmp_path_factory.mktemp("quarantine")
    records = [{"conversation_id": f"c{i}", "start_time": "2026-03-01T10:00:00Z",
                "channel": f"caller{i}@example.com" if i < 4 else "voice",
                "transcript_text": "agent: hello, how can I help\ncustomer: my order is late"}
               for i in range(5)]
    (work / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    proc = hb("redact", "--input", work / "in.jsonl", "--output", work / "out",
              home=work / "home", timeout=600)
    return work, proc


# --- redact: hushbeam's and Beam's flags ---------------------------------------------

def test_a_misspelt_policy_flag_stops_redact_before_any_data_is_read(tmp_path):
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "o", "--polcy", "my.yaml",
              home=tmp_path / "home")
    refused(proc, "unknown flag --polcy (did you mean --policy?)")
    assert not (tmp_path / "o").exists() and not (tmp_path / "o.vault").exists()


def test_a_misspelt_streaming_flag_stops_the_watcher_before_it_starts(tmp_path):
    (tmp_path / "landing").mkdir()
    proc = hb("redact", "--streaming", "--input", tmp_path / "landing", "--output",
              tmp_path / "o", "--stop-when-idel", "5", home=tmp_path / "home", timeout=120)
    refused(proc, "unknown flag --stop-when-idel (did you mean --stop-when-idle?)")
    assert not (tmp_path / "o").exists()


def test_flag_equals_value_and_underscore_spellings_are_checked_too(tmp_path):
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "o",
              f"--vault_ouput={tmp_path / 'v'}", "--nlp_bach_size=8", home=tmp_path / "home")
    refused(proc, "unknown flag --vault_ouput (did you mean --vault_output?)",
            "unknown flag --nlp_bach_size (did you mean --nlp_batch_size?)")
    assert str(tmp_path / "v") not in proc.stderr  # the value is not repeated


def test_a_misspelt_beam_flag_names_the_beam_flag(tmp_path):
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "o", "--direct_num_worker",
              "2", home=tmp_path / "home")
    refused(proc, "unknown flag --direct_num_worker (did you mean --direct_num_workers?)")


def test_an_unquoted_glob_expanded_by_the_shell_is_refused(tmp_path):
    exports = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for path in exports:
        path.write_text(Path(SAMPLES).read_text())
    proc = hb("redact", "--input", *exports, "--output", tmp_path / "o", home=tmp_path / "home")
    refused(proc, "an argument that no flag takes (an unquoted glob")
    assert str(exports[1]) not in proc.stderr


def test_beams_own_flags_and_every_redact_flag_are_known():
    assert unknown_flags([
        "--runner", "DirectRunner", "--direct_num_workers", "2", "--direct_running_mode",
        "multi_threading", "--temp_location", "/tmp/t", "--streaming", "--project", "p",
        "--region", "europe-west1", "--job_endpoint", "embed", "--environment_type",
        "LOOPBACK", "--prism_location", "/x", "--experiments=a", "--save_main_session",
        "--input", "x", "--output=y", "--policy", "p.yaml", "--vault-output", "v",
        "--vault_output", "v", "--stop-when-idle", "5", "--stop_after_seconds", "3",
        "--max-quarantine-rate", "0.1", "--kafka-topic", "t", "--input-format", "auto"]) == ""


# --- the other commands --------------------------------------------------------------

@pytest.mark.parametrize("args,expected", [
    (["forget", "--outpt", "o", "--vault", "v", "--subject", "email:a@example.com"],
     "unknown flag --outpt (did you mean --dataset?)"),
    (["subject-access", "--output", "o", "--subject", "email:a@example.com", "--polcy", "p"],
     "unknown flag --polcy (did you mean --policy?)"),
    (["reidentify", "--vault", "v", "--identity", "i", "--reasn", "audit", "EMAIL#k1:x"],
     "unknown flag --reasn (did you mean --reason?)"),
    (["keys", "create", "--kms", "local:///tmp/k", "--ot", "k.json"],
     "unknown flag --ot (did you mean --out?)"),
    (["rekey", "--dataset", "d", "--vault", "v", "--identity", "i", "--new-keyest", "k",
      "--output", "o"], "unknown flag --new-keyest (did you mean --new-keyset?)"),
    (["audit", "verify", "--lg", "audit.jsonl"], "unknown flag --lg (did you mean --log?)"),
    (["forget", "--output", "o", "--vault", "v", "--subj", "email:a@example.com"],
     "unknown flag --subj (did you mean --subject?)"),  # no abbreviations
])
def test_a_misspelt_flag_of_another_command_names_the_flag_it_meant(tmp_path, args,
                                                                    expected):
    proc = hb(*args, home=tmp_path / "home")
    refused(proc, expected)
    assert "a@example.com" not in proc.stderr


@pytest.mark.parametrize("args,expected", [
    (["subject-acess", "--output", "o"], "did you mean 'subject-access'?"),
    (["keys", "creat", "--kms", "x"], "did you mean 'create'?"),
    (["redcat", "--input", "x"], "did you mean 'redact'?"),
])
def test_a_misspelt_command_names_the_command_it_meant(tmp_path, args, expected):
    refused(hb(*args, home=tmp_path / "home"), expected)


# --- subject types ---------------------------------------------------------------------

def test_a_misspelt_subject_type_erases_nothing_and_answers_nothing(quarantined):
    work, _ = quarantined
    before = tree(work / "out", work / "out.vault")
    for command in ("forget", "subject-access"):
        args = [command, "--output", work / "out", "--vault", work / "out.vault",
                "--subject", "email:caller4@example.com", "--subject", "mail:jane@example.com"]
        proc = hb(*args, home=work / "home")
        refused(proc, "--subject #2: unknown subject type (did you mean 'email'?)",
                "email, order_id, phone")
        assert "jane" not in proc.stderr and proc.stdout == ""
    assert tree(work / "out", work / "out.vault") == before


def test_a_subject_type_the_policy_does_not_pseudonymize_is_refused(tmp_path):
    proc = hb("subject-access", "--output", tmp_path / "o", "--subject", "person:Jane Doe",
              home=tmp_path / "home")
    refused(proc, "--subject #1: unknown subject type; the policy rules/default_policy.yaml "
            "gives pseudonyms to: ")
    assert "Jane" not in proc.stderr


# --- policies ----------------------------------------------------------------------------

def test_a_one_line_policy_without_extends_is_refused_before_any_data_is_read(tmp_path):
    policy = tmp_path / "my.yaml"
    policy.write_text("entities:\n  PERSON: {operator: REDACT}\n")
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "o", "--policy", policy,
              home=tmp_path / "home")
    refused(proc, f"policy {policy}: extends: is not set and the policy omits ",
            "add 'extends: default'")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("body,expected", [
    ("entities:\n  PASSPORT_NUMBR: REPLACE\n",
     "entities.PASSPORT_NUMBR: 'PASSPORT_NUMBR' is not an entity type"),
    ("exportSchema:\n  fields: [conversation_id, transcript_txt]\n",
     "exportSchema.fields[1]: 'transcript_txt' is not a field of the canonical record "
     "(did you mean 'transcript_text'?)"),
    ("exportSchema:\n  textFeilds: [notes]\n",
     "exportSchema.textFeilds: is not a known key; did you mean 'textFields'?"),
])
def test_a_misspelt_name_in_a_policy_stops_redact_naming_file_key_and_nearest(tmp_path, body,
                                                                               expected):
    policy = tmp_path / "my.yaml"
    policy.write_text("extends: default\n" + body)
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "o", "--policy", policy,
              home=tmp_path / "home")
    refused(proc, f"policy {policy}: {expected}")
    assert not (tmp_path / "o").exists()


# --- the quarantine rate -------------------------------------------------------------------

def test_too_many_quarantined_records_fail_the_command_and_keep_the_safe_rows(quarantined):
    work, proc = quarantined
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert ("4 of 5 records (80%) were quarantined by the leak guard, above "
            "--max-quarantine-rate 0.05") in proc.stderr
    assert "read 5, wrote 1, quarantined 4, dead-lettered 0" in proc.stdout
    assert "@example.com" not in proc.stderr + proc.stdout
    summary = json.loads((work / "out" / "_summary.json").read_text())
    assert summary["counts_conserved"] and summary["quarantine_reasons"] == {"leak:email": 4}
    rows = [r for p in sorted((work / "out").glob("part-*.parquet"))
            for r in pq.read_table(p).to_pylist()]
    assert [r["conversation_id"] for r in rows] == ["c4"]


@pytest.mark.parametrize("written,quarantined,max_rate,fails", [
    (19, 1, 0.05, False),  # exactly the threshold passes
    (18, 2, 0.05, True),
    (0, 5, 1.0, False),  # 1 turns the check off
    (0, 0, 0.0, False),  # nothing reached the guard
    (10, 1, 0.0, True),
])
def test_the_quarantine_rate_is_of_the_records_that_reached_the_guard(written, quarantined,
                                                                     max_rate, fails):
    summary = {"records_written": written, "records_quarantined": quarantined,
               "records_dead_lettered": 100}
    if fails:
        with pytest.raises(QuarantineRateExceeded):
            check_quarantine_rate(summary, max_rate)
    else:
        check_quarantine_rate(summary, max_rate)


def test_a_quarantine_rate_outside_0_and_1_is_a_usage_error(tmp_path):
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "o",
              "--max-quarantine-rate", "5", home=tmp_path / "home")
    refused(proc, "--max-quarantine-rate must be between 0 and 1")
