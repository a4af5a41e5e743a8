"""``hushbeam vault show``: what a sealed vault holds back, for the person who must act on it.

``--kind quarantine`` (records the leak guard held back), ``dead_letters`` (records no stage
could process) or ``tokens`` (pseudonym -> value). Every vault (a streaming job's: every
window) is verified under the keyset before a line is opened; the access is recorded in
the vault's audit log before anything is shown (the caller's ``record``).

``--format jsonl`` turns held records back into input for ``hushbeam redact``: one record
per line, with the pseudonyms the token vault holds put back to their values (so that
redacting them again, under a fixed policy, gives the same pseudonyms and vault rows). A
dead letter whose raw input is not a JSON object (a broken line) is written as it was read.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Callable, Dict, List, Sequence

from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.datasets import commit, layout
from transforms.datasets.vault import VaultKey, read_vault

VAULT_KINDS = ("quarantine", "dead_letters", "tokens")
_KINDS = {"quarantine": layout.QUARANTINE, "dead_letters": layout.DEAD_LETTER,
          "tokens": layout.TOKEN}


@dataclasses.dataclass
class Held:
    """One quarantined or dead-lettered record, opened."""

    id: str  # its conversation_id, else source:position
    source: str
    position: object
    stage: str
    reason: str
    content: object  # the record's fields (a dict), or the raw text of what was read

    def as_json(self) -> dict:
        return dataclasses.asdict(self)


def vaults_of(vault: Path) -> List[Path]:
    """The vault, or a streaming job's window vaults."""
    if (vault / layout.MANIFEST).exists():
        return [vault]
    windows = sorted(p.parent for p in vault.glob(layout.in_every_window(layout.MANIFEST)))
    return windows or [vault]  # none: read_vault names the missing manifest


def _rows(vault: Path, identity, key: VaultKey, kind: str) -> List[dict]:
    return [row for each in vaults_of(vault) for row in read_vault(each, identity, kind, key)]


def held_record(row: dict) -> Held:
    raw = row.get("raw")
    content = raw
    if isinstance(raw, str):
        try:
            content = json.loads(raw)
        except ValueError:
            content = raw
    ident = content.get("conversation_id") if isinstance(content, dict) else None
    where = f"{row.get('source')}:{row.get('position')}"
    return Held(str(ident) if ident not in (None, "") else where, str(row.get("source")),
                row.get("position"), str(row.get("stage")), str(row.get("reason")), content)


def restored(value, tokens: Dict[str, dict], used: set):
    """``value`` with every pseudonym the token vault holds put back (``used`` collects
    them for the audit entry)."""
    if isinstance(value, str):
        def swap(match):
            row = tokens.get(match.group(0))
            if row is None:
                return match.group(0)
            used.add(match.group(0))
            return row["value"]
        return PSEUDONYM_RE.sub(swap, value)
    if isinstance(value, list):
        return [restored(v, tokens, used) for v in value]
    if isinstance(value, dict):
        return {k: restored(v, tokens, used) for k, v in value.items()}
    return value


def show(vault: Path, identity, key: VaultKey, kind: str, output_format: str,
         record: Callable[[Sequence[str]], None]) -> int:
    """Verify, record the access (``record(pseudonyms revealed)``), then print."""
    commit.recover_vault(str(vault))  # an interrupted commit: completed or rolled back
    if kind == "tokens":
        rows = sorted(_rows(vault, identity, key, layout.TOKEN), key=lambda r: r["pseudonym"])
        record([r["pseudonym"] for r in rows])
        _print_tokens(rows, output_format)
        return 0
    held = [held_record(row) for row in _rows(vault, identity, key, _KINDS[kind])]
    if output_format == "jsonl":
        tokens = {row["pseudonym"]: row for row in _rows(vault, identity, key, layout.TOKEN)}
        used: set = set()
        lines = [json.dumps(restored(h.content, tokens, used), ensure_ascii=False)
                 if isinstance(h.content, dict) else str(h.content).rstrip("\n") for h in held]
        record(sorted(used))
        for line in lines:
            print(line)
        return 0
    record([])
    if output_format == "json":
        print(json.dumps([h.as_json() for h in held], indent=2, ensure_ascii=False))
        return 0
    print(f"{len(held)} {kind.replace('_', ' ')} record(s) in {vault}")
    for i, h in enumerate(held, 1):
        print(f"\n[{i}] {h.id}  reason {h.reason}  (stage {h.stage}, {h.source} "
              f"item {h.position})")
        body = (json.dumps(h.content, indent=2, ensure_ascii=False, sort_keys=True)
                if isinstance(h.content, (dict, list)) else str(h.content))
        print("\n".join("    " + line for line in body.splitlines()))
    return 0


def _print_tokens(rows: List[dict], output_format: str) -> None:
    if output_format == "text":
        for row in rows:
            print(f"{row['pseudonym']}\t{row['type']}\t{row['value']}")
    elif output_format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
