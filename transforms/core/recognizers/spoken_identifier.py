"""Identifiers read out in words after the cue that names them (voice transcripts): an
SSN ("my social is one two three forty five six seven eight nine"), a US ZIP code ("the
zip code is nine oh two one oh", "zip 9 0 2 1 0", ZIP+4), and the document and record
numbers of :mod:`.cued_identifier` said letter by letter and digit by digit ("my drivers
license is d one two three four five six seven", "passport number is one two three ...").
A policy or account id said aloud ("p o l dash one two three ...", "a c c t one two ...")
is read as the written one ("POL-123456789"), so it is the same POLICY_ACCOUNT_ID, with the
same pseudonym, in the transcript and in the chat or e-mail; a policy number said without
its prefix is an ACCOUNT_NUMBER.

Serves every language: the value is read from English number words (as
:mod:`.spoken_number`), and the cues are English. The value must follow its cue closely
and be said in two tokens or more, with the length its type has (9 digits for an SSN, 5 or
9 for a ZIP, 5 to 25 characters with 4 digits for a document number), so "my social worker
called" or "zip code on the form" stay. The spoken-number recognizer leaves the digits of a
run this one reads to it (a passport number is no phone).
"""
from __future__ import annotations

import re
from typing import List, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.cued_identifier import CUES
from transforms.core.recognizers.spoken_value import read_value

_SSN = r"ssn|social(?:\s+security)?"
_ZIP = r"zip|zipcode|postal\s+code|post\s?code"
_POLICY = r"policy|acct"
_TYPES = {"US_SSN": _SSN, "POSTAL_CODE": _ZIP, "POLICY": _POLICY, **CUES}
_GROUPS = {f"g{i}": entity for i, entity in enumerate(_TYPES)}
_FILLER = (r"(?:[ \t]*(?:number|num|no|nr|code|id|is|was|are|it's|it\s+is|my|the|um|uh|"
           r"er|[:#=,\-])(?![\w]))*")
_CUE = re.compile(r"(?i)\b(?:" + "|".join(f"(?P<g{i}>{cue})" for i, cue in
                                            enumerate(_TYPES.values())) + r")\b" + _FILLER
                  + r"[ \t]*")
_POLICY_ID = re.compile(r"(POL|ACCT)-?(\d{8,12})")
# Digit groups alone, one of them two digits or more: a number written (or its speech-style
# copy without marks: "on account of 1 61 280"), not one said digit by digit.
_WRITTEN = re.compile(r"(?=[\d \t,\-]*\d\d)[\d \t,\-]+")
_ZIP_CODE = re.compile(r"\d{5}(?:-?\d{4})?")


def spoken_identifiers(text: str) -> List[Tuple[int, int, str, str]]:
    """(start, end, entity, value read) of each identifier said in words after its cue."""
    found = []
    for m in _CUE.finditer(text):
        entity = _GROUPS[m.lastgroup]
        value = read_value(text, m.end(), letters=entity not in ("US_SSN", "POSTAL_CODE"),
                           dashes=True)
        if value is None or value.tokens < 2 or _WRITTEN.fullmatch(text, m.end(), value.end):
            continue  # written ("123-45-6789", "90210", "1 61 280"): the written rules'
        reading = value.reading.strip("-")
        digits = re.sub(r"\D", "", reading)
        policy = _POLICY_ID.fullmatch(reading)
        if policy:
            entity, reading = "POLICY_ACCOUNT_ID", f"{policy.group(1)}-{policy.group(2)}"
        elif entity == "US_SSN":
            if not re.fullmatch(r"\d{3}-?\d{2}-?\d{4}", reading):
                continue
            reading = digits
        elif entity == "POSTAL_CODE":
            if not _ZIP_CODE.fullmatch(reading):
                continue
            reading = digits[:5] + ("-" + digits[5:] if len(digits) > 5 else "")
        elif not (5 <= len(reading) <= 25 and len(digits) >= 4):
            continue
        elif entity == "POLICY":
            entity = "ACCOUNT_NUMBER"  # a policy number said without its prefix
        found.append((m.end(), value.end, entity, reading))
    return found


class SpokenIdentifierRecognizer(RuleRecognizer):
    """An SSN, ZIP code, policy or account id, or a document number said in words after
    its cue."""

    ENTITIES = ["US_SSN", "POSTAL_CODE", "POLICY_ACCOUNT_ID", *CUES]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        return [result(self, entity, start, end, 0.7, value)
                for start, end, entity, value in spoken_identifiers(text)
                if entity in entities]
