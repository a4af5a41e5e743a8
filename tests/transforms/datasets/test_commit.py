"""The commit protocol: a dataset and its vault switch together, and an interruption after
any single file operation leaves, once recovered, the previous state or the new one."""
import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest

from transforms.datasets import commit, layout

OLD_DATA = {"part-00000-of-00002.parquet": b"old rows 0", "part-00001-of-00002.parquet":
            b"old rows 1", "_summary.json": b'{"run_id": "old"}'}
OLD_VAULT = {"tokens/part-00000-of-00002.sealed.jsonl": b"old tokens 0\n",
             "tokens/part-00001-of-00002.sealed.jsonl": b"old tokens 1\n",
             "_manifest.json": b'{"run_id": "old"}', "_recipient.pem": b"pem"}
NEW_DATA = {"part-00000-of-00001.parquet": b"new rows", "_summary.json": b'{"run_id": "new"}'}
NEW_VAULT = {"tokens/part-00000-of-00001.sealed.jsonl": b"new tokens\n",
             "dead_letters/part-00000-of-00001.sealed.jsonl": b"new letter\n",
             "_manifest.json": b'{"run_id": "new"}', "_recipient.pem": b"pem"}
KEPT_DATA = {"_erasures/erasure-1.json": b"{}"}  # not a run's output: never touched
KEPT_VAULT = {"_audit.jsonl": b"entry\n", "_audit.jsonl.head": b"head\n"}
RETIRE = (layout.DATASET_OUTPUTS, layout.VAULT_OUTPUTS)


class Killed(BaseException):
    """Stands for kill -9: nothing in the code under test catches it."""


def _write(root: Path, files: dict) -> None:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def _visible(root: Path) -> dict:
    """What a reader sees: every file whose path has no hidden component (the journal is
    looked at on its own)."""
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if path.is_file() and not any(p.startswith(".") for p in rel.parts) and (
                str(rel) != layout.COMMIT_JOURNAL):
            found[str(rel)] = path.read_bytes()
    return found


def _hidden(root: Path) -> list:
    return sorted(p.name for p in root.iterdir()
                  if p.name.startswith(".") and p.name != layout.COMMIT_LOCK)


@pytest.fixture
def dirs(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _write(out, {**OLD_DATA, **KEPT_DATA})
    _write(vault, {**OLD_VAULT, **KEPT_VAULT})
    return out, vault


def _stage(out: Path, vault: Path, txn: str = "new") -> None:
    _write(Path(commit.staging_dir(str(out), txn)), NEW_DATA)
    _write(Path(commit.staging_dir(str(vault), txn)), NEW_VAULT)


OLD = ({**OLD_DATA, **KEPT_DATA}, {**OLD_VAULT, **KEPT_VAULT})
NEW = ({**NEW_DATA, **KEPT_DATA}, {**NEW_VAULT, **KEPT_VAULT})


def test_a_commit_replaces_the_previous_run_and_keeps_what_is_not_a_runs_output(dirs):
    out, vault = dirs
    _stage(out, vault)
    assert (_visible(out), _visible(vault)) == OLD  # staged: out of sight
    journal = commit.commit(str(out), str(vault), "new", RETIRE)
    assert (_visible(out), _visible(vault)) == NEW
    assert sorted(journal["retire"]["dataset"]) == ["part-00000-of-00002.parquet",
                                                    "part-00001-of-00002.parquet"]
    assert _hidden(out) == [] and _hidden(vault) == []  # no journal, no staging left


def test_staging_is_never_matched_by_the_dataset_or_vault_globs(dirs):
    out, vault = dirs
    _stage(out, vault)
    assert commit.visible_files(str(out), layout.DATASET_OUTPUTS) == sorted(OLD_DATA)
    assert sorted(p.name for p in out.glob(layout.PART_GLOB)) == [
        "part-00000-of-00002.parquet", "part-00001-of-00002.parquet"]
    assert all(".hushbeam-staging" not in str(p.relative_to(vault))
               for p in vault.glob(layout.ALL_SEALED_GLOB))


class _Interrupt:
    """Counts renames and removals; raises Killed right after the ``at``-th one."""

    def __init__(self, at=None):
        self.at, self.count = at, 0
        self._replace, self._unlink = os.replace, os.unlink

    def _step(self):
        self.count += 1
        if self.count == self.at:
            raise Killed()

    def replace(self, *args, **kwargs):
        self._replace(*args, **kwargs)
        self._step()

    def unlink(self, *args, **kwargs):
        self._unlink(*args, **kwargs)
        self._step()

    @contextlib.contextmanager
    def installed(self):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, "replace", self.replace)
            patch.setattr(os, "unlink", self.unlink)
            yield self


def _operations_of_a_commit(tmp_path) -> int:
    out, vault = tmp_path / "count" / "out", tmp_path / "count" / "out.vault"
    _write(out, OLD_DATA)
    _write(vault, OLD_VAULT)
    _stage(out, vault)
    with _Interrupt().installed() as counter:
        commit.commit(str(out), str(vault), "new", RETIRE)
    return counter.count


def test_an_interruption_after_any_operation_leaves_the_old_or_the_new_state(tmp_path):
    total = _operations_of_a_commit(tmp_path)
    assert total >= 10
    outcomes = []
    for at in range(1, total + 1):
        out, vault = tmp_path / str(at) / "out", tmp_path / str(at) / "out.vault"
        _write(out, {**OLD_DATA, **KEPT_DATA})
        _write(vault, {**OLD_VAULT, **KEPT_VAULT})
        _stage(out, vault)
        with pytest.raises(Killed), _Interrupt(at).installed():
            commit.commit(str(out), str(vault), "new", RETIRE)
        seen = (_visible(out), _visible(vault))
        journal = (out / layout.COMMIT_JOURNAL).exists()
        if not journal:  # outside the switch itself: exactly one of the two states
            assert seen in (OLD, NEW), at
        summary = seen[0].get("_summary.json")
        if summary is not None:  # a visible summary always describes the visible parts
            parts = sorted(r for r in seen[0] if r.startswith("part-"))
            assert parts == sorted(r for r in (OLD_DATA if b"old" in summary else NEW_DATA)
                                   if r.startswith("part-")), at
        commit.recover(str(out), str(vault))
        state = (_visible(out), _visible(vault))
        assert state in (OLD, NEW), at
        assert _hidden(out) == [] and _hidden(vault) == [], at
        outcomes.append("new" if state == NEW else "old")
    # Before the dataset's journal (the commit point): old; from it on: new.
    assert outcomes[0] == "old" and outcomes[1:] == ["new"] * (total - 1)


def test_a_vault_journal_without_the_dataset_journal_is_rolled_back(dirs):
    out, vault = dirs
    _stage(out, vault)
    with pytest.raises(Killed), _Interrupt(1).installed():
        commit.commit(str(out), str(vault), "new", RETIRE)
    assert (vault / layout.COMMIT_JOURNAL).exists()
    assert commit.recover_vault(str(vault))  # a command given only the vault
    assert (_visible(out), _visible(vault)) == OLD
    assert _hidden(out) == [] and _hidden(vault) == []


def test_a_command_given_only_the_vault_completes_an_interrupted_commit(dirs):
    out, vault = dirs
    _stage(out, vault)
    with pytest.raises(Killed), _Interrupt(4).installed():
        commit.commit(str(out), str(vault), "new", RETIRE)
    commit.recover_vault(str(vault))
    assert (_visible(out), _visible(vault)) == NEW


def test_a_live_writers_staging_is_kept_and_a_dead_ones_removed(dirs):
    out, vault = dirs
    _stage(out, vault, "dead")
    with commit.Staging(str(out), str(vault), "live") as live:
        _write(Path(live.dataset_dir), NEW_DATA)
        done = commit.recover(str(out), str(vault))
        assert any("dead" in line for line in done)
        assert Path(live.dataset_dir).exists() and not Path(
            commit.staging_dir(str(out), "dead")).exists()
    assert _hidden(out) == []  # the writer ended without committing: its staging goes


def test_a_failed_writer_leaves_the_previous_state_and_no_staging(dirs):
    out, vault = dirs
    with pytest.raises(ZeroDivisionError):
        with commit.Staging(str(out), str(vault), "failing") as staging:
            _write(Path(staging.dataset_dir), NEW_DATA)
            _write(Path(staging.vault_dir), NEW_VAULT)
            1 / 0
    assert (_visible(out), _visible(vault)) == OLD
    assert _hidden(out) == [] and _hidden(vault) == []


def test_a_journal_that_points_outside_its_directories_is_refused(dirs, tmp_path):
    out, vault = dirs
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    journal = {"v": 1, "txn": "evil", "dataset": str(out), "vault": str(vault),
               "files": {"dataset": {}}, "retire": {"dataset": ["../victim.txt"]}}
    (out / layout.COMMIT_JOURNAL).write_text(json.dumps(journal))
    with pytest.raises(commit.CommitError, match="not a valid commit journal"):
        commit.recover(str(out), str(vault))
    assert victim.read_text() == "keep me" and (_visible(out), _visible(vault)) == OLD


def test_a_planted_journal_cannot_touch_a_vault_that_did_not_write_its_own(dirs, tmp_path):
    out, vault = dirs
    other = tmp_path / "someone-elses"
    _write(other, {"_manifest.json": b"theirs", ".hushbeam-staging-evil/x": b"theirs"})
    journal = {"v": 1, "txn": "evil", "dataset": str(out), "vault": str(other),
               "files": {"dataset": {}, "vault": {"_manifest.json": 6}},
               "retire": {"dataset": [], "vault": ["_manifest.json"]}}
    (out / layout.COMMIT_JOURNAL).write_text(json.dumps(journal))
    commit.recover(str(out), None)
    assert (other / "_manifest.json").read_bytes() == b"theirs"
    assert (other / ".hushbeam-staging-evil" / "x").exists()
    assert (_visible(out), _visible(vault)) == OLD


def test_a_commit_without_a_staged_summary_is_refused(dirs):
    out, vault = dirs
    _write(Path(commit.staging_dir(str(out), "new")), {"part-00000-of-00001.parquet": b"x"})
    with pytest.raises(commit.CommitError, match="staged no _summary.json"):
        commit.commit(str(out), str(vault), "new", RETIRE)
    assert (_visible(out), _visible(vault)) == OLD


def test_recovery_of_a_dataset_with_nothing_to_do_takes_no_lock(tmp_path):
    out = tmp_path / "read-only"
    _write(out, OLD_DATA)
    assert commit.recover(str(out), None) == []
    assert not (out / layout.COMMIT_LOCK).exists()


def test_staged_files_skip_temporary_names(tmp_path):
    stage = tmp_path / "stage"
    _write(stage, {"part-00000-of-00001.parquet": b"x", ".part.tmp": b"y",
                   "beam-temp-part-1/a.parquet": b"z", "tokens/part.sealed.jsonl": b"w"})
    assert commit.staged_files(str(stage)) == {"part-00000-of-00001.parquet": 1,
                                               "tokens/part.sealed.jsonl": 1}
    shutil.rmtree(stage)


ARCHIVED = "_audit-old.jsonl"
NEW_HEAD = json.dumps({"anchor": {"run": "new", "previous": {
    "archived_as": ARCHIVED, "run": "old"}}}).encode()


def _stage_with_audit(out: Path, vault: Path) -> None:
    _stage(out, vault)
    _write(Path(commit.staging_dir(str(vault), "new")), {
        "_audit.jsonl.head": NEW_HEAD, "_audit.jsonl.lock": b""})


def test_a_commit_bringing_a_new_audit_log_archives_the_earlier_one(dirs):
    out, vault = dirs
    _stage_with_audit(out, vault)
    journal = commit.commit(str(out), str(vault), "new", RETIRE)
    assert "_audit.jsonl.lock" not in journal["files"]["vault"]  # a lock never moves
    seen = _visible(vault)
    assert seen[ARCHIVED] == b"entry\n" and seen[ARCHIVED + ".head"] == b"head\n"
    assert seen["_audit.jsonl.head"] == NEW_HEAD and "_audit.jsonl" not in seen


def test_an_interrupted_commit_never_loses_the_earlier_audit_log(tmp_path):
    for at in range(1, 30):
        out, vault = tmp_path / str(at) / "out", tmp_path / str(at) / "out.vault"
        _write(out, {**OLD_DATA, **KEPT_DATA})
        _write(vault, {**OLD_VAULT, **KEPT_VAULT})
        _stage_with_audit(out, vault)
        try:
            with _Interrupt(at).installed():
                commit.commit(str(out), str(vault), "new", RETIRE)
        except Killed:
            pass
        commit.recover(str(out), str(vault))
        seen = _visible(vault)
        if seen.get("_manifest.json") == b'{"run_id": "old"}':
            assert seen["_audit.jsonl"] == b"entry\n", at
        else:
            assert seen[ARCHIVED] == b"entry\n" and seen[ARCHIVED + ".head"] == b"head\n", at
            assert seen["_audit.jsonl.head"] == NEW_HEAD, at
