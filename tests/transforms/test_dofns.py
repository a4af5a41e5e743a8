"""The stage DoFns called directly: setup() then process(), outputs and tags."""
import apache_beam as beam
import pytest
from apache_beam.utils.shared import Shared

from transforms.core.elements import DEAD_LETTER, QUARANTINE, conversation
from transforms.guard_leaks import _GuardFn
from transforms.pseudonymize_fields import TOKENS, _PseudonymizeFn
from transforms.redact_text import _RedactBatchFn
from transforms.core.spans import KnownIdentifier


def _split(outputs):
    main, tagged = [], {}
    for out in outputs:
        if isinstance(out, beam.pvalue.TaggedOutput):
            tagged.setdefault(out.tag, []).append(out.value)
        else:
            main.append(out)
    return main, tagged


def test_pseudonymize_fn_hashes_columns_and_hands_identifiers_on(policy, keyset,
                                                                  pseudonymizer):
    fn = _PseudonymizeFn(policy, keyset)
    fn.setup()
    element = conversation("f.jsonl", 1, {"conversation_id": "c1",
                                          "phoneNumber": "(415) 555-2671",
                                          "emailAddress": [" A@B.com ", "c@d.org"]})
    (out,), tagged = _split(fn.process(element))
    assert out["fields"]["phoneNumber"] == pseudonymizer.pseudonym("PHONE", "+14155552671")
    assert out["fields"]["emailAddress"] == [pseudonymizer.pseudonym("EMAIL", "a@b.com"),
                                             pseudonymizer.pseudonym("EMAIL", "c@d.org")]
    assert KnownIdentifier("PHONE", "phone", "+14155552671") in out["known"]
    assert out["counts"]["structured"] == {"PHONE": 1, "EMAIL": 2}
    # The default policy vaults structured identifiers (TOKEN): normalized values.
    assert [(t, v) for _, t, v in tagged[TOKENS]] == [
        ("PHONE", "+14155552671"), ("EMAIL", "a@b.com"), ("EMAIL", "c@d.org")]


def test_pseudonymize_fn_dead_letters_an_ill_typed_identifier(policy, keyset):
    fn = _PseudonymizeFn(policy, keyset)
    fn.setup()
    element = conversation("f.jsonl", 7, {"conversation_id": "c1",
                                          "phoneNumber": {"home": "415 555 2671"}})
    main, tagged = _split(fn.process(element))
    assert main == []
    (letter,) = tagged[DEAD_LETTER]
    assert (letter["position"], letter["reason"]) == (7, "ill_typed_field:phoneNumber")


def test_hash_operator_pseudonymizes_without_vault_rows(policy, keyset):
    import dataclasses
    strategies = tuple(dataclasses.replace(s, operator="HASH") for s in policy.field_strategies)
    fn = _PseudonymizeFn(dataclasses.replace(policy, field_strategies=strategies), keyset)
    fn.setup()
    (out,), tagged = _split(fn.process(conversation("f", 1, {"customerID": "CUST_1"})))
    assert out["fields"]["customerID"].startswith("CUSTOMER_ID#k1:") and tagged == {}


def test_redact_batch_fn_redacts_every_scanned_field_of_every_record(policy, keyset):
    fn = _RedactBatchFn(policy, keyset, Shared(), nlp_texts=8)
    fn.setup()
    batch = []
    for i in range(3):
        element = conversation("f", i, {"conversation_id": f"c{i}",
                                        "transcript_text": "I am Maria Garcia, 212-555-0147",
                                        "notes": ["mail x@example.com"],
                                        "custom_data_fields": {"k": "ACCT-0099887766"}})
        batch.append(element)
    main, _ = _split(fn.process(batch))
    assert len(main) == 3
    for out in main:
        flat = str(out["fields"])
        for secret in ("Maria", "212-555-0147", "x@example.com", "0099887766"):
            assert secret not in flat
        assert out["fields"]["conversation_id"].startswith("c")
        assert out["counts"]["entities"]["PERSON"] == 1


def test_guard_fn_quarantines_a_record_that_still_leaks(policy):
    fn = _GuardFn(policy)
    clean = conversation("f", 1, {"transcript_text": "all good, <PERSON>"})
    leaky = conversation("f", 2, {"transcript_text": "card 4111 1111 1111 1111"})
    assert _split(fn.process(clean)) == ([clean], {})
    main, tagged = _split(fn.process(leaky))
    assert main == [] and tagged[QUARANTINE][0]["reason"] == "leak:card_number"
    assert "4111" not in tagged[QUARANTINE][0]["reason"]


def test_guard_fn_seals_no_credential_in_the_quarantine(policy):
    # A PIN or password is never stored (PCI DSS): the quarantined copy carries the fixed
    # placeholder, what any re-redaction writes anyway; the other leak stays for review.
    fn = _GuardFn(policy)
    leaky = conversation("f", 2, {"transcript_text": "my pin is 4821", "notes": [
        {"text": "card 4111 1111 1111 1111, password is Sunshine99!"}]})
    main, tagged = _split(fn.process(leaky))
    held = tagged[QUARANTINE][0]
    assert main == [] and held["reason"] == "leak:card_number,credential"
    assert "4821" not in held["raw"] and "Sunshine99" not in held["raw"]
    assert "my pin is <CREDENTIAL>" in held["raw"] and "4111 1111 1111 1111" in held["raw"]


def test_guard_fn_writes_a_league_table_row_that_passes_luhn(policy):
    row = conversation("f", 3, {"transcript_text": "Arsenal 38 26 7 5 80 30 50 85"})
    assert _split(_GuardFn(policy).process(row)) == ([row], {})


# --- the safety net of each stage: one record that fails is a dead letter, named by type ---

def _too_deep(depth=5000):
    value = "Maria Garcia"
    for _ in range(depth):
        value = [value]
    return value


def _only_dead_letter(outputs):
    main, tagged = _split(outputs)
    assert main == [] and list(tagged) == [DEAD_LETTER], tagged
    (letter,) = tagged[DEAD_LETTER]
    letter["raw"] is None or letter["raw"].encode("utf-8")  # sealable
    return letter


def test_schema_fn_dead_letters_a_record_it_cannot_process(policy):
    from transforms.apply_export_schema import _SelectFieldsFn

    element = conversation("f", 3, ["not", "a", "dict"])
    letter = _only_dead_letter(_SelectFieldsFn(policy).process(element))
    assert (letter["stage"], letter["position"], letter["reason"]) == (
        "schema", 3, "schema_failed:AttributeError")


def test_pseudonymize_fn_dead_letters_an_unexpected_failure_by_type_only(policy, keyset):
    fn = _PseudonymizeFn(policy, keyset)
    fn.setup()
    letter = _only_dead_letter(fn.process(conversation("f", "2:1", ["x"])))
    assert (letter["position"], letter["reason"]) == ("2:1", "pseudonymize_failed:ValueError")


def test_redact_fn_dead_letters_only_the_record_nested_too_deep(policy, keyset):
    fn = _RedactBatchFn(policy, keyset, Shared(), nlp_texts=8)
    fn.setup()
    good = conversation("f", 1, {"conversation_id": "c1", "notes": "hello"})
    deep = conversation("f", 2, {"conversation_id": "c2", "custom_data_fields": _too_deep()})
    main, tagged = _split(fn.process([good, deep]))
    assert [e["position"] for e in main] == [1]
    assert [(d["position"], d["reason"]) for d in tagged[DEAD_LETTER]] == [
        (2, "redaction_failed:NestingTooDeep")]


def _maria_batch(deep: bool = False) -> list:
    batch = [conversation("f", i, {"conversation_id": f"c{i}",
                                   "transcript_text": f"I am Maria Garcia, 212-555-01{i}7",
                                   "notes": ["mail x@example.com"]}) for i in range(5)]
    if deep:
        batch.insert(2, conversation("f", 9, {"conversation_id": "c9",
                                              "custom_data_fields": _too_deep()}))
    return batch


def test_redact_fn_split_over_two_processes_gives_the_outputs_of_one(policy, keyset):
    alone = _RedactBatchFn(policy, keyset, Shared(), nlp_texts=8)
    alone.setup()
    pooled = _RedactBatchFn(policy, keyset, Shared(), nlp_texts=8, processes=2)
    pooled.setup()
    expected = _split(alone.process(_maria_batch()))  # fresh batches: counts grow in place
    assert _split(pooled.process(_maria_batch())) == expected
    assert pooled._redactor is None  # redacted by the pool's processes, not here
    assert [e["position"] for e in expected[0]] == [0, 1, 2, 3, 4]
    assert "Maria" not in str([e["fields"] for e in expected[0]])
    # a record too deep to ship to a process: the batch is redacted here, one dead letter
    expected = _split(alone.process(_maria_batch(deep=True)))
    assert _split(pooled.process(_maria_batch(deep=True))) == expected
    assert [d["position"] for d in expected[1][DEAD_LETTER]] == [9]


def test_guard_fn_dead_letters_what_it_could_not_check(policy):
    fn = _GuardFn(policy)
    letter = _only_dead_letter(fn.process(conversation("f", 4, {"notes": _too_deep()})))
    assert letter["reason"] == "guard_failed:NestingTooDeep"


@pytest.mark.parametrize("fields, reason", [
    ({"conversation_id": "c1", "sentiment_score": 10 ** 400},
     "number_out_of_range:sentiment_score"),
    ({"conversation_id": "c1", "notes": "x\ud800"}, "row_conversion_failed:UnicodeEncodeError"),
])
def test_check_row_fn_dead_letters_a_row_arrow_cannot_take(policy, fields, reason):
    from transforms.check_rows import _CheckRowFn

    fn = _CheckRowFn(policy)
    fn.setup()
    letter = _only_dead_letter(fn.process(conversation("f", 5, fields)))
    assert (letter["stage"], letter["reason"]) == ("rows", reason)
    good = conversation("f", 6, {"conversation_id": "c1", "sentiment_score": 0.5})
    assert _split(fn.process(good)) == ([good], {})


def test_a_window_shard_orders_rows_by_line_then_array_element(policy, tmp_path):
    import pyarrow.parquet as pq
    from apache_beam.transforms.window import IntervalWindow

    from transforms.core.arrow_rows import to_row
    from transforms.write_windows import _WriteShardFn

    header = {"run_id": "r", "policy_digest": "d", "key_id": "k", "key_version": "1",
              "pseudonym_format": "p"}
    positions = [10, "2:10", 2, "2:2", 1, "2:1"]
    items = [(("f", p), to_row({"conversation_id": str(p)}, policy)) for p in positions]
    (_, written), = _WriteShardFn(str(tmp_path), policy, header).process(
        (0, items), IntervalWindow(0, 60), None)
    ids = pq.read_table(written["temp"]).column("conversation_id").to_pylist()
    assert ids == ["1", "2", "2:1", "2:2", "2:10", "10"]
