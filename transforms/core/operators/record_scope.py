"""What the operators of one record share across its fields: who is who, by number.

NUMBERED and SURROGATE need to know that "John Smith" in the notes and "john" in the
transcript are one person. A :class:`RecordScope` holds, per entity type, the identities
seen in the record in order of first appearance: an identity is a set of keys (the
words of a name, casefolded; for any other type its one normalized value). A mention
joins the first identity whose keys contain its own or are contained in them ("John"
joins "John Smith", and "John Smith" extends an earlier "John"); "John Doe" does not
join "John Smith" and gets its own. The text redactor shows every detection of a record
to its scope (:meth:`see`) before treating any, so the numbers follow the order of first
appearance over the record's fields, and a surrogate never equals a real value seen
anywhere in the record.
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Set, Tuple

from transforms.core.normalize import NormalizationError, normalize
from transforms.core.operators.base import Detection
from transforms.core.spans import name_words

PERSON = "PERSON"


def value_key(detection: Detection, region: str) -> str:
    """One value, normalized as its kind is (phones E.164, emails lowercased), else
    casefolded with spaces and punctuation dropped."""
    if detection.canonical:
        return detection.canonical
    kind = ("phone" if "PHONE" in detection.entity else
            "email" if "EMAIL" in detection.entity else None)
    if kind:
        try:
            return normalize(kind, detection.read_as or detection.value, region)
        except NormalizationError:
            pass
    return "".join(c for c in detection.value.casefold() if c.isalnum())


class RecordScope:
    """The identities of one record, its language, and the fake values chosen in it.

    A detection's keys (its name words, its normalized value) are computed once per record
    and remembered: the redactor shows a detection to :meth:`see`, then the operator asks
    again for the same value when it treats it."""

    def __init__(self, language: str = "en", region: str = "US"):
        self.language, self.region = language, region
        self._identities: Dict[str, List[Set[str]]] = {}  # entity -> identities, in order
        self.family: Set[str] = set()  # name words seen last in a name of two words or more
        self.real: Set[str] = set()  # every key seen: a fake value never equals one
        self.fakes: Dict[Tuple[str, str], str] = {}  # (kind, real key) -> fake value
        self.used: Set[Tuple[str, str]] = set()  # (kind, fake value casefolded)
        self._words: Dict[str, List[re.Match]] = {}  # a value -> its name words
        self._value_keys: Dict[Detection, str] = {}
        self._keys: Dict[Detection, FrozenSet[str]] = {}

    def name_words(self, value: str) -> List[re.Match]:
        """The words of a name (:func:`transforms.core.spans.name_words`), once per value."""
        if value not in self._words:
            self._words[value] = list(name_words(value))
        return self._words[value]

    def value_key(self, detection: Detection) -> str:
        """:func:`value_key` in this record's region, once per detection."""
        if detection not in self._value_keys:
            self._value_keys[detection] = value_key(detection, self.region)
        return self._value_keys[detection]

    def keys(self, detection: Detection) -> FrozenSet[str]:
        """The keys of one detected value: a name's words (casefolded), else its value key."""
        if detection not in self._keys:
            words = (frozenset(m.group(0).casefold() for m in self.name_words(detection.value))
                     if detection.entity == PERSON else frozenset())
            self._keys[detection] = words or frozenset([self.value_key(detection)])
        return self._keys[detection]

    def see(self, detection: Detection) -> None:
        """Registers a detected value (before any is treated)."""
        keys = self.keys(detection)
        self.real.update(keys)
        if detection.entity == PERSON:
            words = self.name_words(detection.value)
            if len(words) >= 2:
                self.family.add(words[-1].group(0).casefold())
        self.number(detection.entity, keys)

    def number(self, entity: str, keys: FrozenSet[str]) -> int:
        """The number (from 1) of the identity these keys belong to in this record."""
        identities = self._identities.setdefault(entity, [])
        for i, known in enumerate(identities):
            if keys <= known or known <= keys:
                known.update(keys)
                return i + 1
        identities.append(set(keys))
        return len(identities)
