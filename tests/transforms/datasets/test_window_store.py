"""The windowed dataset on disk: names, the ledger, recovery after an interrupted commit,
and window manifests that a commit re-writes only over what it verified."""
import json

import pytest

from transforms.datasets import layout, window_store
from transforms.datasets.vault import (VaultError, VaultKey, load_manifest, sha256_hex,
                                       signed_manifest, verify_vault)

KEY = VaultKey(bytes(range(32)), "hb-test", 1)
RECIPIENT = b"-----BEGIN PUBLIC KEY-----\n"


def _commit(out, vault, wid, files, vault_files, sources, end):
    (out / f"window={wid}").mkdir(parents=True)
    for name in files:
        (out / f"window={wid}" / name).write_bytes(b"parquet")
    for name in vault_files:
        path = vault / f"window={wid}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("sealed\n")
    (vault / f"window={wid}" / layout.RECIPIENT).write_bytes(RECIPIENT)
    _, generation = window_store.write_manifest(
        str(vault / f"window={wid}"), f"run:{wid}", vault_files, KEY,
        sha256_hex(RECIPIENT), new_files=vault_files, sources=sources)
    (out / f"window={wid}" / "_summary.json").write_text(json.dumps({
        "run_id": f"run:{wid}", "files": files, "vault_files": vault_files,
        "vault_generation": generation, "sources": sources, "window": {"end_seconds": end}}))


def test_window_ids_are_the_utc_start():
    assert window_store.window_id(1772359200) == "20260301T100000Z"
    assert layout.part_name(1, 4) == "part-00001-of-00004.parquet"
    assert layout.part_name(0, 1, window_store.pane_suffix(True, 2)) == (
        "part-00000-of-00001.late-2.parquet")


def test_ledger_and_floor_come_from_committed_windows_only(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _commit(out, vault, "20260301T100000Z", ["part-00000-of-00001.parquet"],
            ["tokens/part-00000-of-00001.sealed.jsonl"], {"landing/a.jsonl": 3}, 1772359260.0)
    (out / "window=20260301T100100Z").mkdir()  # began, never committed
    (out / "window=20260301T100100Z" / ".tmp-x.parquet").write_bytes(b"half")
    windows = window_store.committed_windows(str(out))
    assert set(windows) == {"20260301T100000Z"}
    assert window_store.verified_ledger(windows, str(vault), KEY, "run") == {"landing/a.jsonl"}
    assert window_store.committed_until(windows, 60) == 1772359260.0


def test_recovery_rolls_back_an_interrupted_window_and_strays_of_a_committed_one(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    kept = ["part-00000-of-00001.parquet"]
    _commit(out, vault, "20260301T100000Z", kept,
            ["tokens/part-00000-of-00001.sealed.jsonl"], {"a": 1}, 1772359260.0)
    # An interrupted late commit of the committed window: files the summary does not list.
    (out / "window=20260301T100000Z" / "part-00000-of-00001.late-1.parquet").write_bytes(b"x")
    (out / "window=20260301T100000Z" / ".tmp-y.parquet").write_bytes(b"x")
    late_sealed = vault / "window=20260301T100000Z" / "tokens" / (
        "part-00000-of-00001.late-1.sealed.jsonl")
    late_sealed.write_text("sealed\n")
    window_store.write_manifest(str(vault / "window=20260301T100000Z"), "run:20260301T100000Z",
                                ["tokens/part-00000-of-00001.sealed.jsonl",
                                 "tokens/part-00000-of-00001.late-1.sealed.jsonl"], KEY,
                                new_files=["tokens/part-00000-of-00001.late-1.sealed.jsonl"],
                                sources={"a": 1, "b": 2})
    # A window whose commit never happened, in the dataset and in the vault.
    (out / "window=20260301T100100Z").mkdir()
    (out / "window=20260301T100100Z" / "part-00000-of-00001.parquet").write_bytes(b"x")
    (vault / "window=20260301T100100Z" / "tokens").mkdir(parents=True)

    rolled_back = window_store.recover(str(out), str(vault), KEY)

    assert rolled_back == ["20260301T100100Z"]
    assert not (out / "window=20260301T100100Z").exists()
    assert not (vault / "window=20260301T100100Z").exists()
    assert sorted(p.name for p in (out / "window=20260301T100000Z").iterdir()) == [
        "_summary.json", "part-00000-of-00001.parquet"]
    assert not late_sealed.exists()
    manifest = json.loads((vault / "window=20260301T100000Z" / "_manifest.json").read_text())
    assert list(manifest["files"]) == ["tokens/part-00000-of-00001.sealed.jsonl"]
    verify_vault(vault / "window=20260301T100000Z", KEY, "run:20260301T100000Z")
    # the interrupted commit's sources went with it: its files are read again
    assert manifest["sources"] == {"a": 1} and manifest["added_sources"] == {}
    windows = window_store.committed_windows(str(out))
    assert window_store.verified_ledger(windows, str(vault), KEY, "run") == {"a"}


WID = "20260301T100000Z"
TOKENS = "tokens/part-00000-of-00001.sealed.jsonl"
LATE = "tokens/part-00000-of-00001.late-1.sealed.jsonl"


@pytest.fixture
def committed(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _commit(out, vault, WID, ["part-00000-of-00001.parquet"], [TOKENS], {"a": 1}, 1.0)
    return out, vault, vault / f"window={WID}"


def test_a_late_commit_refuses_a_window_file_changed_since_its_manifest(committed):
    _, _, window = committed
    (window / TOKENS).write_text("sealed\nforged\n")
    (window / LATE).write_text("late\n")
    with pytest.raises(VaultError, match="was altered since its manifest"):
        window_store.write_manifest(str(window), f"run:{WID}", [TOKENS, LATE], KEY,
                                    new_files=[LATE])


def test_a_late_commit_adds_only_its_own_files_and_never_unlists_one(committed):
    _, _, window = committed
    (window / LATE).write_text("late\n")
    with pytest.raises(VaultError, match="not part of this commit"):
        window_store.write_manifest(str(window), f"run:{WID}", [TOKENS, LATE], KEY)
    with pytest.raises(VaultError, match="would unlist"):  # e.g. a summary edited to drop it
        window_store.write_manifest(str(window), f"run:{WID}", [LATE], KEY, new_files=[LATE])
    _, generation = window_store.write_manifest(str(window), f"run:{WID}", [TOKENS, LATE],
                                                KEY, new_files=[LATE])
    assert generation == 1 and set(load_manifest(window)["files"]) == {TOKENS, LATE}


def test_a_window_manifest_rehashed_without_the_key_is_refused_by_the_next_commit(committed):
    _, _, window = committed
    manifest = load_manifest(window)
    manifest["files"][TOKENS]["lines"] = 2
    (window / layout.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(VaultError, match="does not verify"):
        window_store.write_manifest(str(window), f"run:{WID}", [TOKENS], KEY)


def test_recovery_refuses_to_drop_files_when_the_summary_is_not_one_commit_behind(committed):
    out, vault, window = committed
    (window / LATE).write_text("late\n")
    window_store.write_manifest(str(window), f"run:{WID}", [TOKENS, LATE], KEY,
                                new_files=[LATE])
    summary_path = out / f"window={WID}" / "_summary.json"
    summary = json.loads(summary_path.read_text())
    # a committed late pane whose summary someone edited to drop the late file
    summary_path.write_text(json.dumps(dict(summary, vault_generation=1)))
    with pytest.raises(VaultError, match="refusing to recover"):
        window_store.recover(str(out), str(vault), KEY)
    assert (window / LATE).exists()


def test_counts_of_a_late_commit_add_to_the_window_and_stay_conserved():
    first = window_store.merged_counts(None, [{
        "records_read": 2, "records_written": 1, "records_quarantined": 0,
        "records_dead_lettered": 1, "counts": {"entities": {"PERSON": 1}},
        "dead_letter_reasons": {"invalid_json": 1}, "quarantine_reasons": {},
        "sources": {"a": 2}}])
    later = window_store.merged_counts(first, [{
        "records_read": 1, "records_written": 1, "records_quarantined": 0,
        "records_dead_lettered": 0, "counts": {"entities": {"PERSON": 2}},
        "dead_letter_reasons": {}, "quarantine_reasons": {}, "sources": {"b": 1}}])
    assert (later["records_read"], later["records_written"]) == (3, 2)
    assert later["counts"]["entities"]["PERSON"] == 3 and later["sources"] == {"a": 2, "b": 1}
    assert later["counts_conserved"]


# --- the ledger a restart skips: the manifests', never a summary's alone ---------------

def _summary_of(out):
    path = out / f"window={WID}" / "_summary.json"
    return path, json.loads(path.read_text())


def test_a_source_forged_into_a_summary_stops_the_restart_naming_the_window(committed):
    out, vault, _ = committed
    path, summary = _summary_of(out)
    path.write_text(json.dumps(dict(summary, sources={"a": 1, "landing/later.jsonl": 5})))
    with pytest.raises(VaultError, match=f"summary of window={WID} does not list") as info:
        window_store.verified_ledger(window_store.committed_windows(str(out)), str(vault),
                                     KEY, "run")
    assert "later.jsonl" not in str(info.value)  # a file name may carry data


def test_a_late_commit_records_its_sources_added_to_the_manifests(committed):
    out, vault, window = committed
    (window / LATE).write_text("late\n")
    window_store.write_manifest(str(window), f"run:{WID}", [TOKENS, LATE], KEY,
                                new_files=[LATE], sources={"a": 2, "b": 1})
    manifest = load_manifest(window)
    assert manifest["sources"] == {"a": 3, "b": 1}
    assert manifest["added_sources"] == {"a": 2, "b": 1}


def test_a_replayed_older_manifest_stops_the_restart(committed):
    out, vault, window = committed
    older = (window / layout.MANIFEST).read_bytes()
    (window / LATE).write_text("late\n")
    _, generation = window_store.write_manifest(str(window), f"run:{WID}", [TOKENS, LATE], KEY,
                                                new_files=[LATE], sources={})
    path, summary = _summary_of(out)
    path.write_text(json.dumps(dict(summary, vault_generation=generation,
                                    vault_files=[TOKENS, LATE])))
    (window / layout.MANIFEST).write_bytes(older)  # verifies: written with the key, once
    with pytest.raises(VaultError, match="older than its summary"):
        window_store.verified_ledger(window_store.committed_windows(str(out)), str(vault),
                                     KEY, "run")


def test_a_window_of_another_job_or_without_its_vault_stops_the_restart(committed):
    out, vault, window = committed
    windows = window_store.committed_windows(str(out))
    with pytest.raises(VaultError, match="another run"):
        window_store.verified_ledger(windows, str(vault), KEY, "other-job")
    (window / layout.MANIFEST).unlink()
    with pytest.raises(VaultError, match="no vault manifest"):
        window_store.verified_ledger(windows, str(vault), KEY, "run")


def test_a_window_written_before_manifests_recorded_sources_is_refused_clearly(tmp_path):
    """Older jobs stay readable (forget, subject-access, reidentify verify them as before);
    only a restart, which needs the ledger, refuses them."""
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _commit(out, vault, WID, ["part-00000-of-00001.parquet"], [TOKENS], {"a": 1}, 1.0)
    window = vault / f"window={WID}"
    manifest = load_manifest(window)
    old = signed_manifest(KEY, manifest["run_id"], manifest["files"],
                          manifest["recipient_sha256"])  # the format before session 24
    (window / layout.MANIFEST).write_text(json.dumps(old))
    verify_vault(window, KEY, f"run:{WID}")  # still a valid vault
    with pytest.raises(VaultError, match="earlier hushbeam.*--overwrite"):
        window_store.verified_ledger(window_store.committed_windows(str(out)), str(vault),
                                     KEY, "run")
