"""The operators a policy can name: name -> class, like Presidio's ``OperatorsFactory``.

The policy's operator choices, its error messages and the text redactor all read this
table. To add an operator: a new module in this package with a :class:`PolicyOperator`
subclass, and its import plus its entry in ``REGISTERED`` below.
"""
from __future__ import annotations

import functools
from typing import Dict, Tuple, Type

from transforms.core.operators.base import PolicyOperator
from transforms.core.operators.keyed_pseudonym import KeyedPseudonym, KeyedToken
from transforms.core.operators.mask import Mask
from transforms.core.operators.numbered import Numbered
from transforms.core.operators.redact import Redact
from transforms.core.operators.replace import Replace
from transforms.core.operators.surrogate import Surrogate

# In the order error messages list them.
REGISTERED: Tuple[Type[PolicyOperator], ...] = (
    KeyedPseudonym,
    KeyedToken,
    Redact,
    Replace,
    Mask,
    Numbered,
    Surrogate,
)
OPERATORS: Dict[str, Type[PolicyOperator]] = {cls.name: cls for cls in REGISTERED}


def operator_names() -> Tuple[str, ...]:
    return tuple(OPERATORS)


def pseudonymizing_names() -> Tuple[str, ...]:
    """Operators a structured column may use (the keyed ones)."""
    return tuple(name for name, cls in OPERATORS.items() if cls.pseudonymizes)


def per_record_names() -> Tuple[str, ...]:
    """Operators that read the record their value is in (NUMBERED, SURROGATE)."""
    return tuple(name for name, cls in OPERATORS.items() if cls.per_record)


def parameter_keys() -> Tuple[str, ...]:
    """Every key some operator reads from a policy entry."""
    return tuple(dict.fromkeys(key for cls in OPERATORS.values() for key in cls.keys))


@functools.lru_cache(maxsize=None)
def get_operator(name: str) -> PolicyOperator:
    """The (stateless) operator instance for a registered name; KeyError if none."""
    return OPERATORS[name]()
