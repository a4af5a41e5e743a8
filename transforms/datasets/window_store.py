"""The windowed dataset of a streaming job on storage (no pipeline code).

Layout (``<id>`` is the window's UTC start, e.g. ``20260301T100000Z``)::

    <output>/_job.json                       the job: run id, source, window size, key, policy
    <output>/window=<id>/part-SSSSS-of-NNNNN.parquet
    <output>/window=<id>/_summary.json       written last: the window's commit marker
    <vault>/window=<id>/{tokens,dead_letters,quarantine}/part-00000-of-00001.sealed.jsonl
    <vault>/window=<id>/_manifest.json, _recipient.pem

Each window directory is a dataset of the batch shape (and each vault window a batch
vault) whose run id is ``<job run id>:<window id>``: sealed lines of one window do not
open as another's. Late data (within the allowed lateness) adds
``part-SSSSS-of-NNNNN.late-<pane>.parquet`` and sealed files of the same suffix to its
window and rewrites the window's manifest and summary (counts added).

A window is committed when its ``_summary.json`` exists; only the files it lists are
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

from transforms.run_summary import SummaryFn
from transforms.datasets.vault import MANIFEST, file_entry, manifest_json

JOB = "_job.json"
SUMMARY = "_summary.json"
WINDOW_PREFIX = "window="
VAULT_FOLDERS = {"dead_letter": "dead_letters", "quarantine": "quarantine", "token": "tokens"}
_COUNTED = ("records_read", "records_written", "records_quarantined", "records_dead_lettered",
            "counts", "dead_letter_reasons", "quarantine_reasons", "sources")


def window_id(start_seconds: float) -> str:
    return datetime.datetime.fromtimestamp(int(start_seconds), datetime.timezone.utc).strftime(
        "%Y%m%dT%H%M%SZ")


def iso(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(float(seconds), datetime.timezone.utc).isoformat(
        ).replace("+00:00", "Z")


def window_dir(root: str, wid: str) -> str:
    return FileSystems.join(root, WINDOW_PREFIX + wid)


def unit_run_id(run_id: str, wid: str) -> str:
    return f"{run_id}:{wid}"


def part_name(shard: int, num_shards: int, suffix: str = "") -> str:
    return f"part-{shard:05d}-of-{num_shards:05d}{suffix}.parquet"


def sealed_name(kind: str, suffix: str = "") -> str:
    return f"{VAULT_FOLDERS[kind]}/part-00000-of-00001{suffix}.sealed.jsonl"


def pane_suffix(late: bool, index: int) -> str:
    return f".late-{index}" if late else ""


def read_json(path: str) -> Optional[dict]:
    if not FileSystems.exists(path):
        return None
    with FileSystems.open(path) as fh:
        return json.loads(fh.read())


def ensure_parent(path: str) -> None:
    """Local directories must exist before a rename; object stores have none."""
    if "://" not in path:
        os.makedirs(os.path.dirname(path), exist_ok=True)


def write_atomic(path: str, data: bytes) -> None:
    directory, name = FileSystems.split(path)
    temp = FileSystems.join(directory, f".{name}.tmp")
    with FileSystems.create(temp) as fh:
        fh.write(data)
    if FileSystems.exists(path):
        FileSystems.delete([path])
    FileSystems.rename([temp], [path])


def merged_counts(existing: Optional[dict], new_accumulators: List[dict]) -> dict:
    """The window's counts after this commit: the earlier commits' plus the new ones."""
    fn = SummaryFn(track_sources=True)
    accs = list(new_accumulators)
    if existing:
        accs.append({k: existing.get(k, fn.create_accumulator()[k]) for k in _COUNTED})
    return fn.extract_output(fn.merge_accumulators(accs or [fn.create_accumulator()]))


def write_manifest(vault_window: str, run_id: str, rel_paths: Iterable[str]) -> str:
    entries = []
    for rel in sorted(set(rel_paths)):
        with FileSystems.open(FileSystems.join(vault_window, rel)) as fh:
            entries.append(file_entry(rel, fh.read()))
    path = FileSystems.join(vault_window, MANIFEST)
    write_atomic(path, manifest_json(run_id, entries).encode())
    return path


# --- the job as a whole: committed windows, the ledger, recovery ---------------------

def _listing(pattern: str) -> List[str]:
    return [m.path for m in FileSystems.match([pattern])[0].metadata_list]


def committed_windows(output: str) -> Dict[str, dict]:
    """window id -> its summary, for every committed window under ``output``."""
    found = {}
    for path in _listing(FileSystems.join(output, WINDOW_PREFIX + "*", SUMMARY)):
        directory = FileSystems.split(path)[0]
        wid = FileSystems.split(directory)[1][len(WINDOW_PREFIX):]
        found[wid] = read_json(path)
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
                      if name.startswith(WINDOW_PREFIX))
    dirs = set()
    for pattern in ("*", ".*", "*/*", "*/.*"):
        for path in _listing(FileSystems.join(root, WINDOW_PREFIX + "*", pattern)):
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
            wid = name[len(WINDOW_PREFIX):]
            directory = FileSystems.join(root, name)
            summary = committed.get(wid)
            if summary is None:
                FileSystems.delete([directory])
                if not is_vault:
                    rolled_back.append(wid)
                continue
            keep = set(summary["vault_files"]) | {MANIFEST, "_recipient.pem"} if is_vault \
                else set(summary["files"]) | {SUMMARY}
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
