"""The keyed audit log: chain, anchor, head, torn writes, archive, copy (no Beam)."""
import json
import multiprocessing

import pytest

from transforms.datasets import audit, layout
from transforms.datasets.audit import AuditError, AuditKey, append, head_path, start, verify

RUN = "run-1"
KEY = AuditKey.from_data_key(b"k" * 32, "hb-test", 1)
OTHER = AuditKey.from_data_key(b"o" * 32, "hb-other", 1)
P = "EMAIL#k1:" + "a" * 26


def _log(tmp_path, n=3, key=KEY):
    start(tmp_path, key, RUN)
    log = tmp_path / layout.AUDIT_LOG
    for i in range(n):
        append(log, key, "alice", "reidentify", f"case {i}", [P], run_id=RUN)
    return log


def _lines(log):
    return log.read_text().splitlines()


def _write(log, lines):
    log.write_text("".join(line + "\n" for line in lines))


def _rechain_without_key(lines, head_file):
    """The strongest attacker without the key: this module's own algorithm under a key of
    their choosing (same key id), every MAC of the chain and the head recomputed."""
    attacker = AuditKey.from_data_key(b"x" * 32, KEY.key_id, KEY.version)
    head = json.loads(head_file.read_text())
    prev, out = head["anchor"]["mac"], []
    for line in lines:
        entry = {k: v for k, v in json.loads(line).items() if k != "mac"}
        entry.update(seq=len(out) + 1, prev=prev)
        entry["mac"] = prev = attacker.mac("entry", entry)
        out.append(json.dumps(entry, sort_keys=True))
    head = {k: v for k, v in head.items() if k != "mac"}
    head.update(seq=len(out), last=prev)
    head["mac"] = attacker.mac("head", head)
    head_file.write_text(json.dumps(head))
    return out


def test_entries_chain_under_the_key_and_verify(tmp_path):
    state = verify(_log(tmp_path), KEY, RUN)
    entries = state.entries
    assert [e["seq"] for e in entries] == [1, 2, 3]
    assert entries[0]["prev"] == state.anchor["mac"]
    assert entries[1]["prev"] == entries[0]["mac"]
    assert entries[2]["actor"] == "alice" and entries[2]["reason"] == "case 2"
    assert state.notes() == []


def test_a_new_vault_has_a_head_at_entry_zero_and_no_log_yet(tmp_path):
    anchor = start(tmp_path, KEY, RUN)
    assert not (tmp_path / layout.AUDIT_LOG).exists()
    assert verify(tmp_path / layout.AUDIT_LOG, KEY, RUN).entries == []
    assert start(tmp_path, KEY, RUN) == anchor  # a retried writer changes nothing


def test_edited_entry_is_detected_even_with_recomputed_hashes(tmp_path):
    log = _log(tmp_path)
    lines = _lines(log)
    entry = json.loads(lines[1])
    entry["reason"] = "nothing to see"
    lines[1] = json.dumps(entry, sort_keys=True)
    _write(log, lines)
    with pytest.raises(AuditError, match="line 2 was edited"):
        verify(log, KEY)
    _write(log, _rechain_without_key(lines, head_path(log)))
    with pytest.raises(AuditError, match="was edited|altered"):
        verify(log, KEY)


def test_reordered_or_truncated_log_with_recomputed_chain_and_head_is_detected(tmp_path):
    log = _log(tmp_path)
    lines = _lines(log)
    for forged in ([lines[1], lines[0], lines[2]], lines[:2]):
        head = head_path(log).read_bytes()
        _write(log, _rechain_without_key(forged, head_path(log)))
        with pytest.raises(AuditError, match="altered"):
            verify(log, KEY)
        head_path(log).write_bytes(head)


def test_removed_reordered_or_truncated_entries_are_detected(tmp_path):
    log = _log(tmp_path)
    lines = _lines(log)
    _write(log, [lines[0], lines[2]])
    with pytest.raises(AuditError, match="line 2 breaks the chain"):
        verify(log, KEY)
    _write(log, [lines[1], lines[0], lines[2]])
    with pytest.raises(AuditError, match="line 1 breaks the chain"):
        verify(log, KEY)
    _write(log, lines[:1])
    with pytest.raises(AuditError, match="ends at entry 1 but its head records entry 3: "
                       "entries were removed"):
        verify(log, KEY)


def test_truncation_with_a_rewritten_head_needs_the_key(tmp_path):
    log = _log(tmp_path)
    head = json.loads(head_path(log).read_text())
    _write(log, _lines(log)[:2])
    head.update(seq=2, last=json.loads(_lines(log)[1])["mac"])
    head_path(log).write_text(json.dumps(head))
    with pytest.raises(AuditError, match="head .* was altered"):
        verify(log, KEY)


def test_deleted_log_or_head_is_an_error_never_a_new_history(tmp_path):
    log = _log(tmp_path)
    log.unlink()
    with pytest.raises(AuditError, match="is missing but its head records 3 entries"):
        append(log, KEY, "bob", "reidentify", "again", [P])
    head_path(log).unlink()
    for call in (lambda: verify(log, KEY),
                 lambda: append(log, KEY, "bob", "reidentify", "again", [P])):
        with pytest.raises(AuditError, match="has no audit log.*deleted"):
            call()
    assert not log.exists() and not head_path(log).exists()


def test_a_log_from_another_vault_or_key_is_refused(tmp_path):
    log = _log(tmp_path)
    with pytest.raises(AuditError, match="started for run run-1, not for this vault's run "
                       "run-2"):
        verify(log, KEY, "run-2")
    with pytest.raises(AuditError, match="keyed with key hb-test v1, not hb-other v1: pass "
                       "that key's keyset"):
        verify(log, OTHER)
    other = tmp_path / "other"
    other_log = _log(other)
    _write(log, _lines(log) + _lines(other_log)[2:])  # splice in an entry of another log
    with pytest.raises(AuditError, match="line 4 breaks the chain"):
        verify(log, KEY)


def test_a_torn_head_is_rolled_forward_after_the_entry_verifies(tmp_path):
    log = _log(tmp_path, n=2)
    stale = head_path(log).read_bytes()
    append(log, KEY, "alice", "reidentify", "torn", [P])
    head_path(log).write_bytes(stale)  # the entry was written, the head was not
    state = verify(log, KEY)
    assert state.torn_head and len(state.entries) == 3
    assert "head was one entry behind" in state.notes()[0]
    notes = []
    entry = append(log, KEY, "bob", "reidentify", "next", [P], notes=notes)
    assert entry["seq"] == 4 and "head was one entry behind" in notes[0]
    assert verify(log, KEY).notes() == []


def test_an_incomplete_last_line_is_cut_off_and_reported(tmp_path):
    log = _log(tmp_path, n=2)
    with open(log, "a") as fh:
        fh.write('{"seq": 3, "acto')  # died mid-write: nothing was shown for it
    assert "incomplete line" in verify(log, KEY).notes()[0]
    notes = []
    assert append(log, KEY, "bob", "reidentify", "next", [P], notes=notes)["seq"] == 3
    assert "incomplete line" in notes[0]
    assert len(verify(log, KEY).entries) == 3


def test_a_forged_extra_entry_past_the_head_is_not_rolled_forward(tmp_path):
    log = _log(tmp_path, n=2)
    forged = json.loads(_lines(log)[1])
    forged.update(seq=3, prev=forged["mac"], reason="forged")
    _write(log, _lines(log) + [json.dumps(forged)])
    with pytest.raises(AuditError, match="line 3 was edited"):
        append(log, KEY, "bob", "reidentify", "next", [P])


def test_append_refuses_an_empty_reason(tmp_path):
    start(tmp_path, KEY, RUN)
    with pytest.raises(AuditError, match="reason is required"):
        append(tmp_path / layout.AUDIT_LOG, KEY, "bob", "reidentify", "  ", [])


def test_a_new_run_in_the_same_directory_keeps_the_earlier_log(tmp_path):
    log = _log(tmp_path, n=2)
    old = log.read_text()
    anchor = start(tmp_path, KEY, "run-2")
    archived = tmp_path / layout.audit_archive_name(layout.AUDIT_LOG, RUN)
    assert archived.read_text() == old
    assert len(verify(archived, KEY, RUN).entries) == 2  # still verifiable
    assert anchor["previous"]["run"] == RUN and anchor["previous"]["seq"] == 2
    assert verify(log, KEY, "run-2").entries == []


def test_init_starts_a_log_only_where_there_is_none(tmp_path):
    anchor = audit.init(tmp_path, KEY, RUN, "carol", "vault made before keyed logs")
    assert anchor["origin"] == "audit init by carol: vault made before keyed logs"
    with pytest.raises(AuditError, match="exists; audit init only starts a log"):
        audit.init(tmp_path, KEY, RUN, "carol", "again")


def test_the_copy_gets_the_same_line_and_a_failed_copy_says_the_entry_is_recorded(tmp_path):
    log = _log(tmp_path, n=1)
    copy = tmp_path / "elsewhere" / "copy.jsonl"
    append(log, KEY, "bob", "reidentify", "copied", [P], copy=copy)
    assert copy.read_text().splitlines() == _lines(log)[1:]
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(AuditError, match="entry 3 is recorded in .*, but its copy to .* "
                       "failed .*nothing was shown"):
        append(log, KEY, "bob", "reidentify", "copied", [P], copy=blocked / "copy.jsonl")
    assert len(verify(log, KEY).entries) == 3


def _append_many(args):
    directory, i = args
    append(directory / layout.AUDIT_LOG, KEY, f"user{i}", "reidentify", f"case {i}", [P],
           run_id=RUN)


def test_parallel_writers_make_one_chain(tmp_path):
    start(tmp_path, KEY, RUN)
    with multiprocessing.get_context("fork").Pool(8) as pool:
        pool.map(_append_many, [(tmp_path, i) for i in range(16)])
    state = verify(tmp_path / layout.AUDIT_LOG, KEY, RUN)
    assert sorted(e["reason"] for e in state.entries) == sorted(f"case {i}" for i in range(16))
