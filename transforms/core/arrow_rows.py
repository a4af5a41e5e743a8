"""Rows become Arrow here, and only here: the explicit Parquet schema of the dataset.

:func:`checked_row` converts one row as the Parquet writer will, so that a row Arrow
cannot take is the dead letter of its record (CheckRows) and never fails the writer,
which converts many rows at once.
"""
from __future__ import annotations

import json
import math
from typing import Any, Dict, Optional

import pyarrow as pa

from transforms.core.policy import Policy

LANGUAGE = "language"
PSEUDONYM_FORMAT = "<TYPE>#k<version>:<base32 of HMAC-SHA256[:16]>"


def arrow_schema(policy: Policy, metadata: Dict[str, str]) -> pa.Schema:
    """One column per output field of the policy; structured lists stay lists."""
    fields = []
    for name in output_columns(policy):
        kind = policy.field_kind(name)
        fields.append(pa.field(name, pa.float64() if kind == "float" else pa.string()))
    return pa.schema(fields, metadata={k: str(v) for k, v in metadata.items()})


def output_columns(policy: Policy) -> tuple:
    """The policy's output fields, then ``language`` (the language the text was read in)."""
    fields = policy.output_fields
    return fields + (() if LANGUAGE in fields else (LANGUAGE,))


class RowConversionError(ValueError):
    """A value a column cannot hold; ``reason`` names the column (a policy name), no data."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def to_row(fields: dict, policy: Policy) -> Dict[str, Any]:
    """A conversation's fields as a row of :func:`arrow_schema` (absent -> null).

    Raises RowConversionError for a number a float column cannot hold (past the range of
    a double, NaN or infinite); the readers already refuse those.
    """
    row = {}
    for name in output_columns(policy):
        value = fields.get(name)
        if policy.field_kind(name) == "float":
            row[name] = _as_float(name, value)
        else:
            row[name] = _as_string(value)
    return row


def checked_row(fields: dict, policy: Policy, schema: pa.Schema) -> Dict[str, Any]:
    """:func:`to_row`, converted to Arrow on its own: raises whatever Arrow raises for it."""
    row = to_row(fields, policy)
    pa.Table.from_pylist([row], schema=schema)
    return row


def _as_float(name: str, value: Any) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int past the range of a double
        raise RowConversionError(f"number_out_of_range:{name}") from None
    if not math.isfinite(number):
        raise RowConversionError(f"number_out_of_range:{name}")
    return number


def _as_string(value: Any) -> Optional[str]:
    """Strings as they are; nested values (custom fields, utterance lists) as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
