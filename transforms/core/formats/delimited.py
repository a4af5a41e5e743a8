"""CSV or TSV with a header: one conversation per row; the position is the row's (after the
header).

A column becomes the canonical field the policy's ``csvColumns`` maps its header to, else
the field of the same name (any case), else keeps its header (and the export schema drops
it unless it lists it). Empty cells are absent fields; number fields (``sentiment_score``)
are read as numbers (NaN and infinities: ``number_out_of_range``). A row holding bytes that
are not UTF-8 is a ``not_utf8`` dead letter of its own. The delimiter is a tab if the header
has one, else a comma.
"""
from __future__ import annotations

import csv
import difflib
import io
import math
import re
from typing import BinaryIO, Dict, Iterator, List, Optional

from transforms.core.formats.compression import decompressed
from transforms.core.formats.base import (READ_ERRORS, UNREADABLE, InputFormat,
                                          Item, NotThisFormat, shape_problem)
from transforms.core.formats.canonical import FIELDS
from transforms.core.formats.json_values import NOT_UTF8, NUMBER_OUT_OF_RANGE, raw_of
from transforms.core.formats.settings import FormatSettings

_MAX_HEADER_BYTES = 64 * 1024
csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))  # long transcripts
_HEADER_CELL = re.compile(r"[^\x00-\x1f\"{}\[\]]{1,200}")
_CANONICAL = {f.lower(): f for f in FIELDS}
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]")  # undecodable bytes, by surrogateescape


class DelimitedText(InputFormat):
    name = "csv-tsv"

    def __init__(self, settings: FormatSettings = FormatSettings()):
        self.settings = settings
        self._columns = {h.strip().casefold(): f for h, f in settings.columns}

    def configured(self, settings: FormatSettings) -> "DelimitedText":
        return DelimitedText(settings)

    def sniff(self, head: bytes) -> bool:
        text = head.lstrip(b"\xef\xbb\xbf").lstrip()
        first = text.split(b"\n", 1)[0]
        return bool(text) and text[:1] not in b"{[" and (b"," in first or b"\t" in first)

    def items(self, stream: BinaryIO) -> Iterator[Item]:
        line = stream.readline(_MAX_HEADER_BYTES)
        header = _header(line)
        if header is None:
            raise NotThisFormat(line)
        delimiter, names = header
        fields = [self._field(name) for name in names]
        # Bytes that are not UTF-8 are kept as escapes: only the row holding them fails.
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape",
                                newline="")
        position = 0
        try:
            for position, row in enumerate(csv.reader(text, delimiter=delimiter), start=1):
                if any(cell.strip() for cell in row):
                    yield self._item(position, row, fields, delimiter)
        except csv.Error:
            yield Item(position + 1, reason="invalid_csv")
        except READ_ERRORS:
            yield Item(position + 1, reason=UNREADABLE)
        finally:
            text.detach()  # the stream belongs to the caller

    def _field(self, header: str) -> str:
        return self._columns.get(header.casefold()) or _CANONICAL.get(header.lower(), header)

    def _item(self, position: int, row: List[str], fields: List[str], delimiter: str) -> Item:
        raw = raw_of(delimiter.join(row))
        if _ESCAPED_BYTES.search(delimiter.join(row)):
            return Item(position, reason=NOT_UTF8, raw=raw)
        if len(row) > len(fields):
            return Item(position, reason="extra_cells", raw=raw)
        record: Dict[str, object] = {}
        for field, cell in zip(fields, row):
            if cell.strip():
                record[field] = self._value(field, cell)
        problem = shape_problem(record) or next(
            (NUMBER_OUT_OF_RANGE for value in record.values()
             if isinstance(value, float) and not math.isfinite(value)), None)
        return Item(position, reason=problem, raw=raw) if problem else Item(
            position, record=record)

    def _value(self, field: str, cell: str) -> object:
        if field in self.settings.float_fields:
            try:
                return float(cell)
            except ValueError:
                return cell  # shape_problem names the field
        return cell


def _header(line: bytes) -> Optional[tuple]:
    """(delimiter, column names) of a header line, or None if it is not one."""
    try:
        text = line.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        return None
    delimiter = "\t" if "\t" in text else ","
    names = next(csv.reader([text], delimiter=delimiter), [])
    names = [n.strip() for n in names]
    if len(names) < 2 or not all(_HEADER_CELL.fullmatch(n) for n in names):
        return None
    if len(set(names)) != len(names):
        return None
    return delimiter, names


def misspelt_columns(settings: FormatSettings, stream: BinaryIO) -> List[str]:
    """The policy's ``csvColumns`` headers that no column of this CSV/TSV's header has while
    one of its columns is a near spelling of them (a typo that would drop the column with
    exit 0). Returns the policy's own keys, never a cell of the file; [] when the stream
    is not a CSV/TSV with a header."""
    stream = decompressed(stream)
    fmt = DelimitedText(settings)
    line = stream.readline(_MAX_HEADER_BYTES)
    header = _header(line) if fmt.sniff(line) else None
    if header is None:
        return []
    names = {name.casefold() for name in header[1]}
    return [key for key, _ in settings.columns
            if key.strip().casefold() not in names and difflib.get_close_matches(
                key.strip().casefold(), names, n=1, cutoff=0.8)]
