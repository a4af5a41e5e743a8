"""Rows become Arrow: one row alone is converted as the writer will, or fails alone."""
import pyarrow as pa
import pytest

from transforms.core.arrow_rows import (RowConversionError, arrow_schema, checked_row,
                                        to_row)


def test_nested_values_become_json_and_scores_doubles(policy):
    row = to_row({"conversation_id": "c1", "sentiment_score": 1,
                  "custom_data_fields": {"b": [1, "x"], "a": None}}, policy)
    assert row["sentiment_score"] == 1.0
    assert row["custom_data_fields"] == '{"a": null, "b": [1, "x"]}'


@pytest.mark.parametrize("score", [10 ** 400, float("inf"), float("nan")])
def test_a_score_no_double_holds_is_a_conversion_error_naming_the_column(policy, score):
    with pytest.raises(RowConversionError) as error:
        to_row({"conversation_id": "c1", "sentiment_score": score}, policy)
    assert error.value.reason == "number_out_of_range:sentiment_score"


def test_checked_row_fails_on_what_arrow_cannot_write_and_passes_the_rest(policy):
    schema = arrow_schema(policy, {})
    good = {"conversation_id": "c1", "notes": "a\x00b", "sentiment_score": -0.5}
    assert checked_row(good, policy, schema) == to_row(good, policy)
    with pytest.raises(Exception) as error:
        checked_row({"conversation_id": "c1", "notes": "x\ud800"}, policy, schema)
    assert not isinstance(error.value, RowConversionError)  # Arrow's own error
    pa.Table.from_pylist([to_row(good, policy)], schema=schema)


def test_a_turn_offset_no_int64_holds_is_a_conversion_error_naming_the_column(policy):
    turns = [{"role": "agent", "begin_ms": 2 ** 63, "text": "hi"}]
    with pytest.raises(RowConversionError) as error:
        to_row({"conversation_id": "c1", "turns": turns}, policy)
    assert error.value.reason == "number_out_of_range:turns"
    turns[0]["begin_ms"] = 2 ** 63 - 1
    assert checked_row({"conversation_id": "c1", "turns": turns}, policy,
                       arrow_schema(policy, {}))["turns"] == turns
