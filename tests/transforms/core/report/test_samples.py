"""What a summary keeps for its report: capped, order-free, ids only as the output has them."""
import json
import random

from transforms.core.report import samples as sm

PSEUDONYM = "CONVERSATION_ID#k1:" + "e" * 26


def _letter(stage, fields, source="/in/a.jsonl", position=3):
    return {"stage": stage, "source": source, "position": position, "reason": "r",
            "raw": json.dumps(fields) if fields is not None else "{not json"}


def test_a_held_record_shows_its_passthrough_id_and_file_and_position():
    entry = sm.held_entry(_letter("guard", {"conversation_id": "c-7", "notes": "x"}),
                          passthrough=("conversation_id",))
    assert entry == {"id": "c-7", "at": "a.jsonl:3"}


def test_an_id_that_is_not_passthrough_is_shown_only_as_a_pseudonym():
    raw_id = _letter("guard", {"conversation_id": "raw-vendor-id"})
    assert sm.held_entry(raw_id, passthrough=())["id"] is None
    hashed = _letter("rows", {"conversation_id": PSEUDONYM})
    assert sm.held_entry(hashed, passthrough=())["id"] == PSEUDONYM


def test_a_record_held_before_pseudonymization_or_unparsable_has_no_id():
    """A vendor's own id is pseudonymized by PseudonymizeFields: before it, never shown."""
    for stage in ("read", "schema", "join", "pseudonymize"):
        letter = _letter(stage, {"conversation_id": "c-7"})
        assert sm.held_entry(letter, ("conversation_id",))["id"] is None
    assert sm.held_entry(_letter("guard", None), ("conversation_id",)) == {
        "id": None, "at": "a.jsonl:3"}
    assert sm.held_entry({"stage": "read", "source": None, "position": None, "reason": "r",
                          "raw": None}, ()) == {"id": None, "at": None}


def test_ids_per_reason_are_capped_to_the_smallest_whatever_the_order():
    entries = [{"id": f"c-{i:03d}", "at": f"a.jsonl:{i}"} for i in range(50)]
    entries.append({"id": None, "at": "a.jsonl:99"})
    kept = []
    for seed in (1, 2):
        random.Random(seed).shuffle(entries)
        samples = sm.empty()
        for entry in entries:
            sm.add_held(samples, "quarantine", "leak:EMAIL", entry)
        kept.append(samples["quarantine"]["leak:EMAIL"])
    assert kept[0] == kept[1] and len(kept[0]) == sm.MAX_IDS
    assert [e["id"] for e in kept[0]] == [f"c-{i:03d}" for i in range(sm.MAX_IDS)]


def test_merging_keeps_the_same_excerpts_and_ids_as_one_accumulator():
    whole, halves = sm.empty(), [sm.empty(), sm.empty()]
    for i in range(12):
        excerpt = {"key": (i * 7919) % 101, "text": f"text {i}"}
        sm.add_excerpt(whole, excerpt)
        sm.add_excerpt(halves[i % 2], excerpt)
        entry = {"id": f"c-{i}", "at": f"b.jsonl:{i}"}
        sm.add_held(whole, "dead_letters", "invalid_json", entry)
        sm.add_held(halves[i % 2], "dead_letters", "invalid_json", entry)
    assert sm.merge(halves) == sm.merge(reversed(halves)) == sm.merge([whole])
    assert len(sm.merge(halves)["excerpts"]) == sm.MAX_EXCERPTS
    assert sm.merge([None, {}]) == sm.empty()  # an older summary keeps none


def test_an_excerpt_keeps_the_lines_of_the_text_fields_and_is_cut():
    element = {"source": "a.jsonl", "position": 1, "fields": {
        "conversation_id": "c-1", "notes": "call back <PERSON>",
        "turns": [{"role": "agent", "begin_ms": 0, "text": "hello   there"},
                  {"role": "customer", "begin_ms": 5, "text": "hi"}]}}
    kinds = {"turns": "turns", "notes": "text"}
    text = sm.excerpt_of(element, kinds)["text"]
    assert "c-1" not in text  # passthrough fields are not excerpted
    assert text.splitlines()[-1] == "call back <PERSON>" and "hello there" in text
    long = dict(element, fields={"notes": "word " * 500})
    cut = sm.excerpt_of(long, kinds)["text"]
    assert len(cut) == sm.EXCERPT_CHARS and cut.endswith("…")
    assert sm.excerpt_of(dict(element, fields={"notes": "  "}), kinds) is None
