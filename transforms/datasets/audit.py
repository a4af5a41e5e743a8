"""Hash-chained, append-only audit log of re-identifications (Beam-free).

One JSON line per event: ``seq``, ``time``, ``actor``, ``action``, ``reason``,
``pseudonyms``, ``prev`` (hash of the previous entry) and ``hash`` (SHA-256 of the
entry without it). A head file beside the log (``layout.audit_head_name``) holds the last
``seq`` and ``hash``, so removing the last entries is detected too. Entries never hold
values.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import List, Sequence

from transforms.datasets import layout
from transforms.datasets.atomic import write_local

GENESIS = "0" * 64


class AuditError(RuntimeError):
    """The audit log is broken: an entry was edited, removed, reordered or added."""


def _digest(entry: dict) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _head_path(log: Path) -> Path:
    return log.with_name(layout.audit_head_name(log.name))


def append(log: Path, actor: str, action: str, reason: str,
           pseudonyms: Sequence[str]) -> dict:
    """Verify the chain, then append one entry and move the head; returns the entry."""
    log = Path(log)
    if not reason or not reason.strip():
        raise AuditError("a reason is required")
    entries = verify(log) if log.exists() else []
    prev = entries[-1]["hash"] if entries else GENESIS
    entry = {"seq": len(entries) + 1,
             "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
             "actor": actor, "action": action, "reason": reason.strip(),
             "pseudonyms": list(pseudonyms), "prev": prev}
    entry["hash"] = _digest(entry)
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a") as fh:
        fh.write(json.dumps(entry, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    write_local(_head_path(log),
                (json.dumps({"seq": entry["seq"], "hash": entry["hash"]}) + "\n").encode())
    return entry


def verify(log: Path) -> List[dict]:
    """All entries if the chain and the head hold; AuditError naming the line otherwise."""
    log = Path(log)
    try:
        lines = log.read_text().splitlines()
    except FileNotFoundError:
        raise AuditError(f"audit log {log} does not exist") from None
    entries, prev = [], GENESIS
    for number, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            raise AuditError(f"audit log {log}: line {number} is not a JSON entry") from None
        if entry.get("seq") != number or entry.get("prev") != prev:
            raise AuditError(f"audit log {log}: line {number} breaks the chain (an entry "
                             "was removed, reordered or inserted)")
        if entry.get("hash") != _digest(entry):
            raise AuditError(f"audit log {log}: line {number} was edited")
        entries.append(entry)
        prev = entry["hash"]
    try:
        head = json.loads(_head_path(log).read_text())
    except (FileNotFoundError, ValueError):
        raise AuditError(f"audit log {log}: its head file is missing or unreadable") from None
    if head.get("seq") != len(entries) or head.get("hash") != prev:
        raise AuditError(f"audit log {log}: ends at entry {len(entries)} but its head "
                         f"records entry {head.get('seq')} (entries were removed)")
    return entries
