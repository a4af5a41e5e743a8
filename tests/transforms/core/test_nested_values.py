import pytest

from transforms.core.nested_values import (MAX_NESTING_DEPTH, NestingTooDeep, collect_strings,
                                           replace_strings)


def test_nested_strings_round_trip_in_order_and_shape():
    value = {"a": ["x", {"b": "y"}, 3, None, True], "c": "z"}
    strings = collect_strings(value)
    assert [s for _, s in strings] == ["x", "y", "3", "z"]
    assert replace_strings(value, ["X", "Y", "3", "Z"]) == {
        "a": ["X", {"b": "Y"}, 3, None, True], "c": "Z"}
    assert replace_strings({"n": 4155552671}, ["P"]) == {"n": "P"}



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
