"""The names and shape of what a run leaves on storage: the one place that knows them.

A batch dataset and its vault::

    <output>/part-SSSSS-of-NNNNN.parquet       rows; schema metadata: parquet_metadata()
    <output>/_summary.json                     written last: the run's commit marker
    <output>/_report.html, _report.md          the run's report, from the summary alone
    <output>/_erasures/erasure-<id>.json       receipts of forget
    <vault>/_manifest.json                     run id; SHA-256 and line count per sealed file
    <vault>/_recipient.pem                     the public key the vault is sealed to
    <vault>/_audit.jsonl, _audit.jsonl.head    re-identification audit log and its keyed head
    <vault>/_audit.jsonl.lock                  what writers of the audit log lock (flock)
    <vault>/_audit-<run>.jsonl(.head)          the log of an earlier run in this directory
    <vault>/<folder>/part-*.sealed.jsonl       one folder per vault kind (VAULT_FOLDERS)

While a run (or ``forget``, ``rekey``) writes, and until it commits (commit.py)::

    <output>/.hushbeam-staging-<txn>/          the new files, out of sight (hidden)
    <output>/.hushbeam-staging-<txn>.lock      held by the live writer (local disks)
    <vault>/.hushbeam-staging-<txn>/, .lock    the same for the vault
    <output>/_commit.json, <vault>/_commit.json   the commit journal, while switching
    <output>/.hushbeam.lock                    serializes commits and their recovery

A streaming job writes ``<output>/_job.json`` and this shape once per window, under
``<output>/window=<id>/`` and ``<vault>/window=<id>/`` (see window_store.py), and a report
of the job as a whole in ``<output>/_report.html`` and ``_report.md`` when it stops.

Names only: no I/O, no Beam. Paths are joined by the caller (``pathlib`` or
``FileSystems.join``), so the same names serve local disk and object stores.
"""
from __future__ import annotations

import json
import uuid
from typing import Dict, Optional

# --- the dataset ------------------------------------------------------------------------

SUMMARY = "_summary.json"
REPORT_HTML = "_report.html"
REPORT_MD = "_report.md"
REPORTS = (REPORT_HTML, REPORT_MD)
JOB = "_job.json"
RECEIPTS = "_erasures"
PART_PREFIX = "part"
PARQUET_SUFFIX = ".parquet"
PART_GLOB = PART_PREFIX + "-*" + PARQUET_SUFFIX
WINDOW_PREFIX = "window="
WINDOW_GLOB = WINDOW_PREFIX + "*"


def part_name(shard: int, num_shards: int, suffix: str = "") -> str:
    """``part-SSSSS-of-NNNNN<suffix>.parquet``, the name Beam's file sinks give a shard."""
    return f"{PART_PREFIX}-{shard:05d}-of-{num_shards:05d}{suffix}{PARQUET_SUFFIX}"


def late_suffix(pane_index: int) -> str:
    """The suffix of the files a late pane adds to its window."""
    return f".late-{pane_index}"


def receipt_name(erasure_id: str) -> str:
    return f"erasure-{erasure_id}.json"


def window_dirname(wid: str) -> str:
    return WINDOW_PREFIX + wid


def window_id_of(dirname: str) -> Optional[str]:
    """The window id of a ``window=<id>`` directory name, None for any other name."""
    return dirname[len(WINDOW_PREFIX):] if dirname.startswith(WINDOW_PREFIX) else None


def in_every_window(name: str) -> str:
    """Glob of ``name`` in every window directory, e.g. ``window=*/_summary.json``."""
    return f"{WINDOW_GLOB}/{name}"


# --- the vault --------------------------------------------------------------------------

TOKEN, DEAD_LETTER, QUARANTINE = "token", "dead_letter", "quarantine"
VAULT_FOLDERS = {TOKEN: "tokens", DEAD_LETTER: "dead_letters", QUARANTINE: "quarantine"}
MANIFEST = "_manifest.json"
RECIPIENT = "_recipient.pem"
AUDIT_LOG = "_audit.jsonl"
SEALED_SUFFIX = ".sealed.jsonl"
SEALED_GLOB = "*" + SEALED_SUFFIX  # the sealed files of one folder
ALL_SEALED_GLOB = "*/" + SEALED_GLOB  # the sealed files of a vault


def sealed_name(kind: str, suffix: str = "") -> str:
    """The one sealed file of a kind a window pane or a re-keyed vault has."""
    return f"{VAULT_FOLDERS[kind]}/{PART_PREFIX}-00000-of-00001{suffix}{SEALED_SUFFIX}"


def audit_head_name(log_name: str) -> str:
    """The head file beside an audit log: its anchor, last seq and MAC (audit.py)."""
    return log_name + ".head"


def audit_lock_name(log_name: str) -> str:
    """The lock file beside an audit log: writers hold an exclusive flock on it."""
    return log_name + ".lock"


def is_audit_file(name: str) -> bool:
    """The audit log, its head and lock, and the archived logs of earlier runs: evidence a
    commit never replaces or removes (only archives, see commit.py)."""
    stem = AUDIT_LOG.partition(".")[0]
    return name.startswith(AUDIT_LOG) or name.startswith(stem + "-")


def audit_archive_name(log_name: str, run_id: str) -> str:
    """Where the log of an earlier run goes when a new run writes the same vault
    directory: ``_audit.jsonl`` of run R -> ``_audit-R.jsonl``."""
    stem, dot, suffix = log_name.partition(".")
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in run_id)
    return f"{stem}-{safe}{dot}{suffix}"


# --- what a run's --overwrite replaces --------------------------------------------------

DATASET_OUTPUTS = (PART_GLOB, SUMMARY) + REPORTS
VAULT_OUTPUTS = ("*/" + PART_PREFIX + "-*" + SEALED_SUFFIX, MANIFEST, RECIPIENT)


# --- a commit: staging directories, journal, locks (commit.py) -------------------------

STAGING_PREFIX = ".hushbeam-staging-"
LOCK_SUFFIX = ".lock"
COMMIT_JOURNAL = "_commit.json"
COMMIT_LOCK = ".hushbeam.lock"
DATASET_MARKER = SUMMARY  # moved in last: a dataset is complete when it is there
VAULT_MARKER = MANIFEST  # the same for a vault


def staging_name(txn: str) -> str:
    """The hidden directory a run or an edit writes into before its commit."""
    return STAGING_PREFIX + txn


def staging_lock_name(txn: str) -> str:
    """Beside the staging directory: locked while its writer lives."""
    return staging_name(txn) + LOCK_SUFFIX


def staging_txn(name: str) -> Optional[str]:
    """The transaction id of a staging directory or lock name, None for any other name."""
    if not name.startswith(STAGING_PREFIX):
        return None
    txn = name[len(STAGING_PREFIX):]
    return txn[:-len(LOCK_SUFFIX)] if txn.endswith(LOCK_SUFFIX) else txn


def is_hidden(name: str) -> bool:
    """Staging, locks and temporary files: never part of a dataset or vault."""
    return name.startswith(".")


# --- temporary names: hidden (a leading dot), never read as a part ----------------------

def temp_name(name: str) -> str:
    """Where an atomic write of ``name`` is staged before its rename."""
    return f".{name}.tmp"


def pending_name(suffix: str) -> str:
    """A unique hidden name for a file written now and renamed at a later commit."""
    return f".tmp-{uuid.uuid4().hex}{suffix}"


# --- file contents ---------------------------------------------------------------------

def json_document(body: dict) -> bytes:
    """How the summary, the job, receipts and manifests are written: sorted, indented."""
    return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")


def parquet_metadata(header: dict, run_id: str) -> Dict[str, str]:
    """The schema metadata of every Parquet part: what made it, never data."""
    return {"hushbeam.policy_digest": header["policy_digest"],
            "hushbeam.key_id": header["key_id"],
            "hushbeam.key_version": header["key_version"],
            "hushbeam.run_id": run_id,
            "hushbeam.pseudonym_format": header["pseudonym_format"]}


def rekeyed_metadata(key_id: str, key_version: int, run_id: str,
                     from_run_id: str) -> Dict[str, str]:
    """The metadata a re-keyed part gets over its old one."""
    return {"hushbeam.key_id": key_id, "hushbeam.key_version": str(key_version),
            "hushbeam.run_id": run_id, "hushbeam.rekeyed_from_run_id": from_run_id}
