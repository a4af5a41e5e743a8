"""Right to be forgotten and subject access over a written dataset and its vault (Beam-free).

``forget`` removes every row linked to the subject from the Parquet parts (rewriting only
the affected files), their token-vault rows, and, given the vault identity, the dead
letters and quarantined records that mention them, and writes an erasure receipt under the
dataset (pseudonyms and counts, no values): all staged, then committed together
(commit.py). Running it again finds nothing more to remove. ``forget`` and
``subject_access`` first complete or roll back an interrupted commit and remove the
staging of dead writers (which may hold the subject's sealed data).
"""
from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import uuid
from pathlib import Path
from typing import List, Optional, Sequence, Set

from transforms.core.policy import Policy
from transforms.core.pseudonym import Pseudonymizer
from transforms.datasets import commit, layout
from transforms.datasets.dataset import (load_summary, parts, read_part, string_columns,
                                         write_json, write_part, write_summary)
from transforms.datasets.subjects import (Subject, linked_rows, row_pseudonyms,
                                          subject_pseudonyms, without_rows)
from transforms.datasets.vault import drop_lines, line_ref, token_map, verify_vault
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.keys.sealing import open_sealed


class KeyMismatch(RuntimeError):
    """The keyset given is not the one that made the dataset."""


def dataset_pseudonymizer(dataset: Path, keyset: Keyset, policy: Policy) -> Pseudonymizer:
    summary = load_summary(dataset)
    if (summary.get("key_id"), summary.get("key_version")) != (keyset.key_id, keyset.version):
        raise KeyMismatch(f"the dataset was pseudonymized with key {summary.get('key_id')} "
                          f"v{summary.get('key_version')}; the keyset holds {keyset.key_id} "
                          f"v{keyset.version}")
    return Pseudonymizer(unwrap_data_key(keyset), keyset.version, policy.default_region)


def _structured_columns(policy: Policy) -> List[str]:
    return [s.field for s in policy.field_strategies]


def _mentions(payload, pseudonyms: Set[str], subjects: Sequence[Subject]) -> bool:
    text = json.dumps(payload, ensure_ascii=False).casefold()
    if any(p.casefold() in text for p in pseudonyms):
        return True
    digits = re.sub(r"\D", "", text)
    for subject in subjects:
        if subject.raw.casefold() in text:
            return True
        subject_digits = re.sub(r"\D", "", subject.raw)
        if subject.kind == "PHONE" and len(subject_digits) >= 8 and subject_digits[-8:] in digits:
            return True
    return False


def forget(dataset: Path, vault: Path, subjects: Sequence[Subject], keyset: Keyset,
           policy: Policy, identity=None, linked: Optional[Set[str]] = None) -> dict:
    """Erase the subjects; returns the receipt (also written under the dataset).

    ``linked``: the subjects' pseudonyms as already linked across a larger dataset (the
    windows of a streaming job, see :func:`forget_windows`); default: from ``subjects``.

    Atomic: the rewritten parts, summary, receipt, sealed files and manifest are staged,
    then committed together (commit.py); a kill leaves the dataset and vault before or
    after the erasure, never between.
    """
    dataset, vault = Path(dataset), Path(vault)
    commit.recover(str(dataset), str(vault))
    erasure_id = uuid.uuid4().hex
    with commit.Staging(str(dataset), str(vault), erasure_id) as staging:
        with commit.locked(str(dataset)):
            commit.recover_locked(str(dataset), str(vault), keep={erasure_id})
            receipt = _forget_staged(dataset, vault, Path(staging.dataset_dir),
                                     Path(staging.vault_dir), erasure_id, subjects, keyset,
                                     policy, identity, linked)
            commit.commit(str(dataset), str(vault), erasure_id)
    return receipt


def _forget_staged(dataset: Path, vault: Path, stage: Path, stage_vault: Path,
                   erasure_id: str, subjects: Sequence[Subject], keyset: Keyset,
                   policy: Policy, identity, linked: Optional[Set[str]]) -> dict:
    """The erasure, read from the visible dataset and vault, written into the staging."""
    summary = load_summary(dataset)
    pseudonymizer = dataset_pseudonymizer(dataset, keyset, policy)
    verify_vault(vault, summary["run_id"])  # refuse to edit a broken or foreign vault
    _link_vault(vault, stage_vault)
    given = linked if linked is not None else subject_pseudonyms(subjects, policy,
                                                                 pseudonymizer)
    matches, linked = linked_rows(dataset, given, _structured_columns(policy))
    rows_removed, files, in_removed_rows, rewritten = 0, [], set(linked), {}
    for path, rows in sorted(matches.items()):
        table = read_part(path)
        all_rows = table.to_pylist()
        for i in rows:
            in_removed_rows |= row_pseudonyms(all_rows[i], string_columns(table))
        rewritten[path.name] = without_rows(table, rows)
        write_part(rewritten[path.name], stage / path.name)
        rows_removed += len(rows)
        files.append(path.name)
    # Vault rows of every pseudonym in the erased rows (an account number said in the call
    # too), unless someone else's remaining row still carries it.
    still_used = set()
    for path in parts(dataset):
        table = rewritten.get(path.name) or read_part(path)
        for row in table.to_pylist():
            still_used |= row_pseudonyms(row, string_columns(table))
    erase = linked | (in_removed_rows - still_used)
    tokens_removed = drop_lines(stage_vault, layout.TOKEN,
                                lambda line: line_ref(line) in erase)
    receipt = {"erasure_id": erasure_id,
               "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
               "dataset_run_id": summary["run_id"], "subject_types": sorted(
                   {s.kind for s in subjects}),
               "pseudonyms": sorted(erase), "rows_removed": rows_removed,
               "files_rewritten": files, "vault_tokens_removed": tokens_removed}
    if identity is not None:
        for kind, key in ((layout.DEAD_LETTER, "dead_letters_removed"),
                          (layout.QUARANTINE, "quarantined_removed")):
            receipt[key] = drop_lines(stage_vault, kind, lambda line, k=kind: _mentions(
                open_sealed(line, identity, k, summary["run_id"]), linked, subjects))
    else:
        receipt["dead_letters_and_quarantine"] = "not inspected (no --identity given)"
    if rows_removed:
        summary["records_written"] -= rows_removed
        summary["records_erased"] = summary.get("records_erased", 0) + rows_removed
    write_summary(stage, summary)  # staged even unchanged: the commit's marker
    _write_receipt(stage, receipt)
    return receipt


def _link_vault(vault: Path, stage_vault: Path) -> None:
    """The vault's committed files, hard-linked into the staging (copied where links are
    not possible): edits there replace a file by rename, never the visible one."""
    skip = {layout.COMMIT_JOURNAL, layout.AUDIT_LOG, layout.audit_head_name(layout.AUDIT_LOG)}
    names = [p for p in vault.iterdir() if p.is_file() and not layout.is_hidden(p.name)
             and p.name not in skip and not p.name.startswith(layout.AUDIT_LOG)]
    for path in names + sorted(vault.glob(layout.ALL_SEALED_GLOB)):
        target = stage_vault / path.relative_to(vault)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def subject_access(dataset: Path, subjects: Sequence[Subject], keyset: Keyset,
                   policy: Policy, vault: Optional[Path] = None, identity=None,
                   linked: Optional[Set[str]] = None) -> dict:
    """Everything held about the subjects: dataset rows, and vault entries with the identity."""
    dataset = Path(dataset)
    commit.recover(str(dataset), str(vault) if vault is not None else None)
    pseudonymizer = dataset_pseudonymizer(dataset, keyset, policy)
    given = linked if linked is not None else subject_pseudonyms(subjects, policy,
                                                                 pseudonymizer)
    matches, linked = linked_rows(dataset, given, _structured_columns(policy))
    rows = []
    for path, indices in sorted(matches.items()):
        table_rows = read_part(path).to_pylist()
        rows.extend(table_rows[i] for i in indices)
    report = {"pseudonyms": sorted(linked), "rows": rows}
    if vault is not None and identity is not None:
        run_id = load_summary(dataset)["run_id"]
        tokens = token_map(vault, identity, run_id)
        report["vault_tokens"] = {p: tokens[p] for p in sorted(linked) if p in tokens}
    return report


def _write_receipt(dataset: Path, receipt: dict) -> None:
    receipts = dataset / layout.RECEIPTS
    receipts.mkdir(exist_ok=True)
    write_json(receipts / layout.receipt_name(receipt["erasure_id"]), receipt)


# --- the windows of a streaming job ----------------------------------------------------

def windows_of(dataset: Path) -> List[Path]:
    """The committed windows of a streaming job's output, or [] for a batch dataset."""
    dataset = Path(dataset)
    if not (dataset / layout.JOB).exists():
        return []
    return sorted(p.parent for p in dataset.glob(layout.in_every_window(layout.SUMMARY)))


def link_across(windows: Sequence[Path], subjects: Sequence[Subject], keyset: Keyset,
                policy: Policy) -> Set[str]:
    """The subjects' pseudonyms, linked transitively through every window (an email in one
    window brings in the phone beside it, and that phone's rows in another window)."""
    wanted = subject_pseudonyms(subjects, policy,
                                dataset_pseudonymizer(windows[0], keyset, policy))
    while True:
        grown = set(wanted)
        for window in windows:
            grown |= linked_rows(window, wanted, _structured_columns(policy))[1]
        if grown == wanted:
            return wanted
        wanted = grown


def forget_windows(dataset: Path, vault: Path, subjects: Sequence[Subject], keyset: Keyset,
                   policy: Policy, identity=None) -> dict:
    """:func:`forget` over every committed window of a streaming job; one receipt for the
    job among the dataset's receipts (each window also keeps its own)."""
    dataset, vault = Path(dataset), Path(vault)
    windows = windows_of(dataset)
    linked = link_across(windows, subjects, keyset, policy) if windows else set()
    receipt = {"erasure_id": uuid.uuid4().hex,
               "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
               "subject_types": sorted({s.kind for s in subjects}), "pseudonyms": [],
               "rows_removed": 0, "vault_tokens_removed": 0, "windows": {}}
    erased = set()
    for window in windows:
        part = forget(window, vault / window.name, subjects, keyset, policy, identity, linked)
        erased |= set(part["pseudonyms"])
        receipt["rows_removed"] += part["rows_removed"]
        receipt["vault_tokens_removed"] += part["vault_tokens_removed"]
        if part["rows_removed"] or part["vault_tokens_removed"]:
            receipt["windows"][window.name] = part["erasure_id"]
    receipt["pseudonyms"] = sorted(erased)
    _write_receipt(dataset, receipt)
    return receipt


def subject_access_windows(dataset: Path, subjects: Sequence[Subject], keyset: Keyset,
                           policy: Policy, vault: Optional[Path] = None,
                           identity=None) -> dict:
    """:func:`subject_access` over every committed window of a streaming job."""
    windows = windows_of(dataset)
    linked = link_across(windows, subjects, keyset, policy) if windows else set()
    report = {"pseudonyms": sorted(linked), "rows": []}
    for window in windows:
        part = subject_access(window, subjects, keyset, policy,
                              Path(vault) / window.name if vault else None, identity, linked)
        report["rows"].extend(part["rows"])
        if "vault_tokens" in part:
            report.setdefault("vault_tokens", {}).update(part["vault_tokens"])
    return report
