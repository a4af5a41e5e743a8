"""The vault on disk: its manifest is authenticated under the data key and refuses any change
it did not record, made by someone who can write files but holds no key."""
import json
import logging
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from transforms.datasets import layout
from transforms.datasets.vault import (MANIFEST_FORMAT, VaultError, VaultKey, commit_manifest,
                                       dataset_binding, drop_lines, file_entry, line_ref,
                                       load_manifest, manifest_bytes, read_vault, sha256_hex,
                                       token_map, verify_vault)
from transforms.core.pseudonym import Pseudonymizer
from transforms.keys.keyset import create_keyset, load_keyset, unwrap_data_key
from transforms.keys.sealing import generate_identity, load_identity, load_recipient, seal

RUN = "run1"


@pytest.fixture(scope="module")
def keyset(tmp_path_factory):
    home = tmp_path_factory.mktemp("vault-key")
    create_keyset(f"local://{home / 'master.key'}", home / "keyset.json")
    return load_keyset(home / "keyset.json")


@pytest.fixture(scope="module")
def key(keyset):
    return VaultKey.of(keyset)


@pytest.fixture(scope="module")
def other_key(tmp_path_factory):
    home = tmp_path_factory.mktemp("other-key")
    create_keyset(f"local://{home / 'master.key'}", home / "keyset.json")
    return VaultKey.of(load_keyset(home / "keyset.json"))


@pytest.fixture
def identity(key_home):
    return load_identity(key_home / "identity.pem")


@pytest.fixture
def tokens(keyset):
    pseudonymizer = Pseudonymizer(unwrap_data_key(keyset), keyset.version)
    return [{"pseudonym": pseudonymizer.pseudonym("EMAIL", f"{c}@example.com"),
             "type": "EMAIL", "value": f"{c}@example.com"} for c in "abc"]


def _write(root, key, rows, run=RUN, recipient_pem=None, dataset=None):
    entries = []
    for kind, lines in rows.items():
        rel = layout.sealed_name(kind)
        data = "".join(line + "\n" for line in lines).encode()
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        entries.append(file_entry(rel, data))
    (root / layout.RECIPIENT).write_bytes(recipient_pem)
    (root / layout.MANIFEST).write_bytes(manifest_bytes(key, run, entries,
                                                        sha256_hex(recipient_pem), dataset))
    return root


@pytest.fixture
def recipient_pem(key_home):
    return (key_home / "recipient.pem").read_bytes()


@pytest.fixture
def vault(tmp_path, key, key_home, tokens, recipient_pem):
    """A vault of three token rows, one dead letter and an empty quarantine."""
    recipient = load_recipient(recipient_pem)
    rows = {layout.TOKEN: [seal(t, recipient, layout.TOKEN, RUN, ref=t["pseudonym"])
                           for t in tokens],
            layout.DEAD_LETTER: [seal({"raw": "{not json", "reason": "invalid_json"},
                                      recipient, layout.DEAD_LETTER, RUN)],
            layout.QUARANTINE: []}
    return _write(tmp_path / "data.vault", key, rows, recipient_pem=recipient_pem)


def _tokens_file(vault):
    return vault / layout.sealed_name(layout.TOKEN)


def _rehash_without_key(vault):
    """What an attacker can do: recompute every hash and count in the manifest."""
    manifest = json.loads((vault / layout.MANIFEST).read_text())
    for rel in manifest["files"]:
        entry = file_entry(rel, (vault / rel).read_bytes())
        manifest["files"][rel] = {"sha256": entry.sha256, "lines": entry.lines}
    manifest["recipient_sha256"] = sha256_hex((vault / layout.RECIPIENT).read_bytes())
    (vault / layout.MANIFEST).write_text(json.dumps(manifest))


# --- what held before: the manifest catches changed, missing and added files ---------

def test_an_intact_vault_verifies_and_opens(vault, identity, key, tokens):
    assert verify_vault(vault, key, RUN)["run_id"] == RUN
    assert token_map(vault, identity, key, RUN) == {
        t["pseudonym"]: {"type": t["type"], "value": t["value"]} for t in tokens}
    assert read_vault(vault, identity, layout.DEAD_LETTER, key) == [
        {"raw": "{not json", "reason": "invalid_json"}]


def test_a_flipped_byte_is_refused(vault, key):
    data = bytearray(_tokens_file(vault).read_bytes())
    data[40] ^= 0x01
    _tokens_file(vault).write_bytes(bytes(data))
    with pytest.raises(VaultError, match="altered or truncated"):
        verify_vault(vault, key)


def test_a_dropped_line_is_refused(vault, key):
    lines = _tokens_file(vault).read_text().splitlines()
    _tokens_file(vault).write_text("\n".join(lines[1:]) + "\n")
    with pytest.raises(VaultError, match="altered or truncated"):
        verify_vault(vault, key)


def test_an_added_file_is_refused(vault, key):
    extra = vault / layout.sealed_name(layout.TOKEN, layout.late_suffix(1))
    extra.write_bytes(_tokens_file(vault).read_bytes())
    with pytest.raises(VaultError, match="not in the manifest"):
        verify_vault(vault, key)


def test_a_removed_file_is_refused(vault, key):
    (vault / layout.sealed_name(layout.QUARANTINE)).unlink()
    with pytest.raises(VaultError, match="is missing"):
        verify_vault(vault, key)


def test_a_vault_of_another_run_or_without_manifest_is_refused(vault, key):
    with pytest.raises(VaultError, match="belongs to run run1"):
        verify_vault(vault, key, "run2")
    (vault / layout.MANIFEST).unlink()
    with pytest.raises(VaultError, match="not a complete vault"):
        verify_vault(vault, key)


def test_dropping_lines_rewrites_file_and_manifest_so_the_vault_still_verifies(
        vault, identity, key, tokens):
    gone = tokens[1]["pseudonym"]
    assert drop_lines(vault, layout.TOKEN, lambda line: line_ref(line) == gone, key) == 1
    assert verify_vault(vault, key, RUN)["generation"] == 1
    assert set(token_map(vault, identity, key)) == {tokens[0]["pseudonym"],
                                                    tokens[2]["pseudonym"]}
    assert drop_lines(vault, layout.TOKEN, lambda line: line_ref(line) == gone, key) == 0
    assert verify_vault(vault, key)["generation"] == 1  # nothing removed, nothing rewritten
    assert not [p for p in vault.rglob(".*")]  # no staged file left behind


# --- the manifest is authenticated under the data key ----------------------------------

def test_the_manifest_records_run_key_recipient_dataset_and_files_under_a_mac(vault, key,
                                                                             recipient_pem):
    manifest = load_manifest(vault)
    assert manifest["v"] == MANIFEST_FORMAT == 2
    assert manifest["key"] == {"id": key.key_id, "version": key.key_version}
    assert manifest["recipient_sha256"] == sha256_hex(recipient_pem)
    assert manifest["dataset"] == {"run_id": RUN} and manifest["generation"] == 0
    assert manifest["files"][layout.sealed_name(layout.QUARANTINE)] == {
        "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "lines": 0}
    assert manifest["mac"] == key.mac(manifest) and len(manifest["mac"]) == 64
    for field in ("run_id", "recipient_sha256", "generation", "dataset", "key"):
        changed = dict(manifest, **{field: {"x": 1}})
        assert key.mac(changed) != manifest["mac"], field


def test_a_row_sealed_to_the_public_key_with_a_rehashed_manifest_is_refused(
        vault, key, identity, recipient_pem):
    forged = {"pseudonym": "EMAIL#k1:" + "a" * 26, "type": "EMAIL", "value": "evil@x.test"}
    line = seal(forged, load_recipient(recipient_pem), layout.TOKEN, RUN,
                ref=forged["pseudonym"])
    with open(_tokens_file(vault), "a") as fh:
        fh.write(line + "\n")
    _rehash_without_key(vault)
    with pytest.raises(VaultError, match="does not verify under key"):
        token_map(vault, identity, key)


def test_a_deleted_row_with_a_rehashed_manifest_is_refused(vault, key):
    lines = _tokens_file(vault).read_text().splitlines()
    _tokens_file(vault).write_text("\n".join(lines[:-1]) + "\n")
    _rehash_without_key(vault)
    with pytest.raises(VaultError, match="does not verify under key"):
        verify_vault(vault, key)


def test_a_replaced_recipient_is_refused(vault, key, tmp_path):
    generate_identity(tmp_path / "attacker.pem", tmp_path / "attacker.pub")
    shutil.copy(tmp_path / "attacker.pub", vault / layout.RECIPIENT)
    with pytest.raises(VaultError, match="not the recipient its manifest records"):
        verify_vault(vault, key)
    (vault / layout.RECIPIENT).unlink()
    with pytest.raises(VaultError, match="has no _recipient.pem"):
        verify_vault(vault, key)


def test_a_manifest_of_another_key_or_without_mac_is_refused(vault, key, other_key):
    manifest = load_manifest(vault)
    with pytest.raises(VaultError, match="pass the keyset the vault was made with"):
        verify_vault(vault, other_key)
    # another key's MAC, relabelled as this key's
    forged = dict(manifest, key={"id": other_key.key_id, "version": other_key.key_version})
    forged["mac"] = key.mac(forged)
    (vault / layout.MANIFEST).write_text(json.dumps(forged))
    with pytest.raises(VaultError, match="does not verify"):
        verify_vault(vault, other_key)
    legacy = {"v": 1, "run_id": RUN, "files": manifest["files"]}
    (vault / layout.MANIFEST).write_text(json.dumps(legacy))
    with pytest.raises(VaultError, match="not authenticated"):
        verify_vault(vault, key)


def test_a_token_row_whose_value_does_not_make_its_pseudonym_is_refused(
        tmp_path, key, identity, tokens, recipient_pem):
    """Even in a vault whose manifest verifies, a row must match the data key."""
    recipient = load_recipient(recipient_pem)
    swapped = dict(tokens[0], value="someone-else@example.com")
    vault = _write(tmp_path / "v", key, {
        layout.TOKEN: [seal(swapped, recipient, layout.TOKEN, RUN, ref=swapped["pseudonym"])],
        layout.DEAD_LETTER: [], layout.QUARANTINE: []}, recipient_pem=recipient_pem)
    verify_vault(vault, key)
    with pytest.raises(VaultError, match="forged row"):
        token_map(vault, identity, key)


def test_a_file_swapped_after_verification_is_not_edited(vault, key, tokens):
    manifest = verify_vault(vault, key)
    original = _tokens_file(vault).read_bytes()
    _tokens_file(vault).write_bytes(original + original)  # swapped in between
    with pytest.raises(VaultError, match="changed while it was read"):
        drop_lines(vault, layout.TOKEN, lambda line: True, key, manifest)
    assert _tokens_file(vault).read_bytes() == original + original  # not blessed


# --- the vault belongs to one dataset ----------------------------------------------------

def _dataset(root, run_id, rows=2):
    root.mkdir()
    table = pa.table({"x": pa.array([str(i) for i in range(rows)])})
    table = table.replace_schema_metadata({b"hushbeam.run_id": run_id.encode()})
    pq.write_table(table, root / "part-00000-of-00001.parquet")
    (root / layout.SUMMARY).write_text(json.dumps({"run_id": run_id}))
    return root


def test_a_vault_of_another_dataset_is_refused(vault, key, tmp_path):
    verify_vault(vault, key, dataset=_dataset(tmp_path / "mine", RUN))
    with pytest.raises(VaultError, match="not to the dataset's run run2"):
        verify_vault(vault, key, dataset=_dataset(tmp_path / "other", "run2"))
    # the summary's run id edited to match: the parts still say which run they are
    (tmp_path / "other" / layout.SUMMARY).write_text(json.dumps({"run_id": RUN}))
    with pytest.raises(VaultError, match="part part-00000-of-00001.parquet of .* belongs to "
                                         "run run2"):
        verify_vault(vault, key, dataset=tmp_path / "other")


def test_a_rewritten_vault_is_bound_to_its_dataset_parts_and_summary(vault, key, tmp_path):
    dataset = _dataset(tmp_path / "d", RUN)
    manifest = verify_vault(vault, key, RUN, dataset)
    (dataset / layout.SUMMARY).write_text(json.dumps({"run_id": RUN, "vault_generation": 1}))
    commit_manifest(vault, key, manifest, dataset)
    assert load_manifest(vault)["dataset"] == dataset_binding(dataset, RUN)
    verify_vault(vault, key, RUN, dataset)
    part = dataset / "part-00000-of-00001.parquet"
    saved = part.read_bytes()
    _dataset(tmp_path / "d2", RUN, rows=3)
    shutil.copy(tmp_path / "d2" / part.name, part)
    with pytest.raises(VaultError, match="part part-00000-of-00001.parquet of .* does not match the SHA-256"):
        verify_vault(vault, key, RUN, dataset)
    part.write_bytes(saved)
    (dataset / layout.SUMMARY).write_text(json.dumps({"run_id": RUN, "vault_generation": 1,
                                                      "records_written": 9}))
    with pytest.raises(VaultError, match="summary of .* is not the one"):
        verify_vault(vault, key, RUN, dataset)


def test_a_batch_vault_committed_before_parts_were_bound_is_read_with_a_warning(
        vault, key, tmp_path, caplog):
    """Decided: datasets committed before the commit bound the parts stay readable (their
    manifests verify), with a warning that says what is not checked and how to bind them."""
    dataset = _dataset(tmp_path / "d", RUN)
    assert load_manifest(vault)["dataset"] == {"run_id": RUN}  # as runs wrote it before
    with caplog.at_level(logging.WARNING, logger="hushbeam"):
        verify_vault(vault, key, RUN, dataset)
    assert "checked by run id only" in caplog.text and "rekey" in caplog.text
    assert "part-" not in caplog.text  # names the folders, never a row


def test_a_bound_dataset_names_the_missing_or_extra_part(vault, key, tmp_path):
    dataset = _dataset(tmp_path / "d", RUN)
    commit_manifest(vault, key, verify_vault(vault, key, RUN, dataset), dataset)
    part = dataset / "part-00000-of-00001.parquet"
    extra = dataset / "part-00001-of-00002.parquet"
    shutil.copy(part, extra)
    with pytest.raises(VaultError, match="part part-00001-of-00002.parquet of .* is not in "
                                         "the vault's manifest"):
        verify_vault(vault, key, RUN, dataset)
    extra.unlink()
    part.unlink()
    with pytest.raises(VaultError, match="part part-00000-of-00001.parquet of .* is missing"):
        verify_vault(vault, key, RUN, dataset)


def test_an_earlier_copy_of_the_vault_put_back_is_refused(vault, key, tmp_path, tokens):
    dataset = _dataset(tmp_path / "d", RUN)
    earlier = tmp_path / "earlier"
    shutil.copytree(vault, earlier)
    manifest = verify_vault(vault, key, RUN, dataset)
    drop_lines(vault, layout.TOKEN, lambda line: line_ref(line) == tokens[0]["pseudonym"],
               key, manifest)
    (dataset / layout.SUMMARY).write_text(json.dumps({"run_id": RUN, "vault_generation": 1}))
    commit_manifest(vault, key, manifest, dataset, 1)
    shutil.rmtree(vault)
    shutil.copytree(earlier, vault)  # generation 0, authentic, bound to the run id only
    with pytest.raises(VaultError, match="older than its dataset"):
        verify_vault(vault, key, RUN, dataset)
    # the summary's generation put back too: the erasure receipt still records it
    (dataset / layout.SUMMARY).write_text(json.dumps({"run_id": RUN}))
    (dataset / layout.RECEIPTS).mkdir()
    (dataset / layout.RECEIPTS / "erasure-x.json").write_text(json.dumps(
        {"dataset_run_id": RUN, "vault_generation": 1}))
    with pytest.raises(VaultError, match="older than its dataset"):
        verify_vault(vault, key, RUN, dataset)


def test_a_token_row_of_a_shorter_pseudonym_matches_under_its_key_only(keyset, key, other_key):
    short = Pseudonymizer(unwrap_data_key(keyset), keyset.version, length=16)
    row = {"pseudonym": short.pseudonym("EMAIL", "jane@example.com"), "type": "EMAIL",
           "value": "jane@example.com"}
    assert key.token_matches(row) and not other_key.token_matches(row)
    assert not key.token_matches(dict(row, value="john@example.com"))
