"""A written dataset on local disk (Beam-free): its summary and Parquet parts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.datasets import layout
from transforms.datasets.atomic import write_local
from transforms.datasets.report_files import report_documents


class DatasetError(RuntimeError):
    """Not a hushbeam dataset, or one that cannot be read or rewritten."""


def load_summary(dataset: Path) -> dict:
    path = Path(dataset) / layout.SUMMARY
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise DatasetError(f"{dataset} is not a complete hushbeam dataset ({layout.SUMMARY} "
                           "is missing)") from None
    except ValueError:
        raise DatasetError(f"{path} is not valid JSON") from None


def write_summary(dataset: Path, summary: dict) -> None:
    """The summary, and before it the report rendered from it (the summary is the marker)."""
    for name, data in report_documents(summary).items():
        write_local(Path(dataset) / name, data)
    write_json(Path(dataset) / layout.SUMMARY, summary)


def write_json(path: Path, body: dict) -> None:
    write_local(path, layout.json_document(body))


def parts(dataset: Path) -> List[Path]:
    return sorted(Path(dataset).glob(layout.PART_GLOB))


def read_part(path: Path) -> pa.Table:
    return pq.read_table(path)


def write_part(table: pa.Table, path: Path) -> None:
    """Replace a part atomically: readers see the old or the new file."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    write_local(path, sink.getvalue().to_pybytes())


def string_columns(table: pa.Table) -> List[str]:
    return [f.name for f in table.schema if pa.types.is_string(f.type)]


def text_columns(table: pa.Table) -> List[str]:
    """Columns that can hold pseudonyms: strings, and lists or structs of them (``turns``)."""
    return [f.name for f in table.schema
            if pa.types.is_string(f.type) or pa.types.is_nested(f.type)]
