"""REPLACE: the value becomes ``newValue``, or ``<ENTITY_TYPE>`` when none is given."""
from __future__ import annotations

from typing import Any, Dict, Mapping

from transforms.core.operators.base import ParameterError, PolicyOperator, presidio_operator


class Replace(PolicyOperator):
    """Presidio's Replace."""

    name = "REPLACE"
    keys = ("newValue",)

    @classmethod
    def params_from_policy(cls, spec: Mapping[str, Any]) -> Dict[str, Any]:
        new_value = spec.get("newValue")
        if new_value is not None and not isinstance(new_value, str):
            raise ParameterError("newValue", "must be a string")
        return {"new_value": new_value}

    def operate(self, text: str = None, params: Dict = None) -> str:
        return presidio_operator("Replace").operate(text, params)
