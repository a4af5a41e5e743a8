import json

import pytest

from transforms.datasets.audit import AuditError, append, verify


def _log(tmp_path, n=3):
    log = tmp_path / "audit.jsonl"
    for i in range(n):
        append(log, "alice", "reidentify", f"case {i}", [f"EMAIL#k1:{'a' * 26}"])
    return log


def test_entries_chain_and_verify(tmp_path):
    entries = verify(_log(tmp_path))
    assert [e["seq"] for e in entries] == [1, 2, 3]
    assert entries[1]["prev"] == entries[0]["hash"]
    assert entries[2]["actor"] == "alice" and entries[2]["reason"] == "case 2"


def test_edited_entry_is_detected(tmp_path):
    log = _log(tmp_path)
    lines = log.read_text().splitlines()
    entry = json.loads(lines[1])
    entry["reason"] = "nothing to see"
    lines[1] = json.dumps(entry, sort_keys=True)
    log.write_text("\n".join(lines) + "\n")
    with pytest.raises(AuditError, match="line 2 was edited"):
        verify(log)


def test_removed_middle_or_last_entry_is_detected(tmp_path):
    log = _log(tmp_path)
    lines = log.read_text().splitlines()
    log.write_text("\n".join([lines[0], lines[2]]) + "\n")
    with pytest.raises(AuditError, match="breaks the chain"):
        verify(log)
    log.write_text("\n".join(lines[:2]) + "\n")
    with pytest.raises(AuditError, match="entries were removed"):
        verify(log)


def test_append_refuses_an_empty_reason_and_a_broken_log(tmp_path):
    with pytest.raises(AuditError, match="reason is required"):
        append(tmp_path / "a.jsonl", "bob", "reidentify", "  ", [])
    log = _log(tmp_path)
    log.write_text(log.read_text().replace("case 0", "case X"))
    with pytest.raises(AuditError):
        append(log, "bob", "reidentify", "more", [])
