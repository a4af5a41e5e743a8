"""The vault against an attacker who can write files and holds the public key, but not the data
key nor the vault identity: every change is refused by the `hushbeam` commands, nothing forged
is printed, and nothing is sealed to the attacker.

The attacker does the best one can without the data key: seal rows of their choice to the
vault's public key, recompute every hash and line count in the manifest, swap the
recipient, swap in another run's vault, put back an earlier vault.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.pipelines.hushbeam_cli import hb, keyed_workdir
from tests.synthetic import make_corpus
from transforms.datasets import layout
from transforms.datasets.vault import file_entry, line_ref, sha256_hex
from transforms.keys.sealing import (SealError, generate_identity, load_identity,
                                     load_recipient, open_sealed, seal)

FORGED = "forged.value@attacker.test"


def _corpus_file(path: Path, seed: int) -> Path:
    """Synthetic conversations, plus two records that are dead-lettered with raw values."""
    corpus = make_corpus(n=24, n_customers=6, seed=seed)
    corpus.write_jsonl(path)
    customer = corpus.customers[0]
    with open(path, "a") as fh:
        fh.write(json.dumps({"channel": "chat", "emailAddress": customer.email}) + "\n")
        fh.write('{"conversation_id": "broken", "emailAddress": "' + customer.email + '"\n')
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The operator's keyset and identity, a dataset and its vault, and another run's dataset
    and vault made with the same keyset and identity."""
    work = tmp_path_factory.mktemp("tamper")
    env = keyed_workdir(work)
    for name, seed in (("data", 3), ("other", 4)):
        hb("redact", "--input", _corpus_file(work / f"{name}.jsonl", seed), "--output",
           work / name, "--keyset", work / "keyset.json", "--vault-recipient",
           work / "id.pem.pub", env=env)
    generate_identity(work / "attacker.pem", work / "attacker.pub")
    return {"work": work, "env": env, "keyset": work / "keyset.json",
            "identity": work / "id.pem"}


@pytest.fixture()
def copy(made, tmp_path):
    for name in ("data", "data.vault", "other", "other.vault"):
        shutil.copytree(made["work"] / name, tmp_path / name)
    return tmp_path


def _rows(dataset: Path) -> list:
    return pq.read_table(dataset).to_pylist()


def _tokens(vault: Path) -> Path:
    return vault / layout.sealed_name(layout.TOKEN)


def _rehash(vault: Path) -> None:
    """Recompute every hash, line count and the recipient hash in the manifest (no key)."""
    manifest = json.loads((vault / layout.MANIFEST).read_text())
    for path in vault.glob(layout.ALL_SEALED_GLOB):
        rel = str(path.relative_to(vault))
        entry = file_entry(rel, path.read_bytes())
        manifest["files"][rel] = {"sha256": entry.sha256, "lines": entry.lines}
    manifest["recipient_sha256"] = sha256_hex((vault / layout.RECIPIENT).read_bytes())
    (vault / layout.MANIFEST).write_text(json.dumps(manifest, indent=2))


def _seal_to_vault(vault: Path, payload: dict, kind: str, ref=None) -> str:
    run_id = json.loads((vault / layout.MANIFEST).read_text())["run_id"]
    recipient = load_recipient((vault / layout.RECIPIENT).read_bytes())
    return seal(payload, recipient, kind, run_id, ref=ref)


def _reidentify(made, copy, *pseudonyms, dataset=True):
    extra = ["--dataset", copy / "data"] if dataset else []
    return hb("reidentify", "--keyset", made["keyset"], "--vault", copy / "data.vault",
              "--identity", made["identity"], "--reason", "tamper test", *extra, *pseudonyms,
              env=made["env"], check=False)


def _refused(proc, *messages):
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert any(m in proc.stderr for m in messages), proc.stderr
    assert FORGED not in proc.stdout + proc.stderr


def test_an_intact_vault_opens_for_its_dataset(made, copy):
    """The baseline the refusals below are measured against."""
    pseudonym = _rows(copy / "data")[0]["emailAddress"]
    proc = _reidentify(made, copy, pseudonym)
    assert proc.returncode == 0 and proc.stdout.startswith(pseudonym + "\tEMAIL\t")


@pytest.mark.parametrize("rehash", [False, True], ids=["as-is", "manifest-rehashed"])
def test_a_swapped_recipient_then_rekey_seals_nothing_to_the_attacker(made, copy, rehash):
    shutil.copy(made["work"] / "attacker.pub", copy / "data.vault" / layout.RECIPIENT)
    if rehash:
        _rehash(copy / "data.vault")
    hb("keys", "create", "--kms", f"local://{copy / 'm2.key'}", "--out", copy / "k2.json",
       "--version", "2", env=made["env"])
    proc = hb("rekey", "--keyset", made["keyset"], "--dataset", copy / "data", "--vault",
              copy / "data.vault", "--identity", made["identity"], "--new-keyset",
              copy / "k2.json", "--output", copy / "rekeyed", env=made["env"], check=False)
    _refused(proc, "not the recipient its manifest records", "does not verify")
    attacker = load_identity(made["work"] / "attacker.pem")
    opened = 0
    for path in (copy / "rekeyed.vault").glob(layout.ALL_SEALED_GLOB):
        for line in path.read_text().splitlines():
            for kind in layout.VAULT_FOLDERS:
                try:
                    open_sealed(line, attacker, kind)
                    opened += 1
                except SealError:
                    pass
    assert opened == 0 and not list((copy / "rekeyed.vault").glob(layout.ALL_SEALED_GLOB))
    # every other reader refuses the swapped recipient too
    _refused(_reidentify(made, copy, _rows(copy / "data")[0]["emailAddress"]),
             "not the recipient its manifest records", "does not verify")


def test_rekey_seals_to_the_verified_recipient_and_its_summary_points_at_the_new_vault(
        made, copy):
    hb("keys", "create", "--kms", f"local://{copy / 'm2.key'}", "--out", copy / "k2.json",
       "--version", "2", env=made["env"])
    hb("rekey", "--keyset", made["keyset"], "--dataset", copy / "data", "--vault",
       copy / "data.vault", "--identity", made["identity"], "--new-keyset", copy / "k2.json",
       "--output", copy / "rekeyed", env=made["env"])
    new_vault = copy / "rekeyed.vault"
    assert (new_vault / layout.RECIPIENT).read_bytes() == (
        made["work"] / "id.pem.pub").read_bytes()
    summary = json.loads((copy / "rekeyed" / layout.SUMMARY).read_text())
    assert summary["vault_manifest"] == str(new_vault / layout.MANIFEST)
    assert summary["vault_output"] == str(new_vault)
    assert json.loads((new_vault / layout.MANIFEST).read_text())["run_id"] == summary["run_id"]
    operator, attacker = (load_identity(made["work"] / n) for n in ("id.pem", "attacker.pem"))
    line = _tokens(new_vault).read_text().splitlines()[0]
    assert open_sealed(line, operator, layout.TOKEN)["type"]
    with pytest.raises(SealError):
        open_sealed(line, attacker, layout.TOKEN)


@pytest.mark.parametrize("rehash", [False, True], ids=["as-is", "manifest-rehashed"])
def test_a_deleted_token_row_is_refused(made, copy, rehash):
    pseudonym = _rows(copy / "data")[0]["emailAddress"]
    lines = _tokens(copy / "data.vault").read_text().splitlines()
    _tokens(copy / "data.vault").write_text(
        "".join(line + "\n" for line in lines if line_ref(line) != pseudonym))
    if rehash:
        _rehash(copy / "data.vault")
    for with_dataset in (True, False):
        _refused(_reidentify(made, copy, pseudonym, dataset=with_dataset),
                 "altered or truncated", "does not verify")


def test_a_deleted_dead_letter_is_refused_by_every_command(made, copy):
    letters = copy / "data.vault" / layout.sealed_name(layout.DEAD_LETTER)
    letters.write_text("".join(line + "\n" for line in letters.read_text().splitlines()[1:]))
    _rehash(copy / "data.vault")
    before = _rows(copy / "data")
    common = ["--output", copy / "data", "--vault", copy / "data.vault", "--keyset",
              made["keyset"], "--identity", made["identity"], "--subject", "email:a@b.example"]
    _refused(hb("subject-access", *common, "--reason", "x", env=made["env"], check=False),
             "does not verify")
    _refused(hb("forget", *common, env=made["env"], check=False), "does not verify")
    _refused(_reidentify(made, copy, before[0]["emailAddress"]), "does not verify")
    assert _rows(copy / "data") == before  # nothing erased from a vault that fails


@pytest.mark.parametrize("how", ["replaced", "added"])
def test_a_forged_row_sealed_to_the_public_key_is_refused_and_never_printed(made, copy, how):
    pseudonym = _rows(copy / "data")[0]["emailAddress"]
    forged = _seal_to_vault(copy / "data.vault", {"pseudonym": pseudonym, "type": "EMAIL",
                                                  "value": FORGED}, layout.TOKEN, pseudonym)
    lines = _tokens(copy / "data.vault").read_text().splitlines()
    if how == "replaced":
        lines = [forged if line_ref(line) == pseudonym else line for line in lines]
    else:  # the last row of a pseudonym wins in a naive reader
        lines.append(forged)
    _tokens(copy / "data.vault").write_text("".join(line + "\n" for line in lines))
    _rehash(copy / "data.vault")
    for with_dataset in (True, False):
        _refused(_reidentify(made, copy, pseudonym, dataset=with_dataset), "does not verify")
    assert not (copy / "data.vault" / layout.AUDIT_LOG).exists()  # refused before the audit


def test_another_runs_vault_put_in_place_is_refused_for_this_dataset(made, copy):
    shutil.rmtree(copy / "data.vault")
    shutil.copytree(copy / "other.vault", copy / "data.vault")
    pseudonym = _rows(copy / "data")[0]["emailAddress"]
    before = _rows(copy / "data")
    _refused(_reidentify(made, copy, pseudonym), "belongs to run")
    common = ["--output", copy / "data", "--vault", copy / "data.vault", "--keyset",
              made["keyset"], "--identity", made["identity"], "--subject", "email:a@b.example"]
    _refused(hb("subject-access", *common, "--reason", "x", env=made["env"], check=False),
             "belongs to run")
    _refused(hb("forget", *common, env=made["env"], check=False), "belongs to run")
    assert _rows(copy / "data") == before
    # the dataset's summary edited to the other run: its parts still say which run they are
    summary = json.loads((copy / "data" / layout.SUMMARY).read_text())
    other_run = json.loads((copy / "other" / layout.SUMMARY).read_text())["run_id"]
    (copy / "data" / layout.SUMMARY).write_text(json.dumps(dict(summary, run_id=other_run)))
    _refused(_reidentify(made, copy, pseudonym), "belongs to run")


def test_an_earlier_vault_put_back_after_an_erasure_is_refused(made, copy):
    rows = _rows(copy / "data")
    pseudonym = rows[0]["emailAddress"]
    value = _reidentify(made, copy, pseudonym).stdout.split("\t")[2].strip()
    earlier = copy / "earlier.vault"
    shutil.copytree(copy / "data.vault", earlier)
    earlier_summary = (copy / "data" / layout.SUMMARY).read_bytes()
    hb("forget", "--output", copy / "data", "--vault", copy / "data.vault", "--keyset",
       made["keyset"], "--identity", made["identity"], "--subject", f"email:{value}",
       env=made["env"])
    assert _reidentify(made, copy, pseudonym).returncode == 1  # erased: not in the vault
    cases = {
        "the earlier manifest alone": [layout.MANIFEST],
        "the whole earlier vault": [layout.MANIFEST, layout.sealed_name(layout.TOKEN),
                                    layout.sealed_name(layout.DEAD_LETTER),
                                    layout.sealed_name(layout.QUARANTINE)],
    }
    for name, files in cases.items():
        for rel in files:
            shutil.copy(earlier / rel, copy / "data.vault" / rel)
        proc = _reidentify(made, copy, pseudonym)
        _refused(proc, "altered or truncated", "older than its dataset")
        assert value not in proc.stdout, name
    # ... and the earlier summary too: the erasure receipt still records the generation
    (copy / "data" / layout.SUMMARY).write_bytes(earlier_summary)
    _refused(_reidentify(made, copy, pseudonym), "older than its dataset")


def test_a_manifest_without_its_mac_or_under_another_key_is_refused(made, copy):
    pseudonym = _rows(copy / "data")[0]["emailAddress"]
    manifest = json.loads((copy / "data.vault" / layout.MANIFEST).read_text())
    hb("keys", "create", "--kms", f"local://{copy / 'm3.key'}", "--out", copy / "k3.json",
       env=made["env"])
    proc = hb("reidentify", "--keyset", copy / "k3.json", "--vault", copy / "data.vault",
              "--identity", made["identity"], "--reason", "x", pseudonym, env=made["env"],
              check=False)
    _refused(proc, "pass the keyset the vault was made with")
    legacy = {"v": 1, "run_id": manifest["run_id"], "files": manifest["files"]}
    (copy / "data.vault" / layout.MANIFEST).write_text(json.dumps(legacy))
    _refused(_reidentify(made, copy, pseudonym), "not authenticated")
    (copy / "data.vault" / layout.MANIFEST).write_text(json.dumps(dict(manifest, mac="0" * 64)))
    _refused(_reidentify(made, copy, pseudonym), "does not verify")
