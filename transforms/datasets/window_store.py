"""The windowed dataset of a streaming job on storage (no pipeline code).

Layout (names from layout.py; ``<w>`` is ``window_dirname(<id>)``, ``<id>`` the window's
UTC start, e.g. ``20260301T100000Z``)::

    <output>/JOB                        the job: run id, source, window size, key, policy
    <output>/<w>/part_name(...)         Parquet shards
    <output>/<w>/SUMMARY                written last: the window's commit marker
    <output>/<w>/REPORTS                the window's report, written just before it
    <vault>/<w>/sealed_name(kind)       one sealed file per kind
    <vault>/<w>/MANIFEST, RECIPIENT

Each window directory is a dataset of the batch shape (and each vault window a batch
vault) whose run id is ``<job run id>:<window id>``: sealed lines of one window do not
open as another's. Late data (within the allowed lateness) adds parts and sealed files
with the pane's ``late_suffix`` to its window and rewrites the window's manifest and
summary (counts added).

Window manifests are authenticated like batch ones (vault.py). A commit re-writes the
window's manifest only after verifying the one there: every file it listed must be
unchanged and stay listed, and only the files of this commit are added, so a late pane
never blesses a file someone put or changed in the vault in between.

A window is committed when its summary exists; only the files it lists are
part of the dataset. :func:`recover` removes everything else (an interrupted commit,
temporary files) before a job starts again, and :func:`ledger` lists the sources the
committed windows hold, so a restarted job skips them.
"""
from __future__ import annotations

import datetime
import json
import os
from typing import Dict, Iterable, List, Optional

from apache_beam.io.filesystems import FileSystems

from transforms.core import summary_counts
from transforms.datasets import layout
from transforms.datasets.atomic import write_any
from transforms.datasets.vault import (VaultError, VaultKey, check_manifest, file_entry,
                                       parse_manifest, signed_manifest)


def window_id(start_seconds: float) -> str:
    return datetime.datetime.fromtimestamp(int(start_seconds), datetime.timezone.utc).strftime(
        "%Y%m%dT%H%M%SZ")


def iso(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(float(seconds), datetime.timezone.utc).isoformat(
        ).replace("+00:00", "Z")


def window_dir(root: str, wid: str) -> str:
    return FileSystems.join(root, layout.window_dirname(wid))


def unit_run_id(run_id: str, wid: str) -> str:
    return f"{run_id}:{wid}"


def pane_suffix(late: bool, index: int) -> str:
    return layout.late_suffix(index) if late else ""


def read_json(path: str) -> Optional[dict]:
    if not FileSystems.exists(path):
        return None
    with FileSystems.open(path) as fh:
        return json.loads(fh.read())


def ensure_parent(path: str) -> None:
    """Local directories must exist before a rename; object stores have none."""
    if "://" not in path:
        os.makedirs(os.path.dirname(path), exist_ok=True)


def merged_counts(existing: Optional[dict], new_accumulators: List[dict]) -> dict:
    """The window's counts after this commit: the earlier commits' plus the new ones."""
    accs = list(new_accumulators)
    if existing:
        accs.append(summary_counts.counted(existing))
    return summary_counts.finished(summary_counts.merge(accs, track_sources=True))


def read_manifest(vault_window: str, key: VaultKey) -> Optional[dict]:
    """The window's manifest, verified (MAC and key); None if there is none yet."""
    path = FileSystems.join(vault_window, layout.MANIFEST)
    if not FileSystems.exists(path):
        return None
    with FileSystems.open(path) as fh:
        return check_manifest(parse_manifest(fh.read(), path), key, path)


def write_manifest(vault_window: str, run_id: str, rel_paths: Iterable[str], key: VaultKey,
                   recipient_sha256: Optional[str] = None, new_files: Iterable[str] = (),
                   drop: Iterable[str] = ()) -> tuple:
    """Write the window's manifest listing ``rel_paths``; returns its path and generation.

    The first manifest of a window lists ``new_files`` (all of ``rel_paths``) and needs
    ``recipient_sha256``. A later one verifies the manifest there first: each file it
    listed must hash as recorded and stay listed (unless named in ``drop``, which
    :func:`recover` uses for the files of an interrupted commit), the recipient stays,
    and a file it did not list is accepted only if named in ``new_files``. Raises
    VaultError otherwise.
    """
    old = read_manifest(vault_window, key)
    wanted, new_files, drop = set(rel_paths), set(new_files), set(drop)
    if old is None:
        if recipient_sha256 is None:
            raise VaultError(f"vault window {vault_window} has no manifest to carry over")
        generation, listed = 0, {}
    else:
        if old["run_id"] != run_id:
            raise VaultError(f"vault window {vault_window} belongs to run {old['run_id']}, "
                             f"not {run_id}")
        if recipient_sha256 is not None and recipient_sha256 != old["recipient_sha256"]:
            raise VaultError(f"vault window {vault_window} is sealed to another recipient")
        recipient_sha256, generation = old["recipient_sha256"], int(old["generation"]) + 1
        listed = old["files"]
        kept = set(listed) - drop
        if kept - wanted:
            raise VaultError(f"vault window {vault_window}: a commit would unlist "
                             f"{sorted(kept - wanted)[0]}, which its manifest lists")
        wanted |= kept
    files = {}
    for rel in sorted(wanted):
        with FileSystems.open(FileSystems.join(vault_window, rel)) as fh:
            entry = file_entry(rel, fh.read())
        if rel in listed:
            if (entry.sha256, entry.lines) != (listed[rel]["sha256"], listed[rel]["lines"]):
                raise VaultError(f"vault file {rel} of window {vault_window} was altered "
                                 "since its manifest was written")
        elif rel not in new_files:
            raise VaultError(f"vault file {rel} of window {vault_window} is not in its "
                             "manifest and not part of this commit")
        files[rel] = {"sha256": entry.sha256, "lines": entry.lines}
    path = FileSystems.join(vault_window, layout.MANIFEST)
    write_any(path, layout.json_document(signed_manifest(
        key, run_id, files, recipient_sha256, {"run_id": run_id}, generation)))
    return path, generation


# --- the job as a whole: committed windows, the ledger, recovery ---------------------

def _listing(pattern: str) -> List[str]:
    return [m.path for m in FileSystems.match([pattern])[0].metadata_list]


def committed_windows(output: str) -> Dict[str, dict]:
    """window id -> its summary, for every committed window under ``output``."""
    found = {}
    for path in _listing(FileSystems.join(output, layout.in_every_window(layout.SUMMARY))):
        directory = FileSystems.split(path)[0]
        found[layout.window_id_of(FileSystems.split(directory)[1])] = read_json(path)
    return found


def ledger(windows: Dict[str, dict]) -> frozenset:
    """Every source (file path) whose items are in a committed window."""
    return frozenset(s for summary in windows.values() for s in summary.get("sources", {}))


def committed_until(windows: Dict[str, dict]) -> float:
    """End of the latest committed window (seconds), 0 if none."""
    return max((summary["window"]["end_seconds"] for summary in windows.values()), default=0.0)


def _window_dirs(root: str) -> List[str]:
    if "://" not in root:  # local: also the empty directories a listing of files misses
        return sorted(name for name in (os.listdir(root) if os.path.isdir(root) else [])
                      if layout.window_id_of(name) is not None)
    dirs = set()
    for pattern in ("*", ".*", "*/*", "*/.*"):
        for path in _listing(FileSystems.join(root, layout.WINDOW_GLOB, pattern)):
            rel = path[len(root):].lstrip("/")
            dirs.add(rel.split("/", 1)[0])
    return sorted(dirs)


def recover(output: str, vault_output: str, key: VaultKey) -> List[str]:
    """Remove what no committed window lists: interrupted commits and temporary files.

    A committed window's vault manifest is verified before it is re-written without the
    files of an interrupted commit (VaultError if it does not verify). Returns the window
    ids that were rolled back entirely (their sources are not in the ledger, so the
    restarted job reads them again).
    """
    rolled_back = []
    committed = committed_windows(output)
    for root, is_vault in ((output, False), (vault_output, True)):
        for name in _window_dirs(root):
            wid = layout.window_id_of(name)
            directory = FileSystems.join(root, name)
            summary = committed.get(wid)
            if summary is None:
                FileSystems.delete([directory])
                if not is_vault:
                    rolled_back.append(wid)
                continue
            keep = set(summary["vault_files"]) | {layout.MANIFEST, layout.RECIPIENT} \
                if is_vault else set(summary["files"]) | {layout.SUMMARY, *layout.REPORTS}
            if is_vault:
                _check_one_commit_ahead(directory, summary, key)
            stray = set()
            for pattern in (("_*", ".*", "*/*", "*/.*") if is_vault else ("*", ".*")):
                for path in _listing(FileSystems.join(directory, pattern)):
                    rel = path[len(directory):].lstrip("/")
                    if rel not in keep:
                        stray.add(path)
            if stray:
                FileSystems.delete(sorted(stray))
            if is_vault and stray:  # the manifest may name a file of the interrupted commit
                gone = {path[len(directory):].lstrip("/") for path in stray}
                write_manifest(directory, summary["run_id"], summary["vault_files"], key,
                               drop=gone)
    return sorted(rolled_back)


def _check_one_commit_ahead(vault_window: str, summary: dict, key: VaultKey) -> None:
    """Before recovery removes files the window's manifest lists but its summary does not:
    the manifest must verify and be exactly one commit ahead of the summary (a commit
    interrupted between the two), or nothing is removed."""
    manifest = read_manifest(vault_window, key)
    if manifest is None:
        return
    unlisted = set(manifest["files"]) - set(summary["vault_files"])
    if unlisted and int(manifest["generation"]) != int(
            summary.get("vault_generation", -2)) + 1:
        raise VaultError(f"vault window {vault_window}: its manifest lists files its summary "
                         "does not and is not one commit ahead of it (the summary or the "
                         "vault was changed); refusing to recover it")
