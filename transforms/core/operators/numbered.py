"""NUMBERED: ``<PERSON_1>``, ``<PERSON_2>``…: one number per person (per value, for
other types) within a record, in every field of it, in order of first appearance.

The customer and the agent of a conversation get different numbers, and "John" later in
the transcript keeps the number of "John Smith" in the notes (:mod:`.record_scope`
says who is who). Numbers start again at 1 in every record: they link mentions within a
conversation, never across conversations.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Mapping

from transforms.core.operators.base import Detection, PolicyOperator, Treated
from transforms.core.operators.record_scope import RecordScope
from transforms.core.vendor_masks import VENDOR_MASK_RE

NUMBERED_RE = re.compile(r"<[A-Z][A-Z_]*_[0-9]+>")  # what it writes
# Every placeholder the operators write (<PERSON>, <PERSON_1>) and a vendor's masks: never
# personal data, for the redactor (redacting twice is a no-op) and the leak guard alike.
PLACEHOLDER_RE = re.compile(r"<[A-Z][A-Z_]*>|" + NUMBERED_RE.pattern + "|"
                            + VENDOR_MASK_RE.pattern)


class Numbered(PolicyOperator):
    name = "NUMBERED"
    per_record = True

    @classmethod
    def keeps(cls, params: Mapping[str, Any]) -> str:
        return "which values of a record are equal (the same value gets the same number)"

    def treat(self, detection: Detection, params: Mapping[str, Any],
              pseudonymizer) -> Treated:
        scope = detection.scope or RecordScope(
            region=getattr(pseudonymizer, "default_region", "US"))
        number = scope.number(detection.entity, scope.keys(detection))
        return Treated(f"<{detection.entity}_{number}>")

    def operate(self, text: str = None, params: Dict = None) -> str:
        raise NotImplementedError("NUMBERED needs its record: use treat()")
