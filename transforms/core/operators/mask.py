"""MASK: ``charsToMask`` characters of the value (from its start, or its end with
``fromEnd``) become ``maskingChar``."""
from __future__ import annotations

from typing import Any, Dict, Mapping

from transforms.core.operators.base import ParameterError, PolicyOperator, presidio_operator


class Mask(PolicyOperator):
    """Presidio's Mask."""

    name = "MASK"
    keys = ("maskingChar", "charsToMask", "fromEnd")

    @classmethod
    def params_from_policy(cls, spec: Mapping[str, Any]) -> Dict[str, Any]:
        masking_char = str(spec.get("maskingChar", "*"))
        if len(masking_char) != 1:
            raise ParameterError("maskingChar", "must be one character")
        try:
            chars_to_mask = int(spec.get("charsToMask", 100))
        except (TypeError, ValueError):
            raise ParameterError("charsToMask", "must be a whole number") from None
        return {"masking_char": masking_char, "chars_to_mask": chars_to_mask,
                "from_end": bool(spec.get("fromEnd", False))}

    def operate(self, text: str = None, params: Dict = None) -> str:
        return presidio_operator("Mask").operate(text, params)
