"""REDACT: the value is removed (replaced by nothing)."""
from __future__ import annotations

from typing import Dict

from transforms.core.operators.base import PolicyOperator, presidio_operator


class Redact(PolicyOperator):
    """Presidio's Redact."""

    name = "REDACT"

    def operate(self, text: str = None, params: Dict = None) -> str:
        return presidio_operator("Redact").operate(text, params)
