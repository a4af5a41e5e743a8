"""The audit log of vault accesses: keyed, chained, anchored, locked (Beam-free).

Anchors: HashiCorp Vault's audit devices (every entry HMAC'd; a request is refused when it
cannot be recorded) and AWS CloudTrail's log-file integrity (each digest signed and chained
to the one before). Here:

* **Keyed.** Every entry and the head carry an HMAC-SHA256 under a subkey of the data key
  (:func:`transforms.keys.subkeys.derive_subkey`, label ``audit-log/v1``): someone who can
  write the files but holds no KMS-authorised key cannot edit an entry, recompute the chain
  and have it verify.
* **Chained.** One JSON line per entry: ``seq``, ``time``, ``actor``, ``action``, ``reason``,
  ``pseudonyms`` (never values), ``log`` (the log's id), ``prev`` (the MAC of the entry
  before, or of the anchor) and ``mac``. An edited, removed, reordered or inserted entry,
  or one spliced in from another log, breaks the chain.
* **Anchored.** The head file (``layout.audit_head_name``) holds the *anchor*, written with
  the vault (log id, key id, the vault's run id), and the last ``seq`` and MAC, all under
  one MAC. Every vault gets its head when it is written (:func:`start`), so a missing head
  is always an error, never a new history; a dropped tail or a deleted log does not match
  the head; a log swapped in from another vault names another run.
* **Locked.** Writers hold an exclusive ``flock`` on ``layout.audit_lock_name`` beside the
  log, readers a shared one: parallel writers make one chain.
* **Torn writes.** An entry is appended and fsynced *before* the head moves. If a process
  dies in between, the next writer finds one entry past the head whose MAC verifies and
  rolls the head forward; an incomplete last line (the entry never finished, so nothing was
  shown for it) is cut off. Both are reported, never taken for removed entries.

Limit (as for any log kept beside what it audits): a key holder can rewrite the log, and
someone who kept an older copy of both log and head can put that copy back (a rollback).
Keep an extra copy (``append(copy=...)``, ``--audit-log``) on storage they cannot write, or
note the last entry's MAC elsewhere (``audit verify`` prints it).
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime
import errno
import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path
from typing import List, Optional, Sequence, Union

from transforms.datasets import layout
from transforms.datasets.atomic import write_any, write_local
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.keys.subkeys import derive_subkey

SUBKEY_LABEL = "audit-log/v1"
LOCK_TIMEOUT_SECONDS = 60.0
START_ORIGIN = "vault written"


class AuditError(RuntimeError):
    """The audit log is missing, broken, keyed with another key, or cannot record."""


@dataclasses.dataclass(frozen=True)
class AuditKey:
    """The audit subkey of one keyset, and which key that is (for clear errors)."""

    key_id: str
    version: int
    subkey: bytes = dataclasses.field(repr=False)

    @classmethod
    def from_keyset(cls, keyset: Keyset) -> "AuditKey":
        return cls.from_data_key(unwrap_data_key(keyset), keyset.key_id, keyset.version)

    @classmethod
    def from_data_key(cls, data_key: bytes, key_id: str, version: int) -> "AuditKey":
        return cls(key_id, version, derive_subkey(data_key, SUBKEY_LABEL))

    def name(self) -> str:
        return f"{self.key_id} v{self.version}"

    def mac(self, kind: str, body: dict) -> str:
        """HMAC-SHA256 of ``kind`` and the canonical JSON of ``body`` (hex)."""
        message = kind.encode() + b"\n" + json.dumps(
            body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
        return hmac.new(self.subkey, message, hashlib.sha256).hexdigest()


@dataclasses.dataclass
class State:
    """What a verified log holds: its anchor, entries, and any interrupted write found."""

    log: Path
    anchor: dict
    entries: List[dict]
    torn_head: bool = False  # the last entry is written, the head is one behind
    partial_bytes: int = 0  # bytes of an incomplete last line (an unfinished entry)
    line_end: int = 0  # where the complete lines end

    @property
    def last_mac(self) -> str:
        return self.entries[-1]["mac"] if self.entries else self.anchor["mac"]

    def notes(self) -> List[str]:
        notes = []
        if self.torn_head:
            notes.append(f"the head was one entry behind the log (a write interrupted after "
                         f"entry {len(self.entries)}, whose MAC verifies)")
        if self.partial_bytes:
            notes.append(f"the log ends in an incomplete line of {self.partial_bytes} bytes "
                         "(an entry whose write never finished, so nothing was shown for "
                         "it, or bytes appended by hand)")
        return notes


def head_path(log: Path) -> Path:
    return Path(log).with_name(layout.audit_head_name(Path(log).name))


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def _head_bytes(key: AuditKey, anchor: dict, seq: int, last: str) -> bytes:
    head = {"v": 1, "anchor": anchor, "seq": seq, "last": last}
    head["mac"] = key.mac("head", head)
    return (json.dumps(head, sort_keys=True) + "\n").encode()


def _new_anchor(key: AuditKey, run_id: str, origin: str,
                previous: Optional[dict] = None) -> dict:
    anchor = {"log": secrets.token_hex(16), "key_id": key.key_id, "key_version": key.version,
              "run": run_id, "created": _now(), "origin": origin, "previous": previous}
    anchor["mac"] = key.mac("anchor", anchor)
    return anchor


# --- starting a log ----------------------------------------------------------------------

def start(vault: Union[str, Path], key: AuditKey, run_id: str,
          origin: str = START_ORIGIN, replaces: Optional[Union[str, Path]] = None) -> dict:
    """Give the vault written for ``run_id`` its audit log: a keyed head at ``seq`` 0.

    Called by whatever writes a vault (batch, streaming job, rekey). Idempotent for the same
    run (a retried writer). A log of an earlier run in the same directory (``--overwrite``)
    is kept, renamed to ``layout.audit_archive_name``, and the new anchor names it
    (``previous``). Works on local paths and, without the archive's lock, on object stores.

    ``replaces``: the vault directory a commit will switch ``vault`` (a staging directory,
    see commit.py) into. The new anchor then names, as ``previous``, the log that directory
    holds now; the commit archives it under that name (never deletes it).
    """
    vault = str(vault)
    log = _join(vault, layout.AUDIT_LOG)
    head = _join(vault, layout.audit_head_name(layout.AUDIT_LOG))
    if "://" not in vault:
        Path(vault).mkdir(parents=True, exist_ok=True)
        with _locked(Path(log), exclusive=True):
            return _start(log, head, key, run_id, origin, replaces)
    return _start(log, head, key, run_id, origin, replaces)


def init(vault: Path, key: AuditKey, run_id: str, actor: str, reason: str) -> dict:
    """Start the log of a vault that has none (made before keyed audit logs, or whose log
    was lost); refuses if any log or head is there. The anchor records who and why."""
    if not reason or not reason.strip():
        raise AuditError("--reason is required: starting an audit log is itself recorded")
    log = Path(vault) / layout.AUDIT_LOG
    with _locked(log, exclusive=True):
        present = [p for p in (log, head_path(log)) if p.exists()]
        if present:
            raise AuditError(f"{present[0]} exists; audit init only starts a log where there "
                             "is none (check it with: hushbeam audit verify)")
        return _start(str(log), str(head_path(log)), key, run_id,
                      f"audit init by {actor}: {reason.strip()}")


def _start(log: str, head: str, key: AuditKey, run_id: str, origin: str,
           replaces: Optional[Union[str, Path]] = None) -> dict:
    previous = None
    old = _read_json(head)
    if old is not None and _anchor_of(old).get("run") == run_id:
        return old["anchor"]  # this run's log is already started
    if old is not None or _exists(log):
        previous = _archive(log, head, old)
    elif replaces is not None:  # the commit archives it (commit.py); named here
        visible = _join(str(replaces), layout.AUDIT_LOG)
        visible_head = _join(str(replaces), layout.audit_head_name(layout.AUDIT_LOG))
        before = _read_json(visible_head)
        if before is not None or _exists(visible):
            previous = archive_record(visible, before)
    anchor = _new_anchor(key, run_id, origin, previous)
    write_any(head, _head_bytes(key, anchor, 0, anchor["mac"]))
    return anchor


def _anchor_of(head: dict) -> dict:
    anchor = head.get("anchor")
    return anchor if isinstance(anchor, dict) else {}


def archive_record(log: str, old: Optional[dict]) -> dict:
    """What an anchor records of the earlier log it replaces (``previous``): the name it is
    archived under, its anchor's run and id, its last seq and MAC."""
    anchor = _anchor_of(old or {})
    tag = str(anchor.get("run") or "unanchored-" + _now().replace(":", ""))
    name = log.rsplit("/", 1)[-1]
    return {"archived_as": layout.audit_archive_name(name, tag),
            "run": anchor.get("run"), "log": anchor.get("log"),
            "seq": (old or {}).get("seq"), "last": (old or {}).get("last")}


def _archive(log: str, head: str, old: Optional[dict]) -> dict:
    """Rename an earlier run's log and head aside (never delete evidence)."""
    record = archive_record(log, old)
    directory, name = log.rsplit("/", 1)
    archived = _join(directory, record["archived_as"])
    for src, dst in ((log, archived), (head, _join(directory, layout.audit_head_name(
            record["archived_as"])))):
        if _exists(src):
            if _exists(dst):
                raise AuditError(f"cannot keep the earlier audit log: {dst} exists")
            _rename(src, dst)
    return record


# --- appending and verifying -------------------------------------------------------------

def append(log: Path, key: AuditKey, actor: str, action: str, reason: str,
           pseudonyms: Sequence[str], run_id: Optional[str] = None,
           copy: Optional[Path] = None, notes: Optional[list] = None) -> dict:
    """Verify the log, record one entry (fsynced), move the head; returns the entry.

    Holds the log's lock throughout. Repairs an interrupted earlier write first (see the
    module docstring) and adds what it repaired to ``notes``. ``run_id``: the vault's run;
    a log anchored to another run is refused. ``copy``: a file that also gets the entry's
    line (an extra record, e.g. on append-only storage); if that fails the entry is still
    in the vault's log and AuditError says so: the caller shows nothing.
    """
    log = Path(log)
    if not reason or not reason.strip():
        raise AuditError("a reason is required")
    with _locked(log, exclusive=True):
        state = _load(log, key, run_id)
        _repair(state, key)
        if notes is not None:
            notes.extend(state.notes())
        entry = {"seq": len(state.entries) + 1, "time": _now(), "actor": actor,
                 "action": action, "reason": reason.strip(), "pseudonyms": list(pseudonyms),
                 "log": state.anchor["log"], "prev": state.last_mac}
        entry["mac"] = key.mac("entry", entry)
        line = json.dumps(entry, sort_keys=True) + "\n"
        _append_line(log, line)
        try:
            write_local(head_path(log), _head_bytes(key, state.anchor, entry["seq"],
                                                    entry["mac"]))
        except OSError as exc:  # the entry is recorded; the next writer rolls forward
            if notes is not None:
                notes.append(f"entry {entry['seq']} is recorded but the head was not moved "
                             f"({exc.strerror}); the next access rolls it forward")
    if copy is not None and Path(copy).resolve() != log.resolve():
        try:
            Path(copy).parent.mkdir(parents=True, exist_ok=True)
            with _locked(Path(copy), exclusive=True):
                _append_line(Path(copy), line)
        except (OSError, AuditError) as exc:
            raise AuditError(f"entry {entry['seq']} is recorded in {log}, but its copy to "
                             f"{copy} failed ({getattr(exc, 'strerror', None) or exc}); "
                             "nothing was shown") from None
    return entry


def verify(log: Path, key: AuditKey, run_id: Optional[str] = None) -> State:
    """The verified log (read-only: an interrupted write is reported in ``notes()``, the
    next append repairs it); AuditError naming the file and line otherwise."""
    log = Path(log)
    with _locked(log, exclusive=False):
        return _load(log, key, run_id)


def _load(log: Path, key: AuditKey, run_id: Optional[str]) -> State:
    head_file = head_path(log)
    head = _read_head(log, head_file)
    anchor = _check_head(log, head_file, head, key)
    if run_id is not None and anchor.get("run") != run_id:
        raise AuditError(f"audit log {log} was started for run {anchor.get('run')}, not for "
                         f"this vault's run {run_id} (a log of another vault put here?)")
    try:
        data = log.read_bytes()
    except FileNotFoundError:
        if head["seq"] == 0:
            return State(log, anchor, [])
        raise AuditError(f"audit log {log} is missing but its head records {head['seq']} "
                         "entries: the log was deleted") from None
    end = data.rfind(b"\n") + 1
    state = State(log, anchor, [], partial_bytes=len(data) - end, line_end=end)
    prev = anchor["mac"]
    for number, raw in enumerate(data[:end].splitlines(), start=1):
        entry = _parse(log, number, raw)
        body = {k: v for k, v in entry.items() if k != "mac"}
        if not hmac.compare_digest(str(entry.get("mac")), key.mac("entry", body)):
            raise AuditError(f"audit log {log}: line {number} was edited (its MAC does not "
                             f"verify under key {key.name()})")
        if entry.get("seq") != number or entry.get("prev") != prev \
                or entry.get("log") != anchor["log"]:
            raise AuditError(f"audit log {log}: line {number} breaks the chain (an entry "
                             "was removed, reordered or inserted)")
        state.entries.append(entry)
        prev = entry["mac"]
    _match_head(state, head)
    return state


def _read_head(log: Path, head_file: Path) -> dict:
    try:
        return json.loads(head_file.read_bytes())
    except FileNotFoundError:
        if log.exists():
            raise AuditError(f"audit log {log}: its head {head_file.name} is missing (deleted?)"
                             "; without it the log cannot be checked for removed entries") \
                from None
        raise AuditError(
            f"{log.parent} has no audit log ({log.name} and {head_file.name} are missing). "
            "A vault gets one when it is written, so it was deleted (restore both from a "
            "backup) or the vault predates keyed audit logs (start one: hushbeam audit init "
            f"--vault {log.parent} --reason ...)") from None
    except ValueError:
        raise AuditError(f"audit head {head_file} is not JSON (altered?)") from None


def _check_head(log: Path, head_file: Path, head, key: AuditKey) -> dict:
    anchor = head.get("anchor") if isinstance(head, dict) else None
    if not isinstance(anchor, dict) or not isinstance(head.get("seq"), int):
        raise AuditError(f"audit head {head_file} is not a keyed audit head (altered, or "
                         "from before keyed audit logs)")
    body = {k: v for k, v in head.items() if k != "mac"}
    anchor_body = {k: v for k, v in anchor.items() if k != "mac"}
    if hmac.compare_digest(str(head.get("mac")), key.mac("head", body)) and \
            hmac.compare_digest(str(anchor.get("mac")), key.mac("anchor", anchor_body)):
        return anchor
    named = f"{anchor.get('key_id')} v{anchor.get('key_version')}"
    if named != key.name():
        raise AuditError(f"audit log {log} is keyed with key {named}, not {key.name()}: pass "
                         "that key's keyset with --keyset (or its head was altered)")
    raise AuditError(f"audit head {head_file} was altered (its MAC does not verify under key "
                     f"{key.name()})")


def _match_head(state: State, head: dict) -> None:
    n, seq = len(state.entries), head["seq"]
    macs = [state.anchor["mac"]] + [e["mac"] for e in state.entries]
    if n == seq and macs[n] == head.get("last"):
        pass
    elif n == seq + 1 and macs[seq] == head.get("last"):
        state.torn_head = True
    elif n < seq:
        raise AuditError(f"audit log {state.log}: ends at entry {n} but its head records "
                         f"entry {seq}: entries were removed")
    elif n > seq:
        raise AuditError(f"audit log {state.log}: holds {n} entries whose MACs verify but its "
                         f"head records entry {seq}: the head was replaced by an older copy")
    else:
        raise AuditError(f"audit log {state.log}: entry {seq} is not the one its head "
                         "records: the log was replaced or rewritten")
    if state.partial_bytes and state.torn_head:
        raise AuditError(f"audit log {state.log}: an incomplete line follows an entry the "
                         "head does not record (altered)")


def _repair(state: State, key: AuditKey) -> None:
    """Finish or undo an interrupted write (under the exclusive lock)."""
    if state.partial_bytes:
        os.truncate(state.log, state.line_end)
    if state.torn_head:
        write_local(head_path(state.log), _head_bytes(
            key, state.anchor, len(state.entries), state.last_mac))


def _parse(log: Path, number: int, raw: bytes) -> dict:
    try:
        entry = json.loads(raw)
    except ValueError:
        entry = None
    if not isinstance(entry, dict):
        raise AuditError(f"audit log {log}: line {number} is not a JSON entry")
    return entry


# --- files: locks, appends, local or object-store paths ----------------------------------

@contextlib.contextmanager
def _locked(log: Path, exclusive: bool):
    """flock on the lock file beside ``log`` (exclusive: writers; shared: readers).

    A reader that cannot create the lock file (read-only copy) reads without it."""
    import fcntl  # POSIX only; imported here so the module imports everywhere

    lock = Path(log).with_name(layout.audit_lock_name(Path(log).name))
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as exc:
        if not exclusive:
            yield
            return
        raise AuditError(f"cannot open the audit lock {lock} ({exc.strerror})") from None
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
                            | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise AuditError(f"audit log {log} stayed locked by another process for "
                                     f"{LOCK_TIMEOUT_SECONDS:.0f} s ({lock})") from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)


def _append_line(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())


def _join(directory: str, name: str) -> str:
    return directory.rstrip("/") + "/" + name


def _exists(path: str) -> bool:
    if "://" not in path:
        return os.path.exists(path)
    from apache_beam.io.filesystems import FileSystems
    return FileSystems.exists(path)


def _read_json(path: str) -> Optional[dict]:
    try:
        if "://" not in path:
            data = Path(path).read_bytes()
        else:
            from apache_beam.io.filesystems import FileSystems
            if not FileSystems.exists(path):
                return None
            with FileSystems.open(path) as fh:
                data = fh.read()
        value = json.loads(data)
    except FileNotFoundError:
        return None
    except ValueError:
        return {}  # present but unreadable: archived as it is
    return value if isinstance(value, dict) else {}


def _rename(src: str, dst: str) -> None:
    if "://" not in src:
        os.rename(src, dst)
        return
    from apache_beam.io.filesystems import FileSystems
    FileSystems.rename([src], [dst])
