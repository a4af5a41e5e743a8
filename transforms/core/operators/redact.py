"""REDACT: the value is removed (replaced by nothing)."""
from __future__ import annotations

from presidio_anonymizer import operators as presidio

from transforms.core.operators.base import PolicyOperator


class Redact(PolicyOperator, presidio.Redact):
    name = "REDACT"
