import pytest

from transforms.core.nested_values import (MAX_NESTING_DEPTH, NestingTooDeep, collect_strings,
                                           replace_strings)


def test_nested_strings_round_trip_in_order_and_shape():
    value = {"a": ["x", {"b": "y"}, 3, None, True], "c": "z"}
    strings = collect_strings(value)
    assert [s for _, s in strings] == ["x", "y", "3", "z"]  # schema names are not scanned
    assert replace_strings(value, ["X", "Y", "3", "Z"]) == {
        "a": ["X", {"b": "Y"}, 3, None, True], "c": "Z"}
    assert replace_strings({"n": 4155552671}, ["P"]) == {"n": "P"}
    assert [s for _, s in collect_strings(value, keys=False)] == ["x", "y", "3", "z"]
    assert replace_strings({"n": 4155552671}, ["P"], keys=False) == {"n": "P"}



def _nested(depth: int, leaf: str = "x"):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def test_walks_go_as_deep_as_the_limit():
    assert collect_strings(_nested(MAX_NESTING_DEPTH)) == [("[0]" * MAX_NESTING_DEPTH, "x")]
    assert replace_strings(_nested(MAX_NESTING_DEPTH), ["y"]) == _nested(MAX_NESTING_DEPTH, "y")


@pytest.mark.parametrize("depth", [MAX_NESTING_DEPTH + 1, 50_000])
def test_walks_refuse_values_nested_past_the_limit_instead_of_exhausting_the_stack(depth):
    with pytest.raises(NestingTooDeep, match=f"deeper than {MAX_NESTING_DEPTH}"):
        collect_strings(_nested(depth))
    with pytest.raises(NestingTooDeep):
        replace_strings(_nested(depth), ["y"])


def test_keys_are_scanned_strings_and_are_put_back_redacted():
    """A key of a nested field can hold personal data (an email keyed to its use)."""
    from transforms.core.nested_values import scanned_strings, with_scanned_strings

    value = {"amy@example.org": "callback", "n": {"+1 415 555 2671": 3}, "Amy Pond": "x",
             "CUST_1234": "y", "callback_note": "z", "preferredTime": "w"}
    assert scanned_strings("custom_data_fields", value) == [
        "amy@example.org", "callback", "+1 415 555 2671", "3", "Amy Pond", "x", "CUST_1234",
        "y", "z", "w"]
    out = with_scanned_strings("custom_data_fields", value,
                               ["<EMAIL>", "callback", "<PHONE>", "3", "<PERSON>", "x",
                                "<CUSTOMER_ID>", "y", "z", "w"])
    assert out == {"<EMAIL>": "callback", "n": {"<PHONE>": 3}, "<PERSON>": "x",
                   "<CUSTOMER_ID>": "y", "callback_note": "z", "preferredTime": "w"}
    assert scanned_strings("analytics", {"talk 1": 5, "tags": ["a"]}) == ["a"]  # metric names


def test_keys_that_redact_to_the_same_text_keep_every_value():
    from transforms.core.nested_values import with_scanned_strings

    value = {"amy@example.org": 1, "bob@example.org": 2, "<EMAIL> #2": 3}  # all scanned
    out = with_scanned_strings("custom_data_fields", value,
                               ["<EMAIL>", "1", "<EMAIL>", "2", "<EMAIL> #2", "3"])
    assert sorted(out.values()) == [1, 2, 3] and len(out) == 3
    assert "<EMAIL>" in out
