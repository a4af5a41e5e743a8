"""The windowed dataset on disk: names, the ledger, recovery after an interrupted commit,
and window manifests that a commit re-writes only over what it verified."""
import json

import pyarrow as pa
import pyarrow.parquet as pq
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


# --- session 25: the window's parts and summary, bound into its manifest ------------------

PART, LATE_PART = "part-00000-of-00001.parquet", "part-00000-of-00001.late-1.parquet"


def _parquet(name: str) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table({"conversation_id": [name]}), sink)
    return sink.getvalue().to_pybytes()


def _bound_commit(out, vault, parts, vault_files, new_parts, new_vault_files, sources,
                  write_summary=True):
    """One commit as WriteWindows makes it: files in place, then the manifest binding the
    parts and the summary about to be written, then that summary."""
    data, vw = out / f"window={WID}", vault / f"window={WID}"
    data.mkdir(parents=True, exist_ok=True)
    vw.mkdir(parents=True, exist_ok=True)
    for name in new_parts:
        (data / name).write_bytes(_parquet(name))
    for name in new_vault_files:
        (vw / name).parent.mkdir(parents=True, exist_ok=True)
        (vw / name).write_text("sealed " + name + "\n")
    (vw / layout.RECIPIENT).write_bytes(RECIPIENT)
    existing, current = window_store.read_summary(str(data))
    made = {}

    def bind(old, generation):
        ledger = dict((existing or {}).get("sources") or {})
        for source, n in sources.items():
            ledger[source] = ledger.get(source, 0) + n
        made["bytes"] = layout.json_document({
            "run_id": f"run:{WID}", "files": sorted(parts), "vault_files": sorted(vault_files),
            "vault_generation": generation, "sources": ledger})
        return window_store.commit_binding(str(data), str(vw), f"run:{WID}", old, new_parts,
                                           current, made["bytes"])

    window_store.write_manifest(str(vw), f"run:{WID}", vault_files, KEY, sha256_hex(RECIPIENT),
                                new_files=new_vault_files, sources=sources, bind=bind)
    if write_summary:
        (data / layout.SUMMARY).write_bytes(made["bytes"])
    return data, vw


@pytest.fixture
def bound(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    data, vw = _bound_commit(out, vault, [PART], [TOKENS], [PART], [TOKENS], {"a": 1})
    return out, vault, data, vw


def _late_commit(bound, write_summary=True):
    out, vault, _, _ = bound
    return _bound_commit(out, vault, [PART, LATE_PART], [TOKENS], [LATE_PART], [], {"b": 2},
                         write_summary)


def test_a_commit_binds_every_part_and_the_summary_it_writes(bound):
    out, vault, data, vw = bound
    binding = load_manifest(vw)["dataset"]
    assert binding["parts"] == {PART: sha256_hex((data / PART).read_bytes())}
    assert binding["summary_sha256"] == sha256_hex((data / layout.SUMMARY).read_bytes())
    verify_vault(vw, KEY, f"run:{WID}", data)
    before = binding["summary_sha256"]
    _late_commit(bound)  # a late pane adds its part and binds the new summary
    binding = load_manifest(vw)["dataset"]
    assert set(binding["parts"]) == {PART, LATE_PART}
    assert binding["previous_summary_sha256"] == before
    verify_vault(vw, KEY, f"run:{WID}", data)


@pytest.mark.parametrize("tamper, message", [
    (lambda data: (data / PART).write_bytes(b"forged"), f"part {PART} .*does not match"),
    (lambda data: (data / "part-00000-of-00001.late-9.parquet").write_bytes(b"forged"),
     "part-00000-of-00001.late-9.parquet .*not in the vault's manifest"),
    (lambda data: (data / PART).unlink(), f"part {PART} .*is missing"),
    (lambda data: (data / layout.SUMMARY).write_text(
        (data / layout.SUMMARY).read_text().replace('"a": 1', '"a": 1, "x": 5')),
     "summary of .* is not the one"),
])
def test_a_late_commit_refuses_a_part_or_summary_changed_since_the_manifest(bound, tamper,
                                                                           message):
    """Before: a late pane re-wrote the manifest with the run id only, blessing whatever the
    window's directory held."""
    out, vault, data, vw = bound
    tamper(data)
    before = (vw / layout.MANIFEST).read_bytes()
    with pytest.raises(VaultError, match=message):
        _late_commit(bound)
    assert (vw / layout.MANIFEST).read_bytes() == before


def test_a_commit_repeated_after_an_interruption_binds_again(bound):
    """A retried bundle finds the manifest one commit ahead of the summary there."""
    out, vault, data, vw = bound
    _late_commit(bound, write_summary=False)  # interrupted before the summary
    _late_commit(bound)  # the retry
    verify_vault(vw, KEY, f"run:{WID}", data)


def test_recovery_rolls_back_a_late_commit_of_parts_only_and_binds_the_summary_again(bound):
    """Before: a late pane without sealed files left the manifest unchanged by recovery, its
    sources still counted (the restart then refused the window)."""
    out, vault, data, vw = bound
    committed = load_manifest(vw)["dataset"]
    _late_commit(bound, write_summary=False)  # killed between the manifest and the summary

    window_store.recover(str(out), str(vault), KEY)

    assert not (data / LATE_PART).exists()
    manifest = load_manifest(vw)
    assert manifest["dataset"]["parts"] == committed["parts"]
    assert manifest["dataset"]["summary_sha256"] == committed["summary_sha256"]
    assert manifest["sources"] == {"a": 1}  # the rolled-back pane's files are read again
    verify_vault(vw, KEY, f"run:{WID}", data)
    windows = window_store.committed_windows(str(out))
    assert window_store.verified_ledger(windows, str(vault), KEY, "run") == {"a"}


def test_recovery_never_binds_a_part_swapped_before_it_ran(bound):
    out, vault, data, vw = bound
    _late_commit(bound, write_summary=False)
    (data / PART).write_bytes(_parquet("forged"))
    window_store.recover(str(out), str(vault), KEY)
    with pytest.raises(VaultError, match=f"part {PART} .*does not match"):
        verify_vault(vw, KEY, f"run:{WID}", data)


def test_recovery_refuses_an_edited_summary_and_removes_nothing(bound):
    out, vault, data, vw = bound
    _late_commit(bound, write_summary=False)
    summary = json.loads((data / layout.SUMMARY).read_text())
    (data / layout.SUMMARY).write_text(json.dumps(dict(summary, files=[])))
    with pytest.raises(VaultError, match=f"summary of window={WID} .*refusing to recover"):
        window_store.recover(str(out), str(vault), KEY)
    assert (data / LATE_PART).exists() and (data / PART).exists()


def test_a_window_committed_before_parts_were_bound_is_read_with_a_warning_then_bound(
        tmp_path, caplog):
    """Decided: an older job's window (its manifest records run id and sources only) stays
    readable with the batch warning; the next late pane binds its parts as it finds them."""
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _commit(out, vault, WID, [PART], [TOKENS], {"a": 1}, 1.0)
    data, vw = out / f"window={WID}", vault / f"window={WID}"
    (data / PART).write_bytes(_parquet(PART))
    with caplog.at_level("WARNING", logger="hushbeam"):
        verify_vault(vw, KEY, f"run:{WID}", data)
    assert "checked by run id only" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="hushbeam"):
        _bound_commit(out, vault, [PART, LATE_PART], [TOKENS], [LATE_PART], [], {"b": 2})
    assert "bound as they are now" in caplog.text
    assert set(load_manifest(vw)["dataset"]["parts"]) == {PART, LATE_PART}
    verify_vault(vw, KEY, f"run:{WID}", data)


def test_recovery_rolls_back_a_second_interrupted_commit_after_an_earlier_recovery(bound):
    """A recovery re-writes the manifest one generation on while the summary stays: the
    next commit interrupted between its manifest and its summary is still one commit (by
    the summary digest the manifest binds) ahead, and recovered, not refused."""
    out, vault, data, vw = bound
    committed = load_manifest(vw)["dataset"]
    _late_commit(bound, write_summary=False)
    window_store.recover(str(out), str(vault), KEY)
    _late_commit(bound, write_summary=False)  # the restarted job's late pane, killed again

    window_store.recover(str(out), str(vault), KEY)

    assert not (data / LATE_PART).exists()
    assert load_manifest(vw)["dataset"]["summary_sha256"] == committed["summary_sha256"]
    verify_vault(vw, KEY, f"run:{WID}", data)


def test_recovery_after_a_stray_temporary_file_still_rolls_back_the_next_commit(bound):
    """Stray temporary files alone make recovery re-write the manifest (a generation on)."""
    out, vault, data, vw = bound
    (vw / ".tmp-manifest.json").write_text("half")
    window_store.recover(str(out), str(vault), KEY)
    _late_commit(bound, write_summary=False)

    window_store.recover(str(out), str(vault), KEY)

    assert not (data / LATE_PART).exists()
    verify_vault(vw, KEY, f"run:{WID}", data)


def _unbound_window_recovered_once(tmp_path):
    """A window an earlier hushbeam committed (its manifest binds no summary), whose
    manifest a recovery then re-wrote a generation on (a stray temporary file)."""
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _commit(out, vault, WID, [PART], [TOKENS], {"a": 1}, 1.0)
    data, vw = out / f"window={WID}", vault / f"window={WID}"
    (data / PART).write_bytes(_parquet(PART))
    (vw / ".tmp-manifest.json").write_text("half")
    window_store.recover(str(out), str(vault), KEY)
    assert load_manifest(vw)["generation"] == 1
    assert json.loads((data / layout.SUMMARY).read_text())["vault_generation"] == 0
    return out, vault, data, vw


def test_recovery_of_an_unbound_window_rolls_back_a_commit_after_an_earlier_recovery(
        tmp_path):
    """Review mend25a: the older path (a manifest binding no summary) asked for generation
    + 1, so an interrupted commit after a recovery's re-write was refused, not recovered."""
    out, vault, data, vw = _unbound_window_recovered_once(tmp_path)
    (vw / LATE).write_text("late\n")  # an earlier hushbeam's late pane, killed before its summary
    window_store.write_manifest(str(vw), f"run:{WID}", [TOKENS, LATE], KEY, new_files=[LATE],
                                sources={"b": 2})

    window_store.recover(str(out), str(vault), KEY)

    assert not (vw / LATE).exists()
    assert set(load_manifest(vw)["files"]) == {TOKENS}
    assert load_manifest(vw)["sources"] == {"a": 1}
    verify_vault(vw, KEY, f"run:{WID}", data)


def test_a_bound_commit_on_an_unbound_window_after_a_recovery_is_rolled_back(tmp_path):
    out, vault, data, vw = _unbound_window_recovered_once(tmp_path)
    _bound_commit(out, vault, [PART, LATE_PART], [TOKENS, LATE], [LATE_PART], [LATE],
                  {"b": 2}, write_summary=False)

    window_store.recover(str(out), str(vault), KEY)

    assert not (data / LATE_PART).exists() and not (vw / LATE).exists()
    verify_vault(vw, KEY, f"run:{WID}", data)


def test_recovery_of_an_unbound_window_refuses_a_summary_two_commits_behind(tmp_path):
    """Two commits after the summary (an older summary put back): nothing is removed."""
    out, vault, data, vw = _unbound_window_recovered_once(tmp_path)
    late_2 = LATE.replace("late-1", "late-2")
    for name in (LATE, late_2):
        (vw / name).write_text("late\n")
        listed = set(load_manifest(vw)["files"]) | {name}
        window_store.write_manifest(str(vw), f"run:{WID}", sorted(listed), KEY,
                                    new_files=[name], sources={name: 1})

    with pytest.raises(VaultError, match="refusing to recover"):
        window_store.recover(str(out), str(vault), KEY)
    assert (vw / LATE).exists() and (vw / late_2).exists()


def test_recovery_renders_the_report_of_the_summary_it_keeps_over_a_rolled_back_panes(bound):
    """Review mend25a: a commit writes the window's report just before its summary, so one
    interrupted between the two left the report of the pane recovery rolled back (its
    counts)."""
    from transforms.datasets.report_files import report_documents, write_report

    out, vault, data, vw = bound
    committed = json.loads((data / layout.SUMMARY).read_text())
    write_report(str(data), committed)
    _late_commit(bound, write_summary=False)
    write_report(str(data), dict(committed, records_read=99, late_panes=1))  # the late pane's

    window_store.recover(str(out), str(vault), KEY)

    for name, document in report_documents(committed).items():
        assert (data / name).read_bytes() == document
