"""Session 23's break attempts that found defects, as the user and the attacker meet them:
the ``hushbeam`` command in a subprocess. Each test failed before its mend."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.pipelines.test_typos import hb, refused  # the CLI as a user runs it

SAMPLES = REPO / "samples" / "conversations.jsonl"


@pytest.fixture()
def dev_home(tmp_path):
    """A development keyring as the first run leaves it (no run needed: the same files)."""
    home = tmp_path / "home"
    proc = hb("keys", "vault-identity", "--out", home / "dev-vault-identity.pem",
              "--recipient-out", home / "dev-vault-recipient.pem", home=home)
    assert proc.returncode == 0, proc.stderr
    return home


# --- the development keyring ----------------------------------------------------------

def test_a_dev_recipient_swapped_for_another_key_is_refused_before_anything_is_sealed(
        dev_home, tmp_path):
    """Whoever can write $HUSHBEAM_HOME must not get the next vault sealed to their key."""
    attacker = tmp_path / "attacker.pem"
    assert hb("keys", "vault-identity", "--out", attacker, home=dev_home).returncode == 0
    (dev_home / "dev-vault-recipient.pem").write_bytes(Path(f"{attacker}.pub").read_bytes())
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "out", home=dev_home)
    refused(proc, "dev-vault-recipient.pem", "is not the public key of")
    assert not (tmp_path / "out.vault" / "tokens").exists()


def test_a_deleted_dev_recipient_is_made_again_from_the_dev_identity(dev_home, tmp_path):
    recipient = dev_home / "dev-vault-recipient.pem"
    before = recipient.read_bytes()
    recipient.unlink()
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "out", home=dev_home)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert recipient.read_bytes() == before
    assert (tmp_path / "out.vault" / "_recipient.pem").read_bytes() == before


def test_a_dev_recipient_without_its_identity_is_refused(dev_home, tmp_path):
    """Sealing to a key the keyring cannot open loses the vault without a word."""
    (dev_home / "dev-vault-identity.pem").unlink()
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "out", home=dev_home)
    refused(proc, "dev-vault-identity.pem", "does not exist")


# --- input and output locations -------------------------------------------------------

def test_an_input_glob_that_reaches_the_output_or_its_vault_is_refused(tmp_path):
    """An earlier run's dataset and vault must not be read back as exports."""
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.jsonl").write_bytes(SAMPLES.read_bytes())
    home = tmp_path / "home"
    first = hb("redact", "--input", exports / "*", "--output", exports / "anon", home=home)
    assert first.returncode == 0, first.stderr[-2000:]
    proc = hb("redact", "--input", exports / "**", "--output", exports / "anon",
              "--overwrite", home=home)
    refused(proc, "--input", "inside --output")


def test_an_input_that_is_a_directory_is_refused_with_the_glob_to_use(tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.jsonl").write_bytes(SAMPLES.read_bytes())
    proc = hb("redact", "--input", exports, "--output", tmp_path / "anon", home=tmp_path / "h")
    refused(proc, "is a directory", f"'{exports}/*'")
    assert not (tmp_path / "anon" / "_summary.json").exists()


# --- a CSV column mapping ---------------------------------------------------------------

def test_a_csv_column_mapping_misspelt_against_the_files_header_is_refused(tmp_path):
    """`Transcrpt: transcript_text` for a `Transcript` column dropped every transcript
    (exit 0, an empty column). The error names the policy's key, never a header cell."""
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.csv").write_text(
        "Contact ID,Transcript,Customer Phone\n"
        'c1,"hi this is John Smith, call me",415 555 2671\n')
    policy = tmp_path / "p.yaml"
    policy.write_text("extends: default\ncsvColumns:\n  Contact ID: conversation_id\n"
                      "  Transcrpt: transcript_text\n  Customer Phone: phoneNumber\n")
    proc = hb("redact", "--input", exports / "*.csv", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h")
    refused(proc, "csvColumns.Transcrpt", "a.csv")
    assert not (tmp_path / "anon" / "_summary.json").exists()
    policy.write_text(policy.read_text().replace("Transcrpt", "Transcript"))
    proc = hb("redact", "--input", exports / "*.csv", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h")
    assert proc.returncode == 0, proc.stderr[-2000:]
