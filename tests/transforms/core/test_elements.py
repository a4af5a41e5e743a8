"""Dead letters can always be sealed; positions of either kind sort."""

import pytest

from transforms.core.elements import add_counts, conversation, dead_letter, failed, position_order


def test_a_dead_letter_raw_with_a_lone_surrogate_is_still_utf8_text():
    letter = dead_letter("redact", "f", 1, "r", {"notes": "call \ud800 me"})
    letter["raw"].encode("utf-8")
    assert "\\ud800" in letter["raw"] and "call" in letter["raw"]
    assert dead_letter("read", "f", 1, "r", "x\udfff")["raw"] == "x\\udfff"


def test_a_dead_letter_of_a_value_json_cannot_write_never_raises():
    deep = []
    for _ in range(5000):
        deep = [deep]
    letter = dead_letter("guard", "f", 1, "r", {"v": deep})
    assert letter["raw"] is None and letter["reason"] == "r"
    letter = dead_letter("guard", "f", 1, "r", {"n": float("nan")})
    assert letter["raw"] == '{"n": NaN}'


def test_a_failed_record_names_the_error_type_never_its_message():
    element = {"source": "f", "position": "3:2", "fields": {"notes": "secret"}}
    letter = failed("schema", element, KeyError("secret"))
    assert (letter["position"], letter["reason"]) == ("3:2", "schema_failed:KeyError")
    assert "secret" not in letter["reason"] and "secret" in letter["raw"]


@pytest.mark.parametrize("positions, ordered", [
    ([10, "2:1", 2, "2:10", "2:2", 1], [1, 2, "2:1", "2:2", "2:10", 10]),
])
def test_positions_of_either_kind_sort_by_line_then_element(positions, ordered):
    assert sorted(positions, key=position_order) == ordered


def test_adding_counts_to_a_stages_copy_leaves_its_input_record_as_it_was():
    record = conversation("f.jsonl", 1, {"conversation_id": "c1"})
    add_counts(record, "entities", {"PERSON": 1})
    out = dict(record, fields={})  # what a stage emits: a copy sharing the input's values
    add_counts(out, "entities", {"PERSON": 2, "EMAIL": 1})
    add_counts(out, "languages", {"en": 1})
    assert record["counts"] == {"entities": {"PERSON": 1}}
    assert out["counts"] == {"entities": {"PERSON": 3, "EMAIL": 1}, "languages": {"en": 1}}


def test_a_dead_letter_holds_no_pin_password_or_code_after_its_cue():
    # the dead letter is sealed in the vault, which never stores a PIN or CVV (PCI DSS);
    # the rest of the record stays as it came, for reprocessing
    letter = failed("redact", {"source": "f", "position": 3, "fields": {
        "transcript_text": "my pin is 4821 and the cvv is 123", "notes": "card 4111 1111"}},
        ValueError("x"))
    assert "4821" not in letter["raw"] and "123\"" not in letter["raw"]
    assert "my pin is <CREDENTIAL>" in letter["raw"] and "card 4111 1111" in letter["raw"]
    line = dead_letter("read", "f", 7, "bad_json", '{"text": "password is Sunshine99!"')
    assert "Sunshine99" not in line["raw"] and line["raw"].startswith('{"text": "password is')


def test_a_dead_letter_masks_a_secret_in_its_field_not_the_json_escapes_after_it():
    # masked field by field: the "\n" escape of the JSON text is no part of the password
    letter = failed("redact", {"source": "f", "position": 1, "fields": {
        "notes": "password is abc123\nnext line", "turns": [{"text": "pin: 4821"}], "n": 7}},
        ValueError("x"))
    assert letter["raw"] == ('{"n": 7, "notes": "password is <CREDENTIAL>\\nnext line", '
                             '"turns": [{"text": "pin: <CREDENTIAL>"}]}')
