"""Right to be forgotten and subject access over a written dataset and its vault (Beam-free).

Both verify the vault first (its manifest's MAC under the dataset's key, every file, and
that it belongs to the dataset as it is now, see vault.py) and refuse a vault that fails.

``forget`` removes every row linked to the subject from the Parquet parts (rewriting only
the affected files), their token-vault rows, and, given the vault identity, the dead
letters and quarantined records that mention them; keeps the summary's counts true (rows,
quarantine and dead letters with their reasons, and the entity counts the erased rows show,
see held_counts.py); re-authenticates the vault's manifest bound to the dataset as it will
be; writes an erasure receipt under the dataset (pseudonyms and counts, no values): all
staged, then committed together (commit.py). Running it again finds nothing more to
remove. ``forget`` and ``subject_access`` first complete or roll back an interrupted commit
and remove the staging of dead writers (which may hold the subject's sealed data).

``subject_access`` lists the subject's rows and, given the identity, their quarantined
and dead-lettered records and the vault value of every pseudonym in all of them.
"""
from __future__ import annotations

import collections
import datetime
import json
import logging
import os
import re
import shutil
import unicodedata
import uuid
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set

from transforms.core.policy import Policy
from transforms.core.pseudonym import Pseudonymizer, pseudonym_format
from transforms.datasets import commit, layout
from transforms.datasets.report_files import withdraw_excerpts
from transforms.datasets.dataset import (load_summary, parts, read_part, text_columns,
                                         write_json, write_part, write_summary)
from transforms.datasets import held_counts
from transforms.datasets.subjects import (Subject, each_pseudonym, linked_rows, not_found,
                                          row_pseudonyms, subject_pseudonyms, without_rows)
from transforms.datasets.vault import (VaultKey, commit_manifest, drop_lines, line_ref,
                                       open_line, part_pins, sha256_hex, verified_lines,
                                       verify_vault)
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.core.pseudonym import PSEUDONYM_RE


class KeyMismatch(RuntimeError):
    """The keyset given is not the one that made the dataset."""


def dataset_pseudonymizer(dataset: Path, keyset: Keyset, policy: Policy,
                          kinds: Iterable[str] = ()) -> Pseudonymizer:
    """The pseudonymizer that made the dataset, refused unless the keyset and, for the
    subject types ``kinds``, the policy's pseudonym settings are the dataset's."""
    summary = load_summary(dataset)
    if (summary.get("key_id"), summary.get("key_version")) != (keyset.key_id, keyset.version):
        raise KeyMismatch(f"the dataset was pseudonymized with key {summary.get('key_id')} "
                          f"v{summary.get('key_version')}; the keyset holds {keyset.key_id} "
                          f"v{keyset.version}")
    made, asked = summary.get("pseudonym_format"), pseudonym_format(policy.pseudonym_length)
    if made and made != asked:  # subjects would silently match nothing
        raise KeyMismatch(f"the dataset's pseudonyms are {made}, the policy's {asked}: give "
                          "--policy the policy the dataset was made with (pseudonyms.length)")
    check_pseudonym_settings(summary, policy, kinds)
    return Pseudonymizer.for_policy(unwrap_data_key(keyset), keyset.version, policy)


def check_pseudonym_settings(summary: dict, policy: Policy, kinds: Iterable[str]) -> None:
    """Refuse a policy that would hash a subject of a type in ``kinds`` otherwise than the
    run that made the dataset (another phone region or normalizer, or a type that run gave
    no pseudonyms): the subject would silently match nothing. The message names settings
    and the policy file, never a subject's value."""
    made = summary.get("pseudonym_settings")
    hint = ("; give --policy the policy the dataset was made with "
            f"({summary.get('policy_source')})")
    if not isinstance(made, dict):  # a dataset made before the summary recorded them
        if summary.get("policy_digest") not in (None, policy.digest):
            logging.getLogger("hushbeam").warning(
                "the dataset was made with another policy than --policy's (%s): if their "
                "defaultRegion or normalizers differ, a subject matches nothing%s",
                policy.source, hint)
        return
    normalizers = made.get("normalizers") or {}
    for kind in sorted(set(kinds)):
        theirs, ours = normalizers.get(kind), policy.normalizer(kind)
        if theirs is None:
            raise KeyMismatch(f"the dataset's policy gives no pseudonyms to {kind}{hint}")
        if theirs != ours:
            raise KeyMismatch(f"the dataset's {kind} values were normalized with {theirs}, "
                              f"--policy's are with {ours}{hint}")
        region = made.get("default_region")
        if theirs == "phone" and region != policy.default_region:
            raise KeyMismatch(f"the dataset's phone numbers were read with defaultRegion "
                              f"{region}, --policy's with defaultRegion "
                              f"{policy.default_region}{hint}")


def _structured_columns(policy: Policy, dataset: Optional[Path] = None) -> List[str]:
    """The structured columns that link a subject's rows: the policy's and, where the
    dataset's summary records them, the run's own."""
    columns = [s.field for s in policy.field_strategies]
    if dataset is not None:
        made = load_summary(dataset).get("pseudonym_settings")
        recorded = made.get("structured_fields") if isinstance(made, dict) else None
        columns += [c for c in (recorded or {}) if c not in columns]
    return columns


def _folded(text: str) -> str:
    """Case-folded, without invisible format characters (a zero-width space inside an
    address must not hide it)."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf").casefold()


def _mentions(payload, pseudonyms: Set[str], subjects: Sequence[Subject]) -> bool:
    text = _folded(json.dumps(payload, ensure_ascii=False))
    if any(p.casefold() in text for p in pseudonyms):
        return True
    digits = re.sub(r"\D", "", text)
    for subject in subjects:
        if _folded(subject.raw) in text:
            return True
        subject_digits = re.sub(r"\D", "", subject.raw)
        if subject.kind == "PHONE" and len(subject_digits) >= 8 and subject_digits[-8:] in digits:
            return True
    return False


_VAULT_COUNTS = {layout.DEAD_LETTER: ("records_dead_lettered", "dead_letter_reasons"),
                 layout.QUARANTINE: ("records_quarantined", "quarantine_reasons")}


def forget(dataset: Path, vault: Path, subjects: Sequence[Subject], keyset: Keyset,
           policy: Policy, identity=None, linked: Optional[Set[str]] = None,
           key: Optional[VaultKey] = None) -> dict:
    """Erase the subjects; returns the receipt (also written under the dataset).

    ``linked``: the subjects' pseudonyms as already linked across a larger dataset (the
    windows of a streaming job, see :func:`forget_windows`); default: from ``subjects``.
    ``key``: the keyset's VaultKey if the caller has it already.

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
                                     policy, identity, linked, key)
            commit.commit(str(dataset), str(vault), erasure_id)
    return receipt


def _forget_staged(dataset: Path, vault: Path, stage: Path, stage_vault: Path,
                   erasure_id: str, subjects: Sequence[Subject], keyset: Keyset,
                   policy: Policy, identity, linked: Optional[Set[str]],
                   key: Optional[VaultKey]) -> dict:
    """The erasure, read from the visible dataset and vault, written into the staging."""
    summary = load_summary(dataset)
    pseudonymizer = dataset_pseudonymizer(dataset, keyset, policy, [s.kind for s in subjects])
    key = key or VaultKey.of(keyset)
    # refuse to edit a broken, forged or foreign vault
    manifest = verify_vault(vault, key, summary["run_id"], dataset)
    pins = part_pins(manifest)  # every part read below must be the one verified
    _link_vault(vault, stage_vault)
    each = each_pseudonym(subjects, policy, pseudonymizer)
    given = linked if linked is not None else set(each)
    matches, linked = linked_rows(dataset, given, _structured_columns(policy, dataset), pins)
    rows_removed, files, in_removed_rows, erased_counts = 0, [], set(linked), []
    rewritten, present = {}, set()  # present: the pseudonyms the rows and tokens hold
    for path, rows in sorted(matches.items()):
        table = read_part(path, pins)
        all_rows = table.to_pylist()
        for i in rows:
            present |= row_pseudonyms(all_rows[i], text_columns(table))
            in_removed_rows |= row_pseudonyms(all_rows[i], text_columns(table))
            erased_counts.append(held_counts.row_counts(all_rows[i], policy))
        rewritten[path.name] = without_rows(table, rows)
        write_part(rewritten[path.name], stage / path.name)
        rows_removed += len(rows)
        files.append(path.name)
    # Vault rows of every pseudonym in the erased rows (an account number said in the call
    # too), unless someone else's remaining row still carries it.
    still_used = set()
    for path in parts(dataset, pins):
        table = rewritten.get(path.name) or read_part(path, pins)
        for row in table.to_pylist():
            still_used |= row_pseudonyms(row, text_columns(table))
    erase = linked | (in_removed_rows - still_used)

    def dropped(line: str) -> bool:
        present.add(line_ref(line))
        return line_ref(line) in erase

    tokens_removed = drop_lines(stage_vault, layout.TOKEN, dropped, key, manifest)
    receipt = {"erasure_id": erasure_id,
               "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
               "dataset_run_id": summary["run_id"], "subject_types": sorted(
                   {s.kind for s in subjects}),
               "pseudonyms": sorted(erase), "rows_removed": rows_removed,
               "files_rewritten": files, "vault_tokens_removed": tokens_removed,
               "subjects_not_found": not_found(each, present)}
    reasons = {kind: collections.Counter() for kind in _VAULT_COUNTS}
    if identity is not None:
        for kind, name in ((layout.DEAD_LETTER, "dead_letters_removed"),
                           (layout.QUARANTINE, "quarantined_removed")):
            def erased(line, kind=kind):
                payload = open_line(line, identity, kind, manifest, key)
                if not _mentions(payload, linked, subjects):
                    return False
                reasons[kind][str(payload.get("reason")) if isinstance(payload, dict)
                              else "unknown"] += 1
                return True
            receipt[name] = drop_lines(stage_vault, kind, erased, key, manifest)
    else:
        receipt["dead_letters_and_quarantine"] = "not inspected (no --identity given)"
    generation = int(manifest["generation"])
    vault_removed = sum(sum(r.values()) for r in reasons.values())
    if rows_removed or tokens_removed or vault_removed:
        generation += 1
        _erase_counts(summary, rows_removed, erased_counts, reasons)
        summary["vault_generation"] = generation
        write_summary(stage, summary)
        # bound to the dataset as the commit leaves it: staged parts over visible ones
        commit_manifest(stage_vault, key, manifest, generation=generation,
                        binding=_binding_after(dataset, stage, summary["run_id"], pins))
    else:  # staged unchanged, byte for byte: the commit's marker, the binding still holds
        shutil.copyfile(dataset / layout.SUMMARY, stage / layout.SUMMARY)
    receipt["vault_generation"] = generation
    _write_receipt(stage, receipt)
    return receipt


def _binding_after(dataset: Path, stage: Path, run_id: str,
                   pins: Optional[Dict[str, str]]) -> dict:
    """:func:`vault.dataset_binding` of ``dataset`` once the files staged in ``stage``
    are committed (names relative to the dataset directory, as the binding records them).
    A part not rewritten keeps the digest ``pins`` verified (never re-hashed from disk,
    where it may have been swapped since); unpinned (an older dataset) it is hashed."""
    def digest(path: Path) -> str:
        staged = stage / path.name
        if staged.exists():
            return sha256_hex(staged.read_bytes())
        return pins[path.name] if pins is not None else sha256_hex(path.read_bytes())
    return {"run_id": run_id, "parts": {p.name: digest(p) for p in parts(dataset, pins)},
            "summary_sha256": sha256_hex((stage / layout.SUMMARY).read_bytes())}


def _link_vault(vault: Path, stage_vault: Path) -> None:
    """The vault's committed files, hard-linked into the staging (copied where links are
    not possible): edits there replace a file by rename, never the visible one. The audit
    log (and its archives, head, lock) stays where it is: the commit never moves it."""
    names = [p for p in vault.iterdir() if p.is_file() and not layout.is_hidden(p.name)
             and p.name != layout.COMMIT_JOURNAL and not layout.is_audit_file(p.name)]
    for path in names + sorted(vault.glob(layout.ALL_SEALED_GLOB)):
        target = stage_vault / path.relative_to(vault)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def _erase_counts(summary: dict, rows_removed: int, erased_counts: List[dict],
                  reasons: dict) -> None:
    """The summary's counts without what was erased; read = written + quarantined +
    dead-lettered + erased still holds."""
    summary["records_written"] -= rows_removed
    erased = dict(summary.get("erased") or {"rows": summary.get("records_erased", 0)})
    erased["rows"] = erased.get("rows", 0) + rows_removed
    for kind, (total, by_reason) in _VAULT_COUNTS.items():
        gone = reasons[kind]
        summary[total] = summary.get(total, 0) - sum(gone.values())
        left = dict(summary.get(by_reason) or {})
        for reason, n in gone.items():
            if left.get(reason, 0) > n:
                left[reason] -= n
            else:
                left.pop(reason, None)
        summary[by_reason] = left
        erased[total.replace("records_", "")] = (erased.get(total.replace("records_", ""), 0)
                                                 + sum(gone.values()))
    summary["erased"] = erased
    summary["records_erased"] = sum(erased.values())
    # the report's samples: no excerpt of the rows before, no id of a held record erased
    withdraw_excerpts(summary, "forget removed rows after the run")
    samples = summary.get("samples")
    if isinstance(samples, dict):
        for kind, held in ((layout.QUARANTINE, "quarantine"),
                           (layout.DEAD_LETTER, "dead_letters")):
            if reasons[kind] and isinstance(samples.get(held), dict):
                samples[held] = {r: ids for r, ids in samples[held].items()
                                 if r not in reasons[kind]}
    if erased_counts:
        summary["counts"] = held_counts.subtract(summary.get("counts") or {}, erased_counts)
        summary["counts_after_erasure"] = ("less the counts the erased rows show; "
                                           + held_counts.NOT_RECOUNTED)


def subject_access(dataset: Path, subjects: Sequence[Subject], keyset: Keyset,
                   policy: Policy, vault: Optional[Path] = None, identity=None,
                   linked: Optional[Set[str]] = None, key: Optional[VaultKey] = None) -> dict:
    """Everything held about the subjects: dataset rows and, with the identity, their
    quarantined and dead-lettered records and the vault value of every pseudonym in them."""
    dataset = Path(dataset)
    commit.recover(str(dataset), str(vault) if vault is not None else None)
    pseudonymizer = dataset_pseudonymizer(dataset, keyset, policy, [s.kind for s in subjects])
    manifest, pins = None, None
    if vault is not None:  # verified even without the identity: never report on a forgery
        key = key or VaultKey.of(keyset)
        manifest = verify_vault(vault, key, load_summary(dataset)["run_id"], dataset)
        pins = part_pins(manifest)  # every part read below must be the one verified
    each = each_pseudonym(subjects, policy, pseudonymizer)
    given = linked if linked is not None else set(each)
    matches, linked = linked_rows(dataset, given, _structured_columns(policy, dataset), pins)
    rows, found, present = [], set(linked), set()
    for path, indices in sorted(matches.items()):
        table = read_part(path, pins)
        table_rows = table.to_pylist()
        for i in indices:
            rows.append(table_rows[i])
            present |= row_pseudonyms(table_rows[i], text_columns(table))
    found |= present
    if manifest is not None:  # a subject with a vault token is found too
        present |= {line_ref(line) for _, line in verified_lines(vault, layout.TOKEN,
                                                                 manifest)}
    report = {"pseudonyms": sorted(linked), "rows": rows,
              "subjects_not_found": not_found(each, present)}
    if manifest is not None and identity is not None:
        for kind, name in ((layout.QUARANTINE, "quarantined"),
                           (layout.DEAD_LETTER, "dead_letters")):
            held = [payload for payload in (open_line(line, identity, kind, manifest, key)
                                            for _, line in verified_lines(vault, kind, manifest))
                    if _mentions(payload, linked, subjects)]
            report[name] = held
            found |= set(PSEUDONYM_RE.findall(json.dumps(held, ensure_ascii=False)))
        tokens = {}
        for _, line in verified_lines(vault, layout.TOKEN, manifest):
            if line_ref(line) in found:
                row = open_line(line, identity, layout.TOKEN, manifest, key)
                tokens[row["pseudonym"]] = {"type": row["type"], "value": row["value"]}
        report["vault_tokens"] = dict(sorted(tokens.items()))
        report["not_in_vault"] = sorted(p for p in found if p not in tokens)
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
    for window in windows[1:]:  # each window's summary records its run's settings
        check_pseudonym_settings(load_summary(window), policy, [s.kind for s in subjects])
    wanted = subject_pseudonyms(subjects, policy,
                                dataset_pseudonymizer(windows[0], keyset, policy,
                                                      [s.kind for s in subjects]))
    while True:
        grown = set(wanted)
        for window in windows:
            grown |= linked_rows(window, wanted, _structured_columns(policy, window))[1]
        if grown == wanted:
            return wanted
        wanted = grown


def forget_windows(dataset: Path, vault: Path, subjects: Sequence[Subject], keyset: Keyset,
                   policy: Policy, identity=None) -> dict:
    """:func:`forget` over every committed window of a streaming job; one receipt for the
    job among the dataset's receipts (each window also keeps its own)."""
    dataset, vault = Path(dataset), Path(vault)
    windows = windows_of(dataset)
    key = VaultKey.of(keyset)
    for window in windows:  # every window's vault verifies before any is edited
        verify_vault(vault / window.name, key, load_summary(window)["run_id"], window)
    linked = link_across(windows, subjects, keyset, policy) if windows else set()
    receipt = {"erasure_id": uuid.uuid4().hex,
               "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
               "subject_types": sorted({s.kind for s in subjects}), "pseudonyms": [],
               "rows_removed": 0, "vault_tokens_removed": 0, "windows": {}}
    counted = ("rows_removed", "vault_tokens_removed", "dead_letters_removed",
               "quarantined_removed")
    erased, missing = set(), set(range(1, len(subjects) + 1))
    for window in windows:
        part = forget(window, vault / window.name, subjects, keyset, policy, identity, linked,
                      key)
        erased |= set(part["pseudonyms"])
        missing &= set(part["subjects_not_found"])  # found in any window: found
        for name in counted:
            if name in part:
                receipt[name] = receipt.get(name, 0) + part[name]
        if any(part.get(name) for name in counted):
            receipt["windows"][window.name] = part["erasure_id"]
    if identity is None:
        receipt["dead_letters_and_quarantine"] = "not inspected (no --identity given)"
    receipt["pseudonyms"] = sorted(erased)
    receipt["subjects_not_found"] = sorted(missing)
    _write_receipt(dataset, receipt)
    return receipt


def subject_access_windows(dataset: Path, subjects: Sequence[Subject], keyset: Keyset,
                           policy: Policy, vault: Optional[Path] = None,
                           identity=None) -> dict:
    """:func:`subject_access` over every committed window of a streaming job."""
    windows = windows_of(dataset)
    key = VaultKey.of(keyset) if vault is not None else None
    if vault is not None:  # every window's vault verifies before anything is reported
        for window in windows:
            verify_vault(Path(vault) / window.name, key, load_summary(window)["run_id"],
                         window)
    linked = link_across(windows, subjects, keyset, policy) if windows else set()
    report = {"pseudonyms": sorted(linked), "rows": []}
    missing = set(range(1, len(subjects) + 1))
    for window in windows:
        part = subject_access(window, subjects, keyset, policy,
                              Path(vault) / window.name if vault else None, identity, linked,
                              key)
        report["rows"].extend(part["rows"])
        missing &= set(part["subjects_not_found"])
        for name in ("quarantined", "dead_letters"):
            if name in part:
                report.setdefault(name, []).extend(part[name])
        if "vault_tokens" in part:
            report.setdefault("vault_tokens", {}).update(part["vault_tokens"])
            report.setdefault("not_in_vault", set()).update(part["not_in_vault"])
    report["subjects_not_found"] = sorted(missing)
    if "not_in_vault" in report:  # a pseudonym missing in one window may be in another
        report["not_in_vault"] = sorted(report["not_in_vault"] - set(report["vault_tokens"]))
    return report
