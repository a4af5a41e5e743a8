"""Data-key rotation: a re-keyed copy of a dataset and its vault (Beam-free).

Every pseudonym of the old key found in the token vault is mapped to the new key's
pseudonym of the same normalized value; a pseudonym of the old key with no vault row
cannot be mapped and is replaced by ``<TYPE>`` (counted). Dead letters and quarantine
are re-sealed under the new run id. The old dataset is left untouched; the new one and its
vault are staged and committed together (commit.py): a kill leaves no half copy.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path

import pyarrow as pa

from transforms.core.pseudonym import PSEUDONYM_RE, Pseudonymizer
from transforms.datasets import commit, layout
from transforms.datasets.dataset import (load_summary, parts, read_part, string_columns,
                                         write_part, write_summary)
from transforms.datasets.vault import file_entry, manifest_bytes, read_vault
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.keys.sealing import load_recipient, recipient_pem, seal


class RekeyError(RuntimeError):
    """Re-keying refused (same key, existing output, broken vault)."""


def rekey(dataset: Path, vault: Path, identity, new_keyset: Keyset, output: Path,
          vault_output: Path, recipient_pem_bytes: bytes) -> dict:
    dataset, vault, output, vault_output = map(Path, (dataset, vault, output, vault_output))
    commit.recover(str(dataset), str(vault))
    commit.recover(str(output), str(vault_output))  # a killed rekey's staging
    summary = load_summary(dataset)
    old_version = summary["key_version"]
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
    tokens = read_vault(vault, identity, layout.TOKEN, run_id)
    new = Pseudonymizer(unwrap_data_key(new_keyset), new_keyset.version)
    mapping = {row["pseudonym"]: new.pseudonym(row["type"], row["value"]) for row in tokens}
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
        summary = _rekey_into(dataset, vault, identity, new_keyset, output, vault_output,
                              recipient_pem_bytes, Path(staging.dataset_dir),
                              Path(staging.vault_dir), summary, tokens, new_run, mapping,
                              swap, unmapped)
        with commit.locked(str(output)):
            commit.recover_locked(str(output), str(vault_output), keep={new_run})
            commit.commit(str(output), str(vault_output), new_run)
    return summary


def _rekey_into(dataset, vault, identity, new_keyset, output, vault_output,
                recipient_pem_bytes, stage, stage_vault, summary, tokens, new_run, mapping,
                swap, unmapped) -> dict:
    """The re-keyed dataset and vault, written into the staging of ``new_run``."""
    run_id, old_version = summary["run_id"], summary["key_version"]
    for path in parts(dataset):
        table = read_part(path)
        for name in string_columns(table):
            values = [None if v is None else PSEUDONYM_RE.sub(swap, v)
                      for v in table.column(name).to_pylist()]
            table = table.set_column(table.schema.get_field_index(name), name,
                                     pa.array(values, type=pa.string()))
        meta = dict(table.schema.metadata or {})
        meta.update({k.encode(): v.encode() for k, v in layout.rekeyed_metadata(
            new_keyset.key_id, new_keyset.version, new_run, run_id).items()})
        write_part(table.replace_schema_metadata(meta), stage / path.name)

    recipient = load_recipient(recipient_pem_bytes)
    entries = []
    for kind in layout.VAULT_FOLDERS:
        is_token = kind == layout.TOKEN
        rows = tokens if is_token else read_vault(vault, identity, kind, run_id)
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
        (stage_vault / rel).write_bytes(data)
        entries.append(file_entry(rel, data))
    (stage_vault / layout.RECIPIENT).write_bytes(recipient_pem(recipient))
    (stage_vault / layout.MANIFEST).write_bytes(manifest_bytes(new_run, entries))

    summary = dict(summary, run_id=new_run, key_id=new_keyset.key_id,
                   key_version=new_keyset.version, vault_output=str(vault_output),
                   output=str(output),
                   rekeyed_from={"run_id": run_id, "key_id": summary["key_id"],
                                 "key_version": old_version},
                   rekey_unmapped_pseudonyms=unmapped["count"],
                   rekey_mapped_pseudonyms=len(mapping))
    write_summary(stage, summary)
    return summary


def _swap_nested(value, swap):
    if isinstance(value, str):
        return PSEUDONYM_RE.sub(swap, value)
    if isinstance(value, dict):
        return {k: _swap_nested(v, swap) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap_nested(v, swap) for v in value]
    return value
