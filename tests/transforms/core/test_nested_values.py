from transforms.core.nested_values import collect_strings, replace_strings


def test_nested_strings_round_trip_in_order_and_shape():
    value = {"a": ["x", {"b": "y"}, 3, None, True], "c": "z"}
    strings = collect_strings(value)
    assert [s for _, s in strings] == ["x", "y", "3", "z"]
    assert replace_strings(value, ["X", "Y", "3", "Z"]) == {
        "a": ["X", {"b": "Y"}, 3, None, True], "c": "Z"}
    assert replace_strings({"n": 4155552671}, ["P"]) == {"n": "P"}
