"""The windowed dataset of a streaming job on storage (no pipeline code).

Layout (names from layout.py; ``<w>`` is ``window_dirname(<id>)``, ``<id>`` the window's
UTC start, e.g. ``20260301T100000Z``)::

    <output>/JOB                        the job: run id, source, window size, key, policy
    <output>/<w>/part_name(...)         Parquet shards
    <output>/<w>/SUMMARY                written last: the window's commit marker
    <vault>/<w>/sealed_name(kind)       one sealed file per kind
    <vault>/<w>/MANIFEST, RECIPIENT

Each window directory is a dataset of the batch shape (and each vault window a batch
vault) whose run id is ``<job run id>:<window id>``: sealed lines of one window do not
open as another's. Late data (within the allowed lateness) adds parts and sealed files
with the pane's ``late_suffix`` to its window and rewrites the window's manifest and
summary (counts added).

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
from transforms.datasets.vault import file_entry, manifest_bytes


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


def write_manifest(vault_window: str, run_id: str, rel_paths: Iterable[str]) -> str:
    entries = []
    for rel in sorted(set(rel_paths)):
        with FileSystems.open(FileSystems.join(vault_window, rel)) as fh:
            entries.append(file_entry(rel, fh.read()))
    path = FileSystems.join(vault_window, layout.MANIFEST)
    write_any(path, manifest_bytes(run_id, entries))
    return path


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


def recover(output: str, vault_output: str) -> List[str]:
    """Remove what no committed window lists: interrupted commits and temporary files.

    Returns the window ids that were rolled back entirely (their sources are not in the
    ledger, so the restarted job reads them again).
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
                if is_vault else set(summary["files"]) | {layout.SUMMARY}
            stray = set()
            for pattern in (("_*", ".*", "*/*", "*/.*") if is_vault else ("*", ".*")):
                for path in _listing(FileSystems.join(directory, pattern)):
                    rel = path[len(directory):].lstrip("/")
                    if rel not in keep:
                        stray.add(path)
            if stray:
                FileSystems.delete(sorted(stray))
            if is_vault and stray:  # the manifest may name a file of the interrupted commit
                write_manifest(directory, summary["run_id"], summary["vault_files"])
    return sorted(rolled_back)
