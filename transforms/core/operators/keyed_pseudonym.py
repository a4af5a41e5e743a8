"""HASH and TOKEN: a value becomes its keyed pseudonym ``TYPE#k1:...``.

The value is normalized first (``normalizer``), so every formatting of it gets one
pseudonym; ``pseudonymType`` names the type it is hashed as (``EMAIL_ADDRESS`` found in
text hashes as ``EMAIL``, like the column). TOKEN also leaves a vault row (pseudonym,
type, normalized value), sealed, for re-identification, erasure and re-keying.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping

from transforms.core.normalize import NormalizationError, normalize
from transforms.core.operators.base import Detection, PolicyOperator, Treated, one_of

NORMALIZERS = ("phone", "email", "id_exact", "id_casefold")
DEFAULT_NORMALIZER = "id_casefold"


class KeyedPseudonym(PolicyOperator):
    """HASH: the keyed HMAC-SHA256 pseudonym of the normalized value."""

    name = "HASH"
    keys = ("normalizer", "pseudonymType")
    pseudonymizes = True
    vaults = False  # whether a vault row is left

    @classmethod
    def params_from_policy(cls, spec: Mapping[str, Any]) -> Dict[str, Any]:
        normalizer = spec.get("normalizer")
        pseudonym_type = spec.get("pseudonymType")
        return {"normalizer": (DEFAULT_NORMALIZER if normalizer is None
                               else one_of(str(normalizer), NORMALIZERS, "normalizer")),
                "pseudonym_type": str(pseudonym_type).upper() if pseudonym_type else None}

    @classmethod
    def keeps(cls, params: Mapping[str, Any]) -> str:
        return ("the value's pseudonym, the same in every record (reversed by trying "
                "every value of a short one)" + (", and the value itself in the vault"
                                                  if cls.vaults else ""))

    def operate(self, text: str = None, params: Dict = None) -> str:
        pseudonymizer = params["pseudonymizer"]
        canonical = params.get("canonical") or normalize(
            params["normalizer"], text, pseudonymizer.default_region)
        return pseudonymizer.pseudonym(params["pseudonym_type"], canonical)

    def validate(self, params: Dict = None) -> None:
        if "pseudonymizer" not in params or "pseudonym_type" not in params:
            raise ValueError("keyed pseudonym needs a pseudonymizer and a pseudonym type")

    def operator_name(self) -> str:
        return "keyed_pseudonym"

    def treat(self, detection: Detection, params: Mapping[str, Any],
              pseudonymizer) -> Treated:
        try:
            canonical = detection.canonical or normalize(
                detection.normalizer, detection.read_as or detection.value,
                pseudonymizer.default_region)
        except NormalizationError:  # not usable as an identifier: still never kept
            return Treated(f"<{detection.entity}>")
        pseudonym = self.operate(detection.value, {
            "pseudonymizer": pseudonymizer, "pseudonym_type": detection.pseudonym_type,
            "canonical": canonical})
        return Treated(pseudonym, ((pseudonym, detection.pseudonym_type, canonical)
                                   if self.vaults else None))


class KeyedToken(KeyedPseudonym):
    """TOKEN: HASH plus a vault row (pseudonym, type, normalized value)."""

    name = "TOKEN"
    vaults = True

    def operator_name(self) -> str:
        return "keyed_token"
