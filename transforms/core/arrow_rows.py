"""Rows become Arrow here, and only here: the explicit Parquet schema of the dataset."""
from __future__ import annotations

import json
from typing import Any, Dict, Optional

import pyarrow as pa

from transforms.core.policy import Policy

LANGUAGE = "language"
PSEUDONYM_FORMAT = "<TYPE>#k<version>:<base32 of HMAC-SHA256[:16]>"
TURN_TYPE = pa.list_(pa.struct([("role", pa.string()), ("begin_ms", pa.int64()),
                                ("text", pa.string())]))
_ARROW_TYPES = {"float": pa.float64(), "turns": TURN_TYPE}


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


def to_row(fields: dict, policy: Policy) -> Dict[str, Any]:
    """A conversation's fields as a row of :func:`arrow_schema` (absent -> null)."""
    row = {}
    for name in output_columns(policy):
        value = fields.get(name)
        kind = policy.field_kind(name)
        if kind == "float":
            row[name] = float(value) if isinstance(value, (int, float)) else None
        elif kind == "turns":
            row[name] = _turns(value)
        else:
            row[name] = _as_string(value)
    return row


def _turns(value: Any) -> Optional[list]:
    """A turns value as the rows of :data:`TURN_TYPE` (ints stay ints, never strings)."""
    if not isinstance(value, list):
        return None
    return [{"role": t.get("role"), "begin_ms": t.get("begin_ms"), "text": t.get("text")}
            for t in value if isinstance(t, dict)]


def _as_string(value: Any) -> Optional[str]:
    """Strings as they are; nested values (custom fields, utterance lists) as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
