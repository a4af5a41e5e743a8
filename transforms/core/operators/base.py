"""What every operator a policy can name is: an operator with Presidio's ``Operator``
interface that reads its own parameters from a policy entry and treats one detected value.

A subclass sets ``name`` (what a policy writes, e.g. ``MASK``) and ``keys`` (its keys in an
``entities.<TYPE>`` entry), turns such an entry into Presidio parameters in
``params_from_policy`` (raising :class:`ParameterError` for a bad value), and implements
Presidio's ``operate``. ``treat`` applies it to one :class:`Detection`.

Importing this package imports no Presidio (whose anonymizer imports its analyzer and
spaCy, seconds): a policy is read and validated without them. An operator that is one of
Presidio's (MASK, REDACT, REPLACE) gets it with :func:`presidio_operator` when it treats.
"""
from __future__ import annotations

import dataclasses
import functools
from typing import Any, ClassVar, Dict, Mapping, Optional, Sequence, Tuple

VaultRow = Tuple[str, str, str]  # (pseudonym, pseudonym type, normalized value)


class ParameterError(ValueError):
    """A bad operator parameter; the policy adds the file and the entry to ``key``."""

    def __init__(self, key: str, problem: str):
        super().__init__(f"{key}: {problem}")
        self.key, self.problem = key, problem


def one_of(value: str, allowed: Sequence[str], key: str) -> str:
    """``value`` if it is allowed, else a ParameterError listing what is."""
    if value not in allowed:
        raise ParameterError(key, f"'{value}' is not one of {', '.join(allowed)}")
    return value


@dataclasses.dataclass(frozen=True)
class Detection:
    """A value found in a record, with what the policy says about it."""

    value: str  # as written
    entity: str  # the detected entity type
    pseudonym_type: str  # the type its pseudonym carries
    normalizer: str  # how a keyed operator normalizes it
    canonical: Optional[str] = None  # already normalized (the record's own identifier)
    read_as: Optional[str] = None  # what a recognizer read (spoken digits): normalized instead
    scope: Any = dataclasses.field(default=None, compare=False)  # its record's RecordScope


@dataclasses.dataclass(frozen=True)
class Treated:
    """What replaces a detected value, and the vault row it leaves, if any."""

    text: str
    vault_row: Optional[VaultRow] = None


@functools.lru_cache(maxsize=None)
def presidio_operator(class_name: str):
    """An instance of Presidio's own operator ``class_name`` (imported on first use)."""
    from presidio_anonymizer import operators

    return getattr(operators, class_name)()


class PolicyOperator:
    """Base of the registered operators (see :mod:`transforms.core.operators.registry`);
    Presidio's ``Operator`` interface: ``operate``, ``validate``, ``operator_name``."""

    name: ClassVar[str]  # the policy's name for it
    keys: ClassVar[Tuple[str, ...]] = ()  # its parameters' keys in a policy entry
    pseudonymizes: ClassVar[bool] = False  # may pseudonymize a structured column
    per_record: ClassVar[bool] = False  # reads its Detection's RecordScope
    entity_types: ClassVar[Optional[Tuple[str, ...]]] = None  # the types it treats, if not all

    @classmethod
    def params_from_policy(cls, spec: Mapping[str, Any]) -> Dict[str, Any]:
        """Presidio parameters from a policy entry (only ``keys`` are read)."""
        return {}

    @classmethod
    def keeps(cls, params: Mapping[str, Any]) -> Optional[str]:
        """What its output, with these parameters, keeps of a value beyond its presence
        (``None``: nothing), e.g. which values are equal. A type whose values must leave
        no trace (CREDENTIAL) is treated only by an operator that keeps nothing."""
        return None

    def treat(self, detection: Detection, params: Mapping[str, Any],
              pseudonymizer) -> Treated:
        """Apply to one detected value; ``params`` come from :meth:`params_from_policy`."""
        return Treated(self.operate(detection.value,
                                    dict(params, entity_type=detection.entity)))

    def operate(self, text: str = None, params: Dict = None) -> str:
        raise NotImplementedError

    def validate(self, params: Dict = None) -> None:
        """Parameters are checked by ``params_from_policy`` when the policy is read."""

    def operator_name(self) -> str:
        return self.name.lower()
