"""MASK: ``charsToMask`` characters of the value (from its start, or its end with
``fromEnd``) become ``maskingChar``. A ``charsToMask`` of :data:`MASK_ALL` or more (the
default) masks every character of a value of any length (Presidio's would leave the
characters of a longer value past the count)."""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from transforms.core.operators.base import ParameterError, PolicyOperator, presidio_operator

MASK_ALL = 100  # charsToMask's default: every character of any value a policy masks


class Mask(PolicyOperator):
    """Presidio's Mask."""

    name = "MASK"
    keys = ("maskingChar", "charsToMask", "fromEnd")

    @classmethod
    def params_from_policy(cls, spec: Mapping[str, Any]) -> Dict[str, Any]:
        masking_char = str(spec.get("maskingChar", "*"))
        if len(masking_char) != 1:
            raise ParameterError("maskingChar", "must be one character")
        chars_to_mask = spec.get("charsToMask", MASK_ALL)
        if isinstance(chars_to_mask, str):
            try:
                chars_to_mask = int(chars_to_mask)
            except ValueError:
                raise ParameterError("charsToMask", "must be a whole number") from None
        if isinstance(chars_to_mask, bool) or not isinstance(chars_to_mask, int):
            raise ParameterError("charsToMask", "must be a whole number")
        if chars_to_mask < 1:  # Presidio masks nothing then: the value would pass in clear
            raise ParameterError("charsToMask", "must be a whole number of 1 or more")
        from_end = spec.get("fromEnd", False)
        if not isinstance(from_end, bool):  # bool("false") is True
            raise ParameterError("fromEnd", "must be true or false")
        return {"masking_char": masking_char, "chars_to_mask": chars_to_mask,
                "from_end": from_end}

    @classmethod
    def keeps(cls, params: Mapping[str, Any]) -> Optional[str]:
        if params.get("chars_to_mask", MASK_ALL) >= MASK_ALL:
            return None  # its length only: every character is masked, whatever the length
        return (f"the characters of a value longer than {params['chars_to_mask']} that "
                "are left unmasked")

    def operate(self, text: str = None, params: Dict = None) -> str:
        count = params.get("chars_to_mask", MASK_ALL)
        if count >= MASK_ALL:  # a whole mask: every character, whatever the length
            params = dict(params, chars_to_mask=max(len(text), count))
        return presidio_operator("Mask").operate(text, params)
