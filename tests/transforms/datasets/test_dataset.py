"""A written dataset on local disk: summary and Parquet parts."""
import hashlib
import json

import pyarrow as pa
import pyarrow.parquet as pq
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


# --- session 25: a part is parsed from the bytes that were hashed (no check-then-read race)

def _part_bytes(ids) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table({"conversation_id": ids}), sink)
    return sink.getvalue().to_pybytes()


def test_a_part_swapped_right_after_its_hash_is_read_as_the_bytes_that_were_hashed(
        tmp_path, monkeypatch):
    """The reader reads the file once, hashes those bytes and parses the same bytes: a
    writer who swaps the file between the hash and the parse changes nothing read."""
    from transforms.datasets import dataset as dataset_module

    genuine, forged = _part_bytes(["c1", "c2"]), _part_bytes(["forged"])
    path = tmp_path / "part-00000-of-00001.parquet"
    path.write_bytes(genuine)
    pins = {path.name: hashlib.sha256(genuine).hexdigest()}
    real_sha256 = hashlib.sha256

    def sha256_then_swap(data=b""):
        digest = real_sha256(data)
        path.write_bytes(forged)  # the attacker's swap, just after the hash step
        return digest

    monkeypatch.setattr(dataset_module.hashlib, "sha256", sha256_then_swap)
    table = read_part(path, pins)
    assert table.column("conversation_id").to_pylist() == ["c1", "c2"]
    assert path.read_bytes() == forged  # the swap happened; it was not read


def test_a_pinned_part_that_is_not_the_verified_one_is_refused_naming_it(tmp_path):
    path = tmp_path / "part-00000-of-00001.parquet"
    path.write_bytes(_part_bytes(["forged@example.com"]))
    pins = {path.name: hashlib.sha256(_part_bytes(["c1"])).hexdigest()}
    with pytest.raises(DatasetError, match=f"part {path.name} .* not the part") as err:
        read_part(path, pins)
    assert "forged" not in str(err.value)
    extra = tmp_path / "part-00001-of-00001.parquet"
    extra.write_bytes(_part_bytes(["c1"]))
    with pytest.raises(DatasetError, match=extra.name):  # not pinned: added after the check
        read_part(extra, pins)
    path.unlink()
    with pytest.raises(DatasetError, match="is missing"):
        read_part(path, {path.name: "0" * 64})
    assert parts(tmp_path, pins) == [path]  # the pinned parts, not what is on disk now
