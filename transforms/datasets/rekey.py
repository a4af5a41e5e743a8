"""Data-key rotation: a re-keyed copy of a dataset and its vault (Beam-free).

Every pseudonym of the old key found in the token vault is mapped to the new key's
pseudonym of the same normalized value; a pseudonym of the old key with no vault row
cannot be mapped and is replaced by ``<TYPE>`` (counted). Dead letters and quarantine
are re-sealed under the new run id. The old dataset is left untouched; the new one and its
vault are staged and committed together (commit.py): a kill leaves no half copy.

The old vault must verify under the old keyset (see vault.py) and belong to the dataset.
The new vault is sealed to the recipient the operator names, or else to the old vault's
recipient as its verified manifest records it (a replaced ``_recipient.pem`` is refused,
never sealed to); its manifest is authenticated under the new key and bound to the new
dataset, whose summary points at it.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Optional

import pyarrow as pa

from transforms.core.pseudonym import PSEUDONYM_RE, Pseudonymizer
from transforms.datasets import audit, commit, layout
from transforms.datasets.atomic import write_local
from transforms.datasets.report_files import withdraw_excerpts
from transforms.datasets.dataset import (load_summary, parts, read_part, text_columns,
                                         write_part, write_summary)
from transforms.datasets.vault import (VaultKey, dataset_binding, file_entry, manifest_bytes,
                                       open_line, part_pins, sha256_hex, verified_lines,
                                       verified_recipient, verify_vault)
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.keys.sealing import load_recipient, seal


class RekeyError(RuntimeError):
    """Re-keying refused (same key, existing output, broken vault)."""


def rekey(dataset: Path, vault: Path, identity, keyset: Keyset, new_keyset: Keyset,
          output: Path, vault_output: Path, recipient_pem_bytes: Optional[bytes] = None) -> dict:
    """``keyset``: the dataset's current key (verifies the old vault); ``new_keyset``: the
    key of the copy; ``recipient_pem_bytes``: the operator's recipient for the new vault
    (default: the old vault's verified recipient)."""
    dataset, vault, output, vault_output = map(Path, (dataset, vault, output, vault_output))
    commit.recover(str(dataset), str(vault))
    commit.recover(str(output), str(vault_output))  # a killed rekey's staging
    summary = load_summary(dataset)
    old_version = summary["key_version"]
    if (keyset.key_id, keyset.version) != (summary["key_id"], old_version):
        raise RekeyError(f"the dataset was pseudonymized with key {summary['key_id']} "
                         f"v{old_version}; --keyset holds {keyset.key_id} v{keyset.version}")
    if (new_keyset.key_id, new_keyset.version) == (summary["key_id"], old_version):
        raise RekeyError("the new keyset is the dataset's current key")
    if new_keyset.version == old_version:
        raise RekeyError(f"the new keyset must have another version than k{old_version} "
                         "(hushbeam keys create --version N)")
    for directory in (output, vault_output):
        if directory.exists() and any(not layout.is_hidden(p.name)
                                      for p in directory.iterdir()):
            raise RekeyError(f"{directory} is not empty")
    run_id = summary["run_id"]
    old_key = VaultKey.of(keyset)
    manifest = verify_vault(vault, old_key, run_id, dataset)
    if recipient_pem_bytes is None:
        recipient_pem_bytes = verified_recipient(vault, manifest)
    recipient = load_recipient(recipient_pem_bytes)

    def opened(kind):
        return [open_line(line, identity, kind, manifest, old_key)
                for _, line in verified_lines(vault, kind, manifest)]

    sealed_rows = {kind: opened(kind) for kind in layout.VAULT_FOLDERS}
    tokens = sealed_rows[layout.TOKEN]
    new_data_key = unwrap_data_key(new_keyset)
    new = Pseudonymizer(new_data_key, new_keyset.version)
    new_key = VaultKey(new_data_key, new_keyset.key_id, new_keyset.version)
    mapping = {row["pseudonym"]: new.pseudonym(row["type"], row["value"],  # same length
                                               length=len(row["pseudonym"].rpartition(":")[2]))
               for row in tokens}
    unmapped = {"count": 0}
    old_tag = f"#k{old_version}:"

    def swap(match: re.Match) -> str:
        old = match.group(0)
        if old in mapping:
            return mapping[old]
        if old_tag in old:
            unmapped["count"] += 1
            return f"<{old.split('#', 1)[0]}>"
        return old

    new_run = uuid.uuid4().hex
    with commit.Staging(str(output), str(vault_output), new_run) as staging:
        summary = _rekey_into(dataset, new_keyset, output, vault_output,
                              recipient_pem_bytes, recipient, Path(staging.dataset_dir),
                              Path(staging.vault_dir), summary, manifest, sealed_rows,
                              new_key, new_run, mapping, swap, unmapped)
        with commit.locked(str(output)):
            commit.recover_locked(str(output), str(vault_output), keep={new_run})
            commit.commit(str(output), str(vault_output), new_run)
    return summary


def _rekey_into(dataset, new_keyset, output, vault_output, recipient_pem_bytes, recipient,
                stage, stage_vault, summary, manifest, sealed_rows, new_key, new_run,
                mapping, swap, unmapped) -> dict:
    """The re-keyed dataset and vault, written into the staging of ``new_run``."""
    run_id, old_version = summary["run_id"], summary["key_version"]
    pins = part_pins(manifest)  # each part read must be the one verified
    for path in parts(dataset, pins):
        table = swapped_table(read_part(path, pins), swap)
        meta = dict(table.schema.metadata or {})
        meta.update({k.encode(): v.encode() for k, v in layout.rekeyed_metadata(
            new_keyset.key_id, new_keyset.version, new_run, run_id).items()})
        write_part(table.replace_schema_metadata(meta), stage / path.name)

    entries = []
    for kind in layout.VAULT_FOLDERS:
        is_token = kind == layout.TOKEN
        rows = sealed_rows[kind]
        lines = []
        for row in rows:
            if is_token:
                row = dict(row, pseudonym=mapping[row["pseudonym"]])
            else:
                row = _swap_nested(row, swap)
            lines.append(seal(row, recipient, kind, new_run,
                              ref=row["pseudonym"] if is_token else None))
        data = ("\n".join(lines) + "\n" if lines else "").encode()
        rel = layout.sealed_name(kind)
        (stage_vault / rel).parent.mkdir(parents=True, exist_ok=True)
        write_local(stage_vault / rel, data)
        entries.append(file_entry(rel, data))
    write_local(stage_vault / layout.RECIPIENT, recipient_pem_bytes)

    summary = dict(summary, run_id=new_run, key_id=new_keyset.key_id,
                   key_version=new_keyset.version, vault_output=str(vault_output),
                   vault_manifest=str(vault_output / layout.MANIFEST), vault_generation=0,
                   output=str(output),
                   rekeyed_from={"run_id": run_id, "key_id": summary["key_id"],
                                 "key_version": old_version,
                                 "vault_manifest_mac": manifest["mac"]},
                   rekey_unmapped_pseudonyms=unmapped["count"],
                   rekey_mapped_pseudonyms=len(mapping))
    withdraw_excerpts(summary, "rekey changed every pseudonym after the run")
    write_summary(stage, summary)
    # names relative to the dataset directory: the binding holds once committed
    write_local(stage_vault / layout.MANIFEST, manifest_bytes(
        new_key, new_run, entries, sha256_hex(recipient_pem_bytes),
        dataset_binding(stage, new_run)))
    verify_vault(stage_vault, new_key, new_run, stage)  # the copy is whole and bound
    audit.start(stage_vault, audit.AuditKey.from_keyset(new_keyset), new_run)  # its log
    return summary


def swapped_table(table: pa.Table, swap) -> pa.Table:
    """``table`` with ``swap`` applied to every pseudonym of its text columns; nested ones
    (``turns``) keep their type, and their numbers stay numbers."""
    for name in text_columns(table):
        values = [_swap_nested(v, swap) for v in table.column(name).to_pylist()]
        table = table.set_column(table.schema.get_field_index(name), name,
                                 pa.array(values, type=table.schema.field(name).type))
    return table


def _swap_nested(value, swap):
    if isinstance(value, str):
        return PSEUDONYM_RE.sub(swap, value)
    if isinstance(value, dict):
        return {k: _swap_nested(v, swap) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap_nested(v, swap) for v in value]
    return value
