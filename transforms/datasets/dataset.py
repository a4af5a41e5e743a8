"""A written dataset on local disk (Beam-free): its summary and Parquet parts."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Dict, List, Optional

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


def parts(dataset: Path, pins: Optional[Dict[str, str]] = None) -> List[Path]:
    """The dataset's Parquet parts; given ``pins`` (part name -> SHA-256, as a verified vault
    manifest records them), exactly the pinned parts: one deleted after the check is
    refused by :func:`read_part`, one added after it is not read (one there at the check
    was refused by it)."""
    if pins is not None:
        return [Path(dataset) / name for name in sorted(pins)]
    return sorted(Path(dataset).glob(layout.PART_GLOB))


def read_part(path: Path, pins: Optional[Dict[str, str]] = None) -> pa.Table:
    """The part's table, parsed from the bytes read once. Given ``pins``, those bytes must
    hash to the SHA-256 pinned for the part's name: a part swapped or deleted since the
    vault's manifest was checked is refused, never read (no check-then-read race).
    Decoded in this thread: with Arrow's thread pool over an in-memory buffer, about 1 in 7
    ``subject-access`` processes aborted at exit ("terminate called without an active
    exception", exit -6) after answering."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DatasetError(f"part {path.name} of {path.parent} is missing (deleted while "
                           "it was read); refusing the dataset") from None
    if pins is not None and pins.get(path.name) != hashlib.sha256(data).hexdigest():
        raise DatasetError(f"part {path.name} of {path.parent} is not the part the vault's "
                           "manifest records (replaced or added after it was checked); "
                           "refusing the dataset")
    return pq.read_table(pa.BufferReader(data), use_threads=False)


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
