"""The audit log as evidence, tried as an attacker (write access, no key) and as a careless
user would: the `hushbeam` command on a vault it just made.

The attacker knows the algorithm and recomputes every MAC of the chain and the head with a
key of their own choosing (the strongest they can do without the data key).
"""
from __future__ import annotations

import base64
import glob
import json
import secrets
import shutil
import subprocess

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.pipelines.hushbeam_cli import HUSHBEAM, hb, keyed_workdir
from tests.synthetic import make_corpus
from transforms.datasets import layout
from transforms.datasets.audit import AuditKey


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A vault identity, a keyset (local master key), and 20 conversations redacted."""
    work = tmp_path_factory.mktemp("audit")
    env = keyed_workdir(work)
    make_corpus(n=20, n_customers=5, seed=3).write_jsonl(work / "in.jsonl")
    hb("redact", "--input", work / "in.jsonl", "--output", work / "data", "--keyset",
       work / "keyset.json", "--vault-recipient", work / "id.pem.pub", env=env)
    pseudonym = pq.read_table(glob.glob(str(work / "data" / "part-*.parquet"))[0]) \
        .to_pylist()[0]["emailAddress"]
    return {"work": work, "env": env, "pseudonym": pseudonym}


class Vault:
    """A private copy of the vault, and the commands a user runs on it."""

    def __init__(self, made, tmp_path):
        self.made, self.dir = made, tmp_path / "data.vault"
        shutil.copytree(made["work"] / "data.vault", self.dir)
        self.log = self.dir / layout.AUDIT_LOG
        self.head = self.dir / layout.audit_head_name(layout.AUDIT_LOG)

    def reidentify(self, reason="case", *extra, check=True, keyset=None):
        return hb("reidentify", "--vault", self.dir, "--identity", self.made["work"] / "id.pem",
                  "--keyset", keyset or self.made["work"] / "keyset.json", "--reason", reason,
                  *extra, self.made["pseudonym"], env=self.made["env"], check=check)

    def verify(self, check=False):
        return hb("audit", "verify", "--vault", self.dir, "--keyset",
                  self.made["work"] / "keyset.json", env=self.made["env"], check=check)

    def entries(self):
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def refused(self, message):
        """Verify and the next reidentify both fail, in one line; nothing is shown."""
        proc = self.verify()
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
        proc = self.reidentify("after tampering", check=False)
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
        assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1


@pytest.fixture()
def vault(made, tmp_path):
    return Vault(made, tmp_path)


def _forge(vault: Vault, entries: list) -> None:
    """Rewrite log and head as an attacker without the data key: every MAC recomputed."""
    attacker = AuditKey.from_data_key(secrets.token_bytes(32), "hb-attacker", 1)
    head = json.loads(vault.head.read_text())
    prev, lines = head["anchor"]["mac"], []
    for seq, entry in enumerate(entries, start=1):
        entry = {k: v for k, v in entry.items() if k != "mac"}
        entry.update(seq=seq, prev=prev)
        entry["mac"] = prev = attacker.mac("entry", entry)
        lines.append(json.dumps(entry, sort_keys=True) + "\n")
    vault.log.write_text("".join(lines))
    head = {k: v for k, v in head.items() if k != "mac"}
    head.update(seq=len(entries), last=prev)
    head["mac"] = attacker.mac("head", head)
    vault.head.write_text(json.dumps(head, sort_keys=True) + "\n")


def test_an_edited_entry_with_a_recomputed_chain_is_detected(vault):
    for reason in ("first", "second", "third"):
        vault.reidentify(reason)
    assert "3 entries, chain intact" in vault.verify(check=True).stdout
    entries = vault.entries()
    entries[0]["reason"] = "routine check"
    _forge(vault, entries)
    vault.refused("was altered")


def test_a_reordered_log_with_a_recomputed_chain_is_detected(vault):
    for reason in ("first", "second", "third"):
        vault.reidentify(reason)
    entries = vault.entries()
    _forge(vault, [entries[2], entries[0], entries[1]])
    vault.refused("was altered")


def test_a_truncated_log_is_detected_with_or_without_a_rewritten_head(vault):
    for reason in ("first", "second", "third"):
        vault.reidentify(reason)
    entries = vault.entries()
    vault.log.write_text("".join(json.dumps(e, sort_keys=True) + "\n" for e in entries[:1]))
    vault.refused("ends at entry 1 but its head records entry 3: entries were removed")
    _forge(vault, entries[:1])
    vault.refused("was altered")


def test_a_deleted_log_and_head_are_refused_never_a_new_history(vault):
    vault.reidentify("first")
    vault.log.unlink()
    vault.refused("is missing but its head records 1 entries: the log was deleted")
    vault.head.unlink()
    vault.refused("has no audit log")
    assert not vault.log.exists() and not vault.head.exists()


def test_a_log_from_another_vault_is_refused(vault, made, tmp_path):
    vault.reidentify("first")
    other = tmp_path / "other"
    hb("redact", "--input", REPO / "samples" / "*.json*", "--output", other, "--keyset",
       made["work"] / "keyset.json", "--vault-recipient", made["work"] / "id.pem.pub",
       env=made["env"])
    # the other vault's head (no entries yet), and our log gone: a clean-looking history
    shutil.copy(other.with_name("other.vault") / layout.audit_head_name(layout.AUDIT_LOG),
                vault.head)
    vault.log.unlink()
    vault.refused("not for this vault's run")


def test_the_entry_always_goes_to_the_vaults_log_and_audit_log_is_a_copy(vault, tmp_path):
    copy = tmp_path / "elsewhere" / "audit-copy.jsonl"
    vault.reidentify("copied", "--audit-log", copy)
    assert [e["reason"] for e in vault.entries()] == ["copied"]
    assert copy.read_text() == vault.log.read_text()


def test_eight_parallel_reidentifications_make_eight_entries_in_one_chain(vault):
    procs = [subprocess.Popen(
        [HUSHBEAM, "reidentify", "--vault", str(vault.dir), "--identity",
         str(vault.made["work"] / "id.pem"), "--keyset", str(vault.made["work"] / "keyset.json"),
         "--reason", f"parallel {i}", vault.made["pseudonym"]],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=vault.made["env"],
        cwd=REPO) for i in range(8)]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in procs]
    assert [rc for rc, _, _ in results] == [0] * 8, [err for _, _, err in results]
    assert all(out.startswith(vault.made["pseudonym"] + "\tEMAIL\t") for _, out, _ in results)
    assert sorted(e["reason"] for e in vault.entries()) == [f"parallel {i}" for i in range(8)]
    assert "8 entries, chain intact" in vault.verify(check=True).stdout


def test_a_torn_head_is_rolled_forward_never_a_false_removal(vault):
    vault.reidentify("first")
    stale = vault.head.read_bytes()
    vault.reidentify("second")
    vault.head.write_bytes(stale)  # as if the process died after the entry, before the head
    proc = vault.verify(check=True)
    assert "1 entries" not in proc.stdout and "2 entries, chain intact" in proc.stdout
    assert "head was one entry behind" in proc.stdout and "removed" not in proc.stdout
    proc = vault.reidentify("third")
    assert "head was one entry behind" in proc.stderr and "repaired" in proc.stderr
    assert [e["reason"] for e in vault.entries()] == ["first", "second", "third"]
    assert "head was one entry behind" not in vault.verify(check=True).stdout


def test_an_entry_whose_write_never_finished_is_cut_off_and_reported(vault):
    vault.reidentify("first")
    with open(vault.log, "a") as fh:
        fh.write('{"action": "reidentify", "actor": "x", "lo')
    assert "incomplete line" in vault.verify(check=True).stdout
    proc = vault.reidentify("second")
    assert "incomplete line" in proc.stderr
    assert [e["reason"] for e in vault.entries()] == ["first", "second"]


def test_a_wrong_keyset_is_named_and_nothing_is_shown(vault, made, tmp_path):
    hb("keys", "create", "--kms", f"local://{tmp_path / 'm2.key'}", "--out",
       tmp_path / "k2.json", env=made["env"])
    proc = vault.reidentify("x", check=False, keyset=tmp_path / "k2.json")
    assert proc.returncode == 2 and proc.stdout == ""
    # The vault's manifest is checked first: it names the key it was made with.
    other = json.loads((tmp_path / "k2.json").read_text())["key_id"]
    assert "the keyset given holds " + other in proc.stderr and "--keyset" in proc.stderr
    assert not vault.log.exists()  # refused before anything was recorded or shown


def test_world_readable_identity_or_master_key_is_refused(vault, made, tmp_path):
    for secret, what in ((made["work"] / "id.pem", "vault identity"),
                         (made["work"] / "master.key", "local master key")):
        secret.chmod(0o644)
        try:
            proc = vault.reidentify("x", check=False)
        finally:
            secret.chmod(0o600)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.strip() == (
            f"hushbeam: error: {what} {secret} can be read or written by group or others (mode 0644); a private key "
            f"must be private: run chmod 600 {secret}")
    assert not vault.log.exists()  # nothing was opened, nothing recorded


def _keyset(made) -> dict:
    return json.loads((made["work"] / "keyset.json").read_text())


MALFORMED = [
    ("not JSON", lambda k: "{", "not a JSON document"),
    ("a list", lambda k: json.dumps([k]), "a JSON object is expected"),
    ("no wrapped key", lambda k: json.dumps({x: v for x, v in k.items() if x != "wrapped_key"}),
     "missing field(s) 'wrapped_key'"),
    ("bad base64", lambda k: json.dumps(dict(k, wrapped_key="@@@")), "not base64"),
    ("short wrapped key", lambda k: json.dumps(dict(k, wrapped_key="AAAA")), "too short"),
    ("wrapped key cut", lambda k: json.dumps(dict(k, wrapped_key=base64.b64encode(
        base64.b64decode(k["wrapped_key"])[:40]).decode())), "wrapped data key is 40 bytes"),
    ("version a string", lambda k: json.dumps(dict(k, version="1")), "'version' must be a number"),
    ("key id a number", lambda k: json.dumps(dict(k, key_id=5)), "'key_id' must be a string"),
    ("kms_uri a path", lambda k: json.dumps(dict(k, kms_uri="/tmp/m.key")), "not a KMS URI"),
]


@pytest.mark.parametrize("case, content, message", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_keyset_is_one_line_and_exit_2(vault, made, tmp_path, case, content,
                                                   message):
    bad = tmp_path / "bad.json"
    bad.write_text(content(_keyset(made)))
    for args in (["audit", "verify", "--vault", vault.dir, "--keyset", bad],
                 ["keys", "rewrap", "--keyset", bad, "--kms", f"local://{tmp_path / 'n.key'}"]):
        proc = hb(*args, env=made["env"], check=False)
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_a_malformed_wrapped_key_stops_redact_in_one_line(made, tmp_path):
    bad = tmp_path / "bad.json"
    keyset = _keyset(made)
    bad.write_text(json.dumps(dict(keyset, wrapped_key=base64.b64encode(
        base64.b64decode(keyset["wrapped_key"])[:40]).decode())))
    proc = hb("redact", "--input", made["work"] / "in.jsonl", "--output", tmp_path / "out",
              "--keyset", bad, "--vault-recipient", made["work"] / "id.pem.pub",
              env=made["env"], check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "hushbeam: error: the wrapped data key is 40 bytes" in proc.stderr


def test_overwrite_keeps_the_earlier_log_and_the_new_vault_starts_its_own(made, tmp_path):
    shutil.copytree(made["work"] / "data", tmp_path / "data")
    vault = Vault(made, tmp_path)
    vault.reidentify("before overwrite")
    old_run = json.loads(vault.head.read_text())["anchor"]["run"]
    hb("redact", "--input", made["work"] / "in.jsonl", "--output", tmp_path / "data",
       "--keyset", made["work"] / "keyset.json", "--vault-recipient",
       made["work"] / "id.pem.pub", "--overwrite", env=made["env"])
    archived = vault.dir / layout.audit_archive_name(layout.AUDIT_LOG, old_run)
    assert [json.loads(line)["reason"] for line in archived.read_text().splitlines()] == \
        ["before overwrite"]
    assert hb("audit", "verify", "--log", archived, "--keyset", made["work"] / "keyset.json",
              env=made["env"]).returncode == 0
    head = json.loads(vault.head.read_text())
    assert head["seq"] == 0 and head["anchor"]["previous"]["run"] == old_run
    vault.reidentify("after overwrite")
    assert "1 entries, chain intact" in vault.verify(check=True).stdout
