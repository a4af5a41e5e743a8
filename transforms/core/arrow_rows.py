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
from transforms.core.pseudonym import PSEUDONYM_FORMAT  # noqa: F401 (re-exported)

LANGUAGE = "language"
TURN_TYPE = pa.list_(pa.struct([("role", pa.string()), ("begin_ms", pa.int64()),
                                ("text", pa.string())]))
_ARROW_TYPES = {"float": pa.float64(), "turns": TURN_TYPE}

_INT64 = (-(2 ** 63), 2 ** 63 - 1)


def arrow_schema(policy: Policy, metadata: Dict[str, str]) -> pa.Schema:
    """One column per output field of the policy: numbers as doubles, ``turns`` as a list
    of ``{role, begin_ms, text}`` structs, everything else as strings."""
    fields = []
    for name in output_columns(policy):
        fields.append(pa.field(name, _ARROW_TYPES.get(policy.field_kind(name), pa.string())))
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

    Raises RowConversionError for a number a column cannot hold (a float past the range of
    a double, NaN or infinite; a turn's offset past int64); the readers already refuse those.
    """
    row = {}
    for name in output_columns(policy):
        value = fields.get(name)
        kind = policy.field_kind(name)
        if kind == "float":
            row[name] = _as_float(name, value)
        elif kind == "turns":
            row[name] = _turns(name, value)
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


def _turns(name: str, value: Any) -> Optional[list]:
    """A turns value as the rows of :data:`TURN_TYPE` (ints stay ints, never strings); an
    offset past int64 is RowConversionError."""
    if not isinstance(value, list):
        return None
    rows = []
    for t in value:
        if not isinstance(t, dict):
            continue
        begin = t.get("begin_ms")
        if isinstance(begin, int) and not isinstance(begin, bool) and not (
                _INT64[0] <= begin <= _INT64[1]):
            raise RowConversionError(f"number_out_of_range:{name}")
        rows.append({"role": t.get("role"), "begin_ms": begin, "text": t.get("text")})
    return rows


def _as_string(value: Any) -> Optional[str]:
    """Strings as they are; nested values (custom fields, utterance lists) as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
