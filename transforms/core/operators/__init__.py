"""Operators: what happens to a detected value (keyed pseudonym, replace, redact, mask,
numbered placeholder, surrogate).

One module per operator, a registry (:mod:`.registry`) from the policy's name to the
class. Each class validates its own parameters from the policy and treats one value.
"""
from transforms.core.operators.base import (Detection, ParameterError, PolicyOperator, Treated,
                                            VaultRow)
from transforms.core.operators.keyed_pseudonym import DEFAULT_NORMALIZER, NORMALIZERS
from transforms.core.operators.numbered import NUMBERED_RE, PLACEHOLDER_RE
from transforms.core.operators.record_scope import RecordScope
from transforms.core.operators.registry import (OPERATORS, get_operator, operator_names,
                                                parameter_keys, per_record_names,
                                                pseudonymizing_names)

__all__ = ["DEFAULT_NORMALIZER", "Detection", "NORMALIZERS", "NUMBERED_RE", "OPERATORS",
           "PLACEHOLDER_RE", "ParameterError", "PolicyOperator", "RecordScope", "Treated", "VaultRow",
           "get_operator", "operator_names", "parameter_keys", "per_record_names",
           "pseudonymizing_names"]
