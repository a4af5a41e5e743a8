"""A written dataset on local disk (Beam-free): its summary and Parquet parts."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List

import pyarrow as pa
import pyarrow.parquet as pq

SUMMARY = "_summary.json"


class DatasetError(RuntimeError):
    """Not a hushbeam dataset, or one that cannot be read or rewritten."""


def load_summary(dataset: Path) -> dict:
    path = Path(dataset) / SUMMARY
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise DatasetError(f"{dataset} is not a complete hushbeam dataset ({SUMMARY} is "
                           "missing)") from None
    except ValueError:
        raise DatasetError(f"{path} is not valid JSON") from None


def write_json_atomic(path: Path, body: dict) -> None:
    path = Path(path)
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(json.dumps(body, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, path)


def parts(dataset: Path) -> List[Path]:
    return sorted(Path(dataset).glob("part-*.parquet"))


def read_part(path: Path) -> pa.Table:
    return pq.read_table(path)


def write_part_atomic(table: pa.Table, path: Path) -> None:
    """Write next to the target, then rename: readers see the old or the new file."""
    path = Path(path)
    tmp = path.with_name("." + path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def string_columns(table: pa.Table) -> List[str]:
    return [f.name for f in table.schema if pa.types.is_string(f.type)]
