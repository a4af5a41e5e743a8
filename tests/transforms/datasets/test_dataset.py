"""A written dataset on local disk: summary and Parquet parts."""
import json

import pyarrow as pa
import pytest

from transforms.datasets import layout
from transforms.datasets.dataset import (DatasetError, load_summary, parts, read_part,
                                         string_columns, write_json, write_part,
                                         write_summary)


def test_a_dataset_without_summary_is_not_complete(tmp_path):
    with pytest.raises(DatasetError, match=f"{layout.SUMMARY} is missing"):
        load_summary(tmp_path)


def test_a_summary_that_is_not_json_is_named_without_its_content(tmp_path):
    (tmp_path / layout.SUMMARY).write_text("jane@example.com")
    with pytest.raises(DatasetError) as err:
        load_summary(tmp_path)
    assert "is not valid JSON" in str(err.value) and "jane" not in str(err.value)


def test_summary_round_trips_in_the_format_the_pipeline_writes(tmp_path):
    summary = {"run_id": "r", "records_read": 3, "counts": {"entities": {"PERSON": 1}}}
    write_summary(tmp_path, summary)
    assert load_summary(tmp_path) == summary
    assert (tmp_path / layout.SUMMARY).read_bytes() == layout.json_document(summary)
    write_json(tmp_path / "receipt.json", {"b": 1, "a": 2})
    assert json.loads((tmp_path / "receipt.json").read_text()) == {"a": 2, "b": 1}


def test_parts_are_the_parquet_shards_in_order_and_nothing_else(tmp_path):
    for shard in (1, 0):
        write_part(pa.table({"id": [str(shard)]}), tmp_path / layout.part_name(shard, 2))
    for other in (layout.SUMMARY, layout.temp_name(layout.part_name(0, 2)),
                  layout.pending_name(layout.PARQUET_SUFFIX)):
        (tmp_path / other).write_bytes(b"x")
    assert [p.name for p in parts(tmp_path)] == [layout.part_name(0, 2),
                                                 layout.part_name(1, 2)]


def test_a_rewritten_part_keeps_its_schema_and_metadata(tmp_path):
    schema = pa.schema([("id", pa.string()), ("score", pa.float64())],
                       metadata={"hushbeam.run_id": "r"})
    table = pa.Table.from_pylist([{"id": "a", "score": 1.0}, {"id": None, "score": None}],
                                 schema=schema)
    path = tmp_path / layout.part_name(0, 1)
    write_part(table, path)
    back = read_part(path)
    assert back.equals(table) and back.schema.metadata == {b"hushbeam.run_id": b"r"}
    assert string_columns(back) == ["id"]
