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

Window manifests are authenticated like batch ones (vault.py), and bind the window's
dataset the same way: the SHA-256 of every part and of the summary (:func:`commit_binding`;
the commit builds the summary before the manifest, so one manifest write binds both). A
commit re-writes the window's manifest only after verifying the one there: every file it
listed (sealed file or part) must be unchanged and stay listed, the summary must be the
one it recorded, and only the files of this commit are added, so a late pane never blesses
a file someone put or changed in the vault or the dataset in between.

A window is committed when its summary exists; only the files it lists are
part of the dataset. :func:`recover` removes everything else (an interrupted commit,
temporary files) before a job starts again, and :func:`verified_ledger` lists the sources
the committed windows hold, so a restarted job skips them. The sources are those the
windows' authenticated manifests record, not the summaries' (which anyone who can write the
dataset can edit): a summary that disagrees with its manifest stops the restart.
"""
from __future__ import annotations

import datetime
import json
import logging
import os
from typing import Callable, Dict, Iterable, List, Optional

from apache_beam.io.filesystems import FileSystems

from transforms.core import summary_counts
from transforms.datasets import layout
from transforms.datasets.atomic import write_any
from transforms.datasets.report_files import report_documents
from transforms.datasets.vault import (VaultError, VaultKey, check_digests, check_manifest,
                                       file_entry, is_bound, parse_manifest, sha256_hex,
                                       signed_manifest)

_LOG = logging.getLogger("hushbeam")


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
                   drop: Iterable[str] = (), sources: Optional[Dict[str, int]] = None,
                   bind: Optional[Callable[[Optional[dict], int], dict]] = None,
                   rolled_back: Optional[bool] = None) -> tuple:
    """Write the window's manifest listing ``rel_paths``; returns its path and generation.

    The first manifest of a window lists ``new_files`` (all of ``rel_paths``) and needs
    ``recipient_sha256``. A later one verifies the manifest there first: each file it
    listed must hash as recorded and stay listed (unless named in ``drop``, which
    :func:`recover` uses for the files of an interrupted commit), the recipient stays,
    and a file it did not list is accepted only if named in ``new_files``. Raises
    VaultError otherwise.

    ``sources`` (input file -> items) are those of this commit: the manifest records them
    added to the ones it recorded, the authenticated ledger of the window. A recovery that
    drops files the manifest listed rolls its latest commit back, sources included
    (``rolled_back`` says so explicitly: a commit may have added parts but no sealed file).

    ``bind(old manifest or None, new generation)`` returns what the manifest records of the
    window's dataset (:func:`commit_binding`, :func:`rolled_back_binding`); without it the
    old manifest's record is carried over (``{"run_id": run_id}`` for a first one).
    """
    old = read_manifest(vault_window, key)
    wanted, new_files, drop = set(rel_paths), set(new_files), set(drop)
    if old is None:
        if recipient_sha256 is None:
            raise VaultError(f"vault window {vault_window} has no manifest to carry over")
        generation, listed = 0, {}
        ledger = dict(sources) if sources is not None else None
    else:
        if old["run_id"] != run_id:
            raise VaultError(f"vault window {vault_window} belongs to run {old['run_id']}, "
                             f"not {run_id}")
        if recipient_sha256 is not None and recipient_sha256 != old["recipient_sha256"]:
            raise VaultError(f"vault window {vault_window} is sealed to another recipient")
        recipient_sha256, generation = old["recipient_sha256"], int(old["generation"]) + 1
        listed = old["files"]
        ledger = _carried_sources(old, sources, rolled_back=bool(drop & set(listed))
                                  if rolled_back is None else rolled_back)
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
    if bind is not None:
        binding = bind(old, generation)
    else:
        binding = dict(old["dataset"]) if old is not None else {"run_id": run_id}
    path = FileSystems.join(vault_window, layout.MANIFEST)
    write_any(path, layout.json_document(signed_manifest(
        key, run_id, files, recipient_sha256, binding, generation, ledger,
        sources)))
    return path, generation


# --- the window's dataset, bound into its manifest ----------------------------------------

def _read_bytes(path: str) -> Optional[bytes]:
    if not FileSystems.exists(path):
        return None
    with FileSystems.open(path) as fh:
        return fh.read()


def _part_digests(data_window: str) -> Dict[str, str]:
    """Part name -> SHA-256 of every Parquet part in the window's directory."""
    return {FileSystems.split(path)[1]: sha256_hex(_read_bytes(path) or b"")
            for path in _listing(FileSystems.join(data_window, layout.PART_GLOB))}


def read_summary(data_window: str) -> tuple:
    """(summary, its bytes) of a window, read once; (None, None) if it has none."""
    data = _read_bytes(FileSystems.join(data_window, layout.SUMMARY))
    return (json.loads(data), data) if data is not None else (None, None)


def commit_binding(data_window: str, vault_window: str, run_id: str, old: Optional[dict],
                   new_parts: Iterable[str], current: Optional[bytes],
                   summary_bytes: bytes) -> dict:
    """What a window commit's manifest records of the window's dataset: every part's
    SHA-256, the SHA-256 of the summary the commit is about to write (``summary_bytes``),
    and of the summary there now (``current``, as the commit read it:
    ``previous_summary_sha256``, what a recovery of an interrupted commit puts back).

    The dataset is checked against the manifest there first (as its sealed files are in
    :func:`write_manifest`): every part it recorded must be unchanged and still there,
    unless this commit writes it (``new_parts``), no other part may have appeared, and
    the summary must be the one it recorded (or the one before, when this commit repeats
    an interrupted one). So a late pane never blesses a part or summary someone changed
    in between; VaultError names the file. A window whose manifest records no parts (an
    earlier hushbeam) has its parts bound as they are, with a warning."""
    new_parts = set(new_parts)
    digests = _part_digests(data_window)
    current_sha = sha256_hex(current) if current is not None else None
    recorded = (old or {}).get("dataset") or {}
    if old is not None and is_bound(recorded):
        check_digests(recorded, vault_window, data_window, digests, current_sha, new_parts,
                      summaries=(recorded.get("summary_sha256"),
                                 recorded.get("previous_summary_sha256")))
    elif old is not None:
        _LOG.warning("window %s was committed by an earlier hushbeam whose manifest records "
                     "no digest of its parts: its parts are bound as they are now",
                     FileSystems.split(data_window.rstrip("/"))[1])
    missing = new_parts - set(digests)
    if missing:
        raise VaultError(f"part {sorted(missing)[0]} of {data_window}, written by this commit, "
                         "is missing")
    return {"run_id": run_id, "parts": dict(sorted(digests.items())),
            "summary_sha256": sha256_hex(summary_bytes),
            "previous_summary_sha256": current_sha}


def rolled_back_binding(manifest: dict, summary: dict, summary_sha256: str,
                        where: str) -> dict:
    """The record of the window's dataset once recovery rolls an interrupted commit back:
    the parts the summary lists, with the digests the verified ``manifest`` recorded
    (never re-hashed: a part swapped meanwhile stays refused), and that summary."""
    recorded = manifest["dataset"].get("parts") or {}
    unknown = sorted(set(summary.get("files") or []) - set(recorded))
    if unknown:
        raise VaultError(f"the summary of {where} lists part {unknown[0]}, which its vault "
                         "manifest does not record (the summary was edited); refusing to "
                         "recover it")
    return {"run_id": manifest["dataset"]["run_id"],
            "parts": {name: recorded[name] for name in sorted(summary["files"])},
            "summary_sha256": summary_sha256}


def _carried_sources(old: dict, added: Optional[Dict[str, int]],
                     rolled_back: bool) -> Optional[Dict[str, int]]:
    """The sources the next manifest records: the old manifest's, without those of its
    latest commit if that commit is rolled back, plus ``added``. None for a window written
    before manifests recorded sources (kept so; a restart refuses such a job)."""
    recorded = old.get("sources")
    if recorded is None:
        if added:
            raise VaultError("a window whose manifest records no sources (written by an "
                             "earlier hushbeam) cannot take a new commit")
        return None
    ledger = dict(recorded)
    if rolled_back:
        for source, n in (old.get("added_sources") or {}).items():
            left = ledger.get(source, 0) - int(n)
            if left > 0:
                ledger[source] = left
            else:
                ledger.pop(source, None)
    for source, n in (added or {}).items():
        ledger[source] = ledger.get(source, 0) + int(n)
    return ledger


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


def window_start(wid: str) -> float:
    """The start (seconds) of the window ``wid`` names; ValueError if it names none."""
    return datetime.datetime.strptime(wid, "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.timezone.utc).timestamp()


def verified_ledger(windows: Dict[str, dict], vault_output: str, key: VaultKey,
                    job_run_id: str) -> frozenset:
    """Every source (file path) whose items are in a committed window, read from the
    windows' vault manifests, each verified under ``key`` and bound to this job and window.

    A window's summary is not authenticated: whoever can write the dataset could name a
    landing file there, and a restart trusting it would never read that file. So the
    ledger comes from the manifests, and a summary that does not agree with its manifest
    (sources edited, a window forged in the dataset alone, or copied from another job or
    keyring, a manifest older than its summary) is refused with a VaultError naming the
    window. A window written before manifests recorded their sources is refused too.
    Messages name windows, never a source (a file name may carry data).
    """
    found = set()
    for wid, summary in sorted(windows.items()):
        where = layout.window_dirname(wid)
        vault_window = window_dir(vault_output, wid)
        try:
            window_start(wid)
            manifest = read_manifest(vault_window, key)
        except ValueError:
            raise VaultError(f"{where} is not a window this job writes (its name is no "
                             "window id); refusing to restart") from None
        if manifest is None:
            raise VaultError(f"{where} has a summary but no vault manifest in "
                             f"{vault_output}: it was not committed by this job (forged or "
                             "copied into the dataset); refusing to restart")
        run = unit_run_id(job_run_id, wid)
        if manifest["run_id"] != run or summary.get("run_id") != run:
            raise VaultError(f"{where} belongs to another run than this job's window "
                             f"{run} (copied from another job, or {layout.JOB} edited); "
                             "refusing to restart")
        if not isinstance(manifest.get("sources"), dict):
            raise VaultError(f"{where} was committed by an earlier hushbeam whose window "
                             "manifests do not record the files they hold, so a restart "
                             "cannot tell which files to skip; start a new job (another "
                             "--output, or --overwrite)")
        if summary.get("sources") != manifest["sources"]:
            raise VaultError(f"the summary of {where} does not list the input files its "
                             "authenticated vault manifest records (the summary was "
                             "edited); refusing to restart: put the summary back, or start "
                             "a new job (another --output, or --overwrite)")
        try:
            behind = int(manifest["generation"]) < int(summary.get("vault_generation", 0))
        except (TypeError, ValueError):
            behind = True
        if behind:
            raise VaultError(f"the vault manifest of {where} is older than its summary (an "
                             "earlier copy was put back); refusing to restart")
        found.update(manifest["sources"])
    return frozenset(found)


def committed_until(windows: Dict[str, dict], window_seconds: float) -> float:
    """End of the latest committed window (seconds), 0 if none: from the window ids (bound
    to the verified manifests by :func:`verified_ledger`), not from the summaries."""
    return max((window_start(wid) + window_seconds for wid in windows), default=0.0)


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

    Every committed window is checked before anything is removed: its vault manifest must
    verify, and where it records the window's summary (every window written since session
    25), the summary must be that one (the commit completed: only temporary files can be
    stray) or the one before it, the manifest one commit ahead (its generation may be
    further on, re-written by an earlier recovery; a commit interrupted between the two: it is rolled back, and the manifest re-written to bind
    the parts the summary lists, with the digests it recorded, and that summary).
    Otherwise VaultError, naming the window, and nothing is removed. Returns the window
    ids that were rolled back entirely (their sources are not in the ledger, so the
    restarted job reads them again).
    """
    rolled_back = []
    plans = {wid: _recovery_plan(window_dir(output, wid), window_dir(vault_output, wid), key)
             for wid in committed_windows(output)}  # every window checked before any change
    for root, is_vault in ((output, False), (vault_output, True)):
        for name in _window_dirs(root):
            wid = layout.window_id_of(name)
            directory = FileSystems.join(root, name)
            if wid not in plans:
                FileSystems.delete([directory])
                if not is_vault:
                    rolled_back.append(wid)
                continue
            summary, rebind, drop = plans[wid]
            keep = set(summary["vault_files"]) | {layout.MANIFEST, layout.RECIPIENT} \
                if is_vault else set(summary["files"]) | {layout.SUMMARY, *layout.REPORTS}
            if is_vault and rebind is None:  # a rollback was checked by its summary digest
                _check_one_commit_ahead(directory, summary, key)
            stray = set()
            for pattern in (("_*", ".*", "*/*", "*/.*") if is_vault else ("*", ".*")):
                for path in _listing(FileSystems.join(directory, pattern)):
                    rel = path[len(directory):].lstrip("/")
                    if rel not in keep:
                        stray.add(path)
            if stray:
                FileSystems.delete(sorted(stray))
            if not is_vault and (stray or rebind):  # the report of a pane rolled back
                _restore_report(directory, summary)
            if is_vault and (stray or rebind):  # the manifest may name a file rolled back
                gone = {path[len(directory):].lstrip("/") for path in stray}
                write_manifest(directory, summary["run_id"], summary["vault_files"], key,
                               drop=gone | drop, bind=rebind,
                               rolled_back=True if rebind else None)
    return sorted(rolled_back)


def _restore_report(data_window: str, summary: dict) -> None:
    """The window's report rendered again from the summary recovery keeps: a commit writes
    its report just before its summary (so a committed window always has one), and a commit
    interrupted between the two left its own pane's counts there. A window with no report
    (an earlier hushbeam's) is left without one."""
    documents = report_documents(summary)
    for name, data in documents.items():
        path = FileSystems.join(data_window, name)
        if FileSystems.exists(path) and _read_bytes(path) != data:
            write_any(path, data)


def _recovery_plan(data_window: str, vault_window: str, key: VaultKey) -> tuple:
    """(summary, bind, drop) of a committed window: ``bind`` (for :func:`write_manifest`)
    and ``drop`` (the files the manifest lists that go) when recovery rolls an interrupted
    commit back; (summary, None, set()) when nothing but temporary files can be stray, or
    the window's manifest records no summary (an earlier hushbeam: checked by
    :func:`_check_one_commit_ahead` as before). VaultError when the summary is neither the
    one its manifest records nor the one before it."""
    summary, data = read_summary(data_window)
    manifest = read_manifest(vault_window, key)
    if manifest is None or not is_bound(manifest["dataset"]):
        return summary, None, set()
    where = FileSystems.split(data_window.rstrip("/"))[1]
    recorded, digest = manifest["dataset"], sha256_hex(data)
    if digest == recorded.get("summary_sha256"):
        return summary, None, set()
    # The manifest binds the digest of the summary its commit found: that summary is the
    # one before it, whatever generations a recovery's re-writes added in between (each
    # summary records its own generation, so an older copy has another digest).
    try:
        ahead = int(manifest["generation"]) > int(summary.get("vault_generation", -2))
    except (TypeError, ValueError):
        ahead = False
    if digest == recorded.get("previous_summary_sha256") and ahead:
        binding = rolled_back_binding(manifest, summary, digest, where)
        return (summary, lambda old, generation: binding,
                set(manifest["files"]) - set(summary["vault_files"]))
    raise VaultError(f"the summary of {where} ({layout.SUMMARY}) is not the one its vault "
                     "manifest records, nor the one before an interrupted commit (edited, "
                     "or an earlier copy put back); refusing to recover it")


def _check_one_commit_ahead(vault_window: str, summary: dict, key: VaultKey) -> None:
    """Before recovery removes files the window's manifest lists but its summary does not
    (a manifest that binds no summary: a window written before session 25): the manifest
    must verify and be one commit ahead of the summary (a commit interrupted between the
    two), or nothing is removed.

    As for a bound manifest (:func:`_recovery_plan`), "one commit" is not generation + 1:
    a recovery re-writes the manifest a generation on while the summary stays. Where the
    manifest and the summary record the window's sources (every window since session 24),
    the manifest is one commit ahead when it is further on and the ledger it held before
    its latest commit (its sources without that commit's, as a rollback leaves them) is
    the summary's: an older summary put back, two commits behind, lacks the first one's
    sources. Without sources, generation + 1 as before."""
    manifest = read_manifest(vault_window, key)
    if manifest is None:
        return
    unlisted = set(manifest["files"]) - set(summary["vault_files"])
    if not unlisted:
        return
    try:
        generation = int(manifest["generation"])
        behind = int(summary.get("vault_generation", -2))
        before = (_carried_sources(manifest, None, rolled_back=True)
                  if manifest.get("sources") is not None else None)
        if before is not None and isinstance(summary.get("sources"), dict):
            ahead = generation > behind and before == {
                str(k): int(n) for k, n in summary["sources"].items()}
        else:
            ahead = generation == behind + 1
    except (TypeError, ValueError):
        ahead = False
    if not ahead:
        raise VaultError(f"vault window {vault_window}: its manifest lists files its summary "
                         "does not and is not one commit ahead of it (the summary or the "
                         "vault was changed); refusing to recover it")
