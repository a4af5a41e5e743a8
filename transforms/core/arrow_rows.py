"""Rows become Arrow here, and only here: the explicit Parquet schema of the dataset."""
from __future__ import annotations

import json
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


def to_row(fields: dict, policy: Policy) -> Dict[str, Any]:
    """A conversation's fields as a row of :func:`arrow_schema` (absent -> null)."""
    row = {}
    for name in output_columns(policy):
        value = fields.get(name)
        if policy.field_kind(name) == "float":
            row[name] = float(value) if isinstance(value, (int, float)) else None
        else:
            row[name] = _as_string(value)
    return row


def _as_string(value: Any) -> Optional[str]:
    """Strings as they are; nested values (custom fields, utterance lists) as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
