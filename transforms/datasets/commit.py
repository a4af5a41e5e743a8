"""Atomic commits: a dataset and its vault are built out of sight, then switched into place
together, or not at all (Beam-free at import; object stores go through Beam's FileSystems).

A writer (a batch run, ``forget``, ``rekey``) writes every new file of transaction
``<txn>`` under a hidden staging directory in each target, ``<dir>/.hushbeam-staging-<txn>/``
(:func:`layout.staging_name`; no dataset or vault glob matches it), while it holds
``<dir>/.hushbeam-staging-<txn>.lock`` (:class:`Staging`). Then :func:`commit`, under the
dataset's commit lock (:func:`locked`):

1. lists the staged files and the visible files they retire, and flushes the staged files
   to disk (local: fsync);
2. writes the journal (``_commit.json``: the transaction, both directories, each file to
   move in with its size, each visible file to retire) into the vault, then, atomically,
   into the dataset: **the dataset's journal is the commit point**;
3. applies it, vault first, dataset last: in each directory the visible marker (manifest,
   summary) is removed while its new version is still staged, the retired files are
   removed, the staged files are renamed in, the marker last;
4. removes the vault's journal, then the dataset's, then the staging directories.

:func:`recover`, which every run and every command that opens a dataset or vault calls
first, completes an interrupted commit (a dataset journal exists: step 3 again, which is
idempotent: a file already moved is not moved again), drops a vault journal that has no
dataset journal (the commit point was not reached, or the commit was complete), and
removes the staging directories whose writer is dead (its lock is free: the kernel
releases a killed process's locks). A kill at any moment therefore leaves the previous
state or, once the journal is written, the complete new one; the only visible mix is
during step 3 (renames only, no data written), and the journal is there until it is
completed. Staging directories hold what the dataset and vault hold: redacted rows and
sealed lines, never raw data.
"""
from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import re
import shutil
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from transforms.datasets import layout
from transforms.datasets.atomic import write_any

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locks (one writer at a time)
    fcntl = None

_LOG = logging.getLogger("hushbeam")
_TXN = re.compile(r"[A-Za-z0-9_-]{1,128}\Z")
_SIDES = (("vault", layout.VAULT_MARKER), ("dataset", layout.DATASET_MARKER))


class CommitError(RuntimeError):
    """A commit that cannot be made or completed; the message says what is left as it was."""


# --- storage: local paths directly, object stores through Beam's FileSystems ------------

def _remote(path: str) -> bool:
    return "://" in path


def _fs():
    from apache_beam.io.filesystems import FileSystems  # Beam only for object stores

    return FileSystems


def join(root: str, *names: str) -> str:
    return _fs().join(root, *names) if _remote(root) else os.path.join(root, *names)


def staging_dir(root: str, txn: str) -> str:
    """Where transaction ``txn`` stages its files for ``root``."""
    return join(root, layout.staging_name(txn))


def _exists(path: str) -> bool:
    return _fs().exists(path) if _remote(path) else os.path.exists(path)


def _size(path: str) -> int:
    if _remote(path):
        return _fs().match([path])[0].metadata_list[0].size_in_bytes
    return os.path.getsize(path)


def _read(path: str) -> Optional[bytes]:
    if _remote(path):
        if not _fs().exists(path):
            return None
        with _fs().open(path) as fh:
            return fh.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def _delete_file(path: str) -> None:
    if _remote(path):
        if _fs().exists(path):
            _fs().delete([path])
    else:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def _delete_tree(path: str) -> None:
    if _remote(path):
        listed = [m.path for m in _fs().match([path + "/**"])[0].metadata_list]
        if listed:
            _fs().delete(listed)
    elif os.path.isdir(path):
        shutil.rmtree(path)


def _rename(src: str, dst: str) -> None:
    if _remote(src):
        if _fs().exists(dst):  # object stores: no atomic replace (see atomic.write_any)
            _fs().delete([dst])
        _fs().rename([src], [dst])
    else:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        os.replace(src, dst)


def _skipped(name: str) -> bool:
    """Never moved into place: hidden (temporary) files, Beam's temporary folders, and the
    audit log's lock file (moving it would split its writers between two inodes)."""
    return (layout.is_hidden(name) or name.startswith("beam-temp-")
            or name == layout.audit_lock_name(layout.AUDIT_LOG))


def staged_files(stage: str) -> Dict[str, int]:
    """Relative path -> size of every file a staging directory holds."""
    found = {}
    if _remote(stage):
        for meta in _fs().match([stage + "/**"])[0].metadata_list:
            rel = meta.path[len(stage):].lstrip("/")
            if not any(_skipped(part) for part in rel.split("/")):
                found[rel] = meta.size_in_bytes
        return found
    for directory, dirs, files in os.walk(stage):
        dirs[:] = [d for d in dirs if not _skipped(d)]
        for name in files:
            if not _skipped(name):
                path = os.path.join(directory, name)
                found[os.path.relpath(path, stage).replace(os.sep, "/")] = os.path.getsize(
                    path)
    return found


def visible_files(root: str, globs: Iterable[str]) -> List[str]:
    """Relative paths of the files of ``root`` matching ``globs`` (hidden names never)."""
    found = set()
    for pattern in globs:
        if _remote(root):
            paths = [m.path for m in _fs().match([join(root, pattern)])[0].metadata_list]
        else:
            paths = [p for p in glob.glob(os.path.join(glob.escape(root), pattern))
                     if os.path.isfile(p)]
        for path in paths:
            rel = path[len(root):].lstrip("/").replace(os.sep, "/")
            if not any(layout.is_hidden(part) for part in rel.split("/")):
                found.add(rel)
    return sorted(found)


def _entries(root: str) -> List[str]:
    """The names in ``root`` a recovery looks at: the journal, staging directories, locks."""
    if _remote(root):
        names = set()
        for pattern in (layout.COMMIT_JOURNAL, layout.STAGING_PREFIX + "**"):
            for meta in _fs().match([join(root, pattern)])[0].metadata_list:
                names.add(meta.path[len(root):].lstrip("/").split("/", 1)[0])
        return sorted(names)
    try:
        return sorted(os.listdir(root))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _fsync_files(root: str, rels: Iterable[str]) -> None:
    """Local: the staged bytes and the directory entries reach the disk before the journal."""
    if _remote(root):
        return
    directories = {root}
    for rel in rels:
        path = os.path.join(root, rel)
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        directories.add(os.path.dirname(path))
    for directory in directories:
        _fsync_dir(directory)


def _fsync_dir(directory: str) -> None:
    if _remote(directory) or not os.path.isdir(directory):
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a directory; the rename stands
        pass
    finally:
        os.close(fd)


def visible_run_id(dataset: str) -> Optional[str]:
    """The run id in the committed summary of ``dataset``; None without one."""
    data = _read(join(dataset, layout.SUMMARY))
    try:
        return json.loads(data).get("run_id") if data else None
    except (ValueError, AttributeError):
        return None


def _abs(path: Optional[str]) -> Optional[str]:
    if path is None or _remote(path):
        return path
    return os.path.abspath(path)


# --- locks (local disks; on object stores one writer per output at a time) ---------------

def _lock_fd(path: str, blocking: bool) -> Optional[int]:
    """An open descriptor holding an exclusive lock on ``path``; None if another holds it."""
    fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)  # no content; others may lock too
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextlib.contextmanager
def locked(dataset: str) -> Iterator[None]:
    """The commit lock of a dataset directory: commits, recoveries and edits one at a time."""
    if _remote(dataset) or fcntl is None or not os.path.isdir(dataset):
        yield
        return
    fd = _lock_fd(os.path.join(dataset, layout.COMMIT_LOCK), blocking=True)
    try:
        yield
    finally:
        os.close(fd)


class Staging:
    """The staging directories of one transaction, locked while its writer lives.

    On exit (success or failure) the locks go and :func:`recover` runs: a commit an
    exception interrupted is completed, and staging left by a failure is removed.
    """

    def __init__(self, dataset: str, vault: Optional[str], txn: str):
        if not _TXN.match(txn):
            raise ValueError("a transaction id is 1-128 letters, digits, '-' or '_'")
        self.dataset, self.vault, self.txn = dataset, vault, txn
        self._fds: List[Tuple[int, str]] = []
        self._held = False

    @property
    def dataset_dir(self) -> str:
        return staging_dir(self.dataset, self.txn)

    @property
    def vault_dir(self) -> Optional[str]:
        return staging_dir(self.vault, self.txn) if self.vault else None

    def _roots(self) -> List[str]:
        return [root for root in (self.dataset, self.vault) if root]

    def __enter__(self) -> "Staging":
        if not self._held:
            self.hold()
        return self

    def hold(self) -> None:
        """Make the staging directories and take their locks (OSError if it cannot)."""
        try:
            for root in self._roots():
                if _remote(root):
                    continue
                os.makedirs(root, exist_ok=True)
                if fcntl is not None:
                    fd = _lock_fd(os.path.join(root, layout.staging_lock_name(self.txn)),
                                  blocking=False)
                    if fd is None:
                        raise CommitError(f"transaction {self.txn} is already being written")
                    self._fds.append((fd, os.path.join(root, layout.staging_lock_name(
                        self.txn))))
                os.makedirs(staging_dir(root, self.txn), exist_ok=True)
        except BaseException:
            self._release()
            raise
        self._held = True

    def _release(self) -> None:
        self._held = False
        for fd, path in self._fds:
            _delete_file(path)
            os.close(fd)
        self._fds = []

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._release()
        try:
            journal, _ = _read_journal(join(self.dataset, layout.COMMIT_JOURNAL))
            if journal is None or journal["txn"] != self.txn:  # not committed: drop it
                for root in self._roots():
                    _delete_tree(staging_dir(root, self.txn))
            recover(self.dataset, self.vault)  # else complete it; and dead writers' staging
        except (OSError, CommitError) as error:
            if exc_type is None:
                raise
            _LOG.warning("cleaning up after the failure: %s", error)
        return False


# --- the commit ---------------------------------------------------------------------------

def commit(dataset: str, vault: Optional[str], txn: str,
           retire: Tuple[Sequence[str], Sequence[str]] = ((), ())) -> dict:
    """Switch the files staged by ``txn`` into ``dataset`` and ``vault``; returns the journal.

    ``retire``: globs of the visible files the new ones replace, (dataset, vault); a file
    of the same name as a staged one is replaced by it in any case. The caller holds
    :func:`locked` on ``dataset`` and has run :func:`recover_locked`.
    """
    if not _TXN.match(txn):
        raise ValueError("a transaction id is 1-128 letters, digits, '-' or '_'")
    journal = {"v": 1, "txn": txn, "dataset": _abs(dataset), "vault": _abs(vault),
               "files": {}, "retire": {}, "archive": {}}
    for side, root, globs in (("dataset", dataset, retire[0]), ("vault", vault, retire[1])):
        if not root:
            continue
        stage = staging_dir(root, txn)
        new = staged_files(stage)
        journal["files"][side] = new
        journal["retire"][side] = sorted(set(visible_files(root, globs)) - set(new)
                                         - {rel for rel in visible_files(root, globs)
                                            if layout.is_audit_file(rel)})
        journal["archive"][side] = _audit_archive(root, stage, new, txn)
        _fsync_files(stage, new)
    if layout.DATASET_MARKER not in journal["files"]["dataset"]:
        raise CommitError(f"nothing to commit: transaction {txn} staged no "
                          f"{layout.DATASET_MARKER}")
    data = layout.json_document(journal)
    if vault:
        write_any(join(vault, layout.COMMIT_JOURNAL), data)
        _fsync_dir(vault)
    write_any(join(dataset, layout.COMMIT_JOURNAL), data)  # the commit point
    _fsync_dir(dataset)
    _finish(journal, dataset, _apply(journal, data, dataset))
    return journal


def _audit_archive(root: str, stage: str, new: Dict[str, int], txn: str) -> List[List[str]]:
    """Renames that keep the visible audit log when the staged files bring a new one: the
    log and its head go aside under the name the new anchor records as ``previous``
    (audit.start(..., replaces=root)), or a fresh archive name; never overwritten."""
    head = layout.audit_head_name(layout.AUDIT_LOG)
    if head not in new and layout.AUDIT_LOG not in new:
        return []
    present = [rel for rel in (layout.AUDIT_LOG, head) if _exists(join(root, rel))]
    if not present:
        return []
    try:
        staged = json.loads(_read(join(stage, head)) or b"{}")
        name = ((staged.get("anchor") or {}).get("previous") or {}).get("archived_as")
    except (ValueError, AttributeError):
        name = None
    if not name or not _safe_rel(name) or _exists(join(root, name)):
        try:
            old = json.loads(_read(join(root, head)) or b"{}")
            run = str((old.get("anchor") or {}).get("run") or "unanchored")
        except (ValueError, AttributeError):
            run = "unanchored"
        name = layout.audit_archive_name(layout.AUDIT_LOG, f"{run}-{txn}")
    return [[rel, layout.audit_head_name(name) if rel == head else name] for rel in present]


@contextlib.contextmanager
def _audit_locked(root: str, moves) -> Iterator[None]:
    """The audit log's writer lock (audit.py) while its log is archived: no entry is
    appended to a log being renamed."""
    if not moves or _remote(root) or fcntl is None:
        yield
        return
    fd = _lock_fd(os.path.join(root, layout.audit_lock_name(layout.AUDIT_LOG)),
                  blocking=True)
    try:
        yield
    finally:
        os.close(fd)


def _apply(journal: dict, data: bytes, dataset: str) -> Optional[str]:
    """Step 3; returns the vault it switched, None if its journal is not there (its part
    was complete, or the journal names a vault that never agreed to this commit)."""
    txn, confirmed = journal["txn"], None
    for side, marker in _SIDES:
        root = dataset if side == "dataset" else journal.get("vault")
        if not root or side not in journal["files"]:
            continue
        if side == "vault":
            if _read(join(root, layout.COMMIT_JOURNAL)) != data:
                continue
            confirmed = root
        stage = staging_dir(root, txn)
        files = journal["files"][side]
        if marker in files and _exists(join(stage, marker)):
            _delete_file(join(root, marker))  # incomplete until the new marker is in
        for rel in journal["retire"][side]:
            _delete_file(join(root, rel))
        moves = journal.get("archive", {}).get(side) or []
        with _audit_locked(root, moves):
            for old, aside in moves:  # an earlier run's audit log: kept, never replaced
                if _exists(join(root, old)) and not _exists(join(root, aside)):
                    _rename(join(root, old), join(root, aside))
            for rel in sorted(files, key=lambda r: (r == marker, r)):
                src, dst = join(stage, rel), join(root, rel)
                if _exists(src):
                    _rename(src, dst)
                elif not _exists(dst) or _size(dst) != files[rel]:
                    raise CommitError(f"cannot complete commit {txn} in {root}: {rel} is "
                                      "neither staged nor in place; restore it from a "
                                      "backup")
        for directory in {os.path.dirname(join(root, rel)) for rel in files} | {root}:
            _fsync_dir(directory)
    return confirmed


def _finish(journal: dict, dataset: str, vault: Optional[str]) -> None:
    """Step 4; ``vault``: the vault :func:`_apply` confirmed, or None (left alone)."""
    if vault:
        _delete_file(join(vault, layout.COMMIT_JOURNAL))
        _fsync_dir(vault)
    _delete_file(join(dataset, layout.COMMIT_JOURNAL))
    _fsync_dir(dataset)
    for root in (dataset, vault):
        if root:
            _delete_tree(staging_dir(root, journal["txn"]))


def _read_journal(path: str) -> Tuple[Optional[dict], Optional[bytes]]:
    data = _read(path)
    if data is None:
        return None, None
    try:
        journal = json.loads(data)
        ok = (journal.get("v") == 1 and _TXN.match(journal["txn"])
              and all(_safe_rel(rel) for side in journal["files"].values() for rel in side)
              and all(_safe_rel(rel) for side in journal["retire"].values() for rel in side)
              and all(_safe_rel(a) and _safe_rel(b) for side in journal.get(
                  "archive", {}).values() for a, b in side))
    except (ValueError, KeyError, TypeError, AttributeError):
        ok = False
    if not ok:
        raise CommitError(f"{path} is not a valid commit journal (altered?); nothing was "
                          "changed; move it away to open the dataset as it is")
    return journal, data


def _safe_rel(rel: str) -> bool:
    parts = rel.split("/")
    return bool(rel) and not rel.startswith("/") and all(
        p not in ("", ".", "..") and "\\" not in p for p in parts)


# --- recovery ------------------------------------------------------------------------------

def recover(dataset: Optional[str], vault: Optional[str] = None,
            keep: Iterable[str] = ()) -> List[str]:
    """Complete or roll back an interrupted commit, remove dead writers' staging.

    Returns what was done (one line each, no data). ``keep``: transactions whose staging
    must stay (the caller's own). Cheap when there is nothing to do: no lock is taken.
    """
    keep = set(keep)
    if dataset is None:
        return recover_vault(vault, keep) if vault else []
    if not _needs_recovery(dataset, keep) and not (vault and _needs_recovery(vault, keep)):
        return []
    with locked(dataset):
        return recover_locked(dataset, vault, keep)


def _logged(done: List[str]) -> List[str]:
    for line in done:
        _LOG.warning("%s", line)
    return done


def recover_vault(vault: str, keep: Iterable[str] = ()) -> List[str]:
    """:func:`recover` for a command given only a vault (its journal names the dataset)."""
    journal, _ = _read_journal(join(vault, layout.COMMIT_JOURNAL))
    if journal is not None and journal.get("dataset"):
        return recover(journal["dataset"], vault, keep)
    if not _needs_recovery(vault, set(keep)):
        return []
    return _logged([f"removed the staging of {txn} in {vault}"
                    for txn in _remove_dead_staging(vault, set(keep))])


def recover_locked(dataset: str, vault: Optional[str] = None,
                   keep: Iterable[str] = ()) -> List[str]:
    """:func:`recover` for a caller that holds :func:`locked` on ``dataset``."""
    keep, done = set(keep), []
    journal, data = _read_journal(join(dataset, layout.COMMIT_JOURNAL))
    if journal is not None:
        confirmed = _apply(journal, data, dataset)
        _finish(journal, dataset, confirmed)
        vault = vault or confirmed
        done.append(f"completed the interrupted commit {journal['txn']} in {dataset}")
    if vault:
        pending, _ = _read_journal(join(vault, layout.COMMIT_JOURNAL))
        if pending is not None and pending.get("dataset") == _abs(dataset):
            # No dataset journal: the commit point was not reached (or all was done).
            _delete_file(join(vault, layout.COMMIT_JOURNAL))
            done.append(f"rolled back the commit {pending['txn']} in {vault} (it had not "
                        "reached its commit point)")
        elif pending is not None:  # another dataset's commit into this vault: leave it
            keep.add(pending["txn"])
    for root in (dataset, vault):
        if root:
            done.extend(f"removed the staging of {txn} in {root}"
                        for txn in _remove_dead_staging(root, keep))
    return _logged(done)


def _needs_recovery(root: str, keep: set) -> bool:
    for name in _entries(root):
        txn = layout.staging_txn(name)
        if name == layout.COMMIT_JOURNAL or (txn is not None and txn not in keep):
            return True
    return False


@contextlib.contextmanager
def _if_dead(root: str, txn: str) -> Iterator[bool]:
    """True while the writer of ``txn`` is known dead (its lock is held here meanwhile)."""
    if _remote(root) or fcntl is None:
        yield True  # no locks: one writer per output at a time (documented)
        return
    path = os.path.join(root, layout.staging_lock_name(txn))
    if not os.path.exists(path):
        yield True
        return
    fd = _lock_fd(path, blocking=False)
    if fd is None:
        yield False
        return
    try:
        yield True
    finally:
        os.close(fd)


def _remove_dead_staging(root: str, keep: set) -> List[str]:
    removed = []
    txns = {layout.staging_txn(name) for name in _entries(root)} - {None} - keep
    for txn in sorted(txns):
        with _if_dead(root, txn) as dead:
            if not dead:
                continue
            _delete_tree(staging_dir(root, txn))
            if not _remote(root):
                _delete_file(os.path.join(root, layout.staging_lock_name(txn)))
            removed.append(txn)
    return removed
