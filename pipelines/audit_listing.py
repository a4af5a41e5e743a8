"""``hushbeam audit show``: a vault's audit log, verified, as a table a person reads.

An entry holds seq, time, actor, action, reason and the pseudonyms accessed (never values);
the table shows how many, ``--format json`` every field. The log is verified first
(transforms/datasets/audit.py): an altered log is an error, never listed.
"""
from __future__ import annotations

import json

from transforms.datasets.audit import State

_COLUMNS = ("seq", "time (UTC)", "actor", "action", "pseudonyms", "reason")


def rows(state: State) -> list:
    return [(str(e["seq"]), str(e["time"])[:19].replace("T", " "), str(e["actor"]),
             str(e["action"]), str(len(e.get("pseudonyms") or [])), str(e["reason"]))
            for e in state.entries]


def show(state: State, output_format: str) -> None:
    anchor = state.anchor
    if output_format == "json":
        print(json.dumps({"log": str(state.log), "anchor": anchor, "entries": state.entries,
                          "notes": state.notes()}, indent=2, ensure_ascii=False))
        return
    print(f"audit log {state.log}: {len(state.entries)} entries, chain intact (key "
          f"{anchor['key_id']} v{anchor['key_version']}); started "
          f"{str(anchor['created'])[:19].replace('T', ' ')} for run {anchor['run']} "
          f"({anchor['origin']})")
    table = [_COLUMNS] + rows(state)
    widths = [max(len(row[i]) for row in table) for i in range(len(_COLUMNS) - 1)]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    for note in state.notes():
        print(f"note: {note}; the next access repairs it")
