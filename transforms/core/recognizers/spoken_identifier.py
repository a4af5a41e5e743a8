"""Identifiers read out in words after the cue that names them (voice transcripts): an
SSN ("my social is one two three forty five six seven eight nine"), a US ZIP code ("the
zip code is nine oh two one oh", "zip 9 0 2 1 0", ZIP+4), and the document and record
numbers of :mod:`.cued_identifier` said letter by letter and digit by digit ("my drivers
license is d one two three four five six seven", "passport number is one two three ...").
An id of one of the policy's custom rules said aloud, its prefix spelled ("p o l dash one
two three ...", "a c c t one two ...", "m e m one two ..."), with or without a cue before
it, is read as the written one ("POL-123456789"): when the reading (or the reading with a
dash after its letters) matches a custom rule's regex, it is that rule's entity, with the
same pseudonym, in the transcript and in the chat or e-mail. The recognizers get the
rules from the policy (:meth:`PolicyRules.follow_policy`, called by the analyzer's
builder); without them no custom id is read. A policy number said without its prefix is
an ACCOUNT_NUMBER.

Serves every language: the value is read from English number words (as
:mod:`.spoken_number`), and the cues are English. The value must follow its cue closely
and be said in two tokens or more, with the length its type has (9 digits for an SSN, 5 or
9 for a ZIP, 5 to 25 characters with 4 digits for a document number, or 2 digits in five
tokens or more for an order or booking number: "a b c one two three"), so "my social worker
called" or "zip code on the form" stay. The spoken-number recognizer leaves the digits of a
run this one reads to it (a passport number is no phone).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, List, Optional, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.bounded_rules import BoundedRule
from transforms.core.number_words import LETTER_NAMES, NATO, NUMBER_START, read_value
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.cued_identifier import CUES

# The cue words of the SSN and the ZIP code said in words (the spoken-number recognizer
# reads its SSN cue here too).
SPOKEN_CUES = {"US_SSN": r"ssn|social(?:\s+security)?",
               "POSTAL_CODE": r"zip|zipcode|postal\s+code|post\s?code"}
# A policy number is an account number ("my policy number is ...").
_TYPES = {**SPOKEN_CUES, **CUES, "ACCOUNT_NUMBER": CUES["ACCOUNT_NUMBER"] + r"|policy"}
_GROUPS = {f"g{i}": entity for i, entity in enumerate(_TYPES)}
_FILLER = (r"(?:[ \t]*(?:number|num|no|nr|code|id|is|was|are|it's|it\s+is|my|the|um|uh|"
           r"er|[:#=,\-])(?![\w]))*")
_CUE = re.compile(r"(?i)\b(?:" + "|".join(f"(?P<g{i}>{cue})" for i, cue in
                                            enumerate(_TYPES.values())) + r")\b" + _FILLER
                  + r"[ \t]*")
# Digit groups alone, one of them two digits or more: a number written (or its speech-style
# copy without marks: "on account of 1 61 280"), not one said digit by digit.
_WRITTEN = re.compile(r"(?=[\d \t,\-]*\d\d)[\d \t,\-]+")
_ZIP_CODE = re.compile(r"\d{5}(?:-?\d{4})?")
# An id read with its prefix spelled: letters, then a digit.
_PREFIXED = re.compile(r"([A-Z]+)-?(\d.*)")
_LETTER = "|".join([re.escape(w) for w in sorted([*NATO, *LETTER_NAMES], key=len, reverse=True)]
                   + ["[a-z]"])
# Where a spelled prefix starts: letters said one by one, then (after a dash) a number.
_SPELLED = re.compile(rf"(?i)(?<![\w'\-])(?=(?:{_LETTER})(?:[ \t,]+(?:{_LETTER}))*[ \t,]+"
                      rf"(?:(?:dash|hyphen|-)[ \t,]+)?(?:(?:{NUMBER_START}|double|triple)"
                      rf"(?![\w'])|\d))")

Rules = Tuple[Tuple[str, BoundedRule], ...]  # (entity, regex) of each custom rule


def spoken_rules(custom_rules: Iterable) -> Rules:
    """(entity, compiled regex) of the policy's custom rules, as Presidio runs them (each
    search bounded in time: :mod:`transforms.core.bounded_rules`)."""
    return tuple((rule.entity, BoundedRule(rule.pattern, re.DOTALL | re.MULTILINE | (
        0 if rule.case_sensitive else re.IGNORECASE), rule.name)) for rule in custom_rules)


def _ruled(reading: str, rules: Rules) -> Optional[Tuple[str, str]]:
    """(entity, value) of the first custom rule an id read with its prefix spelled matches,
    as said or with a dash after its letters ("POL123456789" is "POL-123456789")."""
    prefixed = _PREFIXED.fullmatch(reading) if rules else None
    if not prefixed:
        return None
    said = (reading, f"{prefixed.group(1)}-{prefixed.group(2)}")
    for entity, pattern in rules:
        for value in said:
            if pattern.fullmatch(value):
                return entity, value
    return None


@functools.lru_cache(maxsize=8)  # the spoken-number recognizer asks about the same text
def spoken_identifiers(text: str, rules: Rules = ()) -> Tuple[Tuple[int, int, str, str], ...]:
    """(start, end, entity, value read) of each identifier said in words after its cue, and
    of each id of a custom rule (``rules``, :func:`spoken_rules`) said with its prefix
    spelled."""
    found = []
    for m in _CUE.finditer(text):
        entity = _GROUPS[m.lastgroup]
        value = read_value(text, m.end(), letters=entity not in ("US_SSN", "POSTAL_CODE"),
                           dashes=True)
        if value is None or value.tokens < 2 or _WRITTEN.fullmatch(text, m.end(), value.end):
            continue  # written ("123-45-6789", "90210", "1 61 280"): the written rules'
        reading = value.reading.strip("-")
        digits = re.sub(r"\D", "", reading)
        ruled = _ruled(reading, rules)
        if ruled:
            entity, reading = ruled
        elif entity == "US_SSN":
            if not re.fullmatch(r"\d{3}-?\d{2}-?\d{4}", reading):
                continue
            reading = digits
        elif entity == "POSTAL_CODE":
            if not _ZIP_CODE.fullmatch(reading):
                continue
            reading = digits[:5] + ("-" + digits[5:] if len(digits) > 5 else "")
        elif not (5 <= len(reading) <= 25 and (len(digits) >= 4 or (
                entity == "ORDER_ID" and len(digits) >= 2 and value.tokens >= 5) or (
                entity == "ORDER_ID" and reading.isalpha() and len(reading) <= 10
                and value.tokens == len(reading)))):
            continue  # a booking reference said letter by letter: "a b c one two three",
            # or letters alone, one a word (an airline's record locator: "x k q z p t")
        found.append((m.end(), value.end, entity, reading))
    if rules:
        for m in _SPELLED.finditer(text):
            if any(s <= m.start() < e for s, e, _, _ in found):
                continue
            value = read_value(text, m.start(), letters=True, dashes=True)
            ruled = value and value.tokens >= 2 and _ruled(value.reading.strip("-"), rules)
            if ruled:
                found.append((m.start(), value.end, *ruled))
    return tuple(sorted(found))


class PolicyRules:
    """A recognizer that reads the ids of the policy's custom rules said aloud:
    :meth:`follow_policy` gives it the rules (none until then)."""

    rules: Rules = ()

    def follow_policy(self, custom_rules: Iterable) -> None:
        self.rules = spoken_rules(custom_rules)


class SpokenIdentifierRecognizer(PolicyRules, RuleRecognizer):
    """An SSN, ZIP code or document number said in words after its cue, or an id of one of
    the policy's custom rules said with its prefix spelled."""

    ENTITIES = ["US_SSN", "POSTAL_CODE", "POLICY_ACCOUNT_ID", *CUES]

    def follow_policy(self, custom_rules: Iterable) -> None:
        super().follow_policy(custom_rules)
        self.supported_entities = list(dict.fromkeys(
            [*self.ENTITIES, *(entity for entity, _ in self.rules)]))

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        return [result(self, entity, start, end, 0.7, value)
                for start, end, entity, value in spoken_identifiers(text, self.rules)
                if entity in entities]
