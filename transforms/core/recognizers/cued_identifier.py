"""Document and record numbers named by a cue: driver's licence, passport, medical record,
health plan member, national insurance, bank routing or sort code, account, certificate
or licence, vehicle (VIN, plate, registration), device serial, and the order, booking,
confirmation, tracking or ticket number of a customer dialogue (``ORDER_ID``: no personal
data in itself, but it links the conversation to one customer's record).

Serves every language: the numbers are language-neutral and the cues are English with a
few French ones. The number must follow its cue closely ("passport number is X1234567",
"MRN: 00123456") and hold at least two digits, so "passport photo" or "licence fee" stay.
In a caseless line (speech-style text) the code may be lowercase ("driver's license number
is d123 4567 8901"); a space then continues it only before a digit, so it stops at the
next word.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.name_lexicon import zipf
from transforms.core.recognizers.caseless_address import in_caseless_line
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.context_phone import date_or_time

# An order's noun, then the word that names its number ("order number", "order #A1B2",
# "confirmation code", "booking reference", "tracking no.", "numéro de commande").
_ORDER_NOUN = r"(?:order|confirmation|tracking|booking|reservation|ticket|reference)"
ORDER_CUE = (_ORDER_NOUN + r"(?=\s*(?:#|number\b|num\b|no\b|nr\b|id\b))|"
             + _ORDER_NOUN + r"\s+(?:code|ref(?:erence)?)|"
             r"num[ée]ro\s+de\s+(?:commande|r[ée]servation|suivi|billet|confirmation)")

# Entity type -> its cues (regex alternatives, case-insensitive).
CUES = {
    "DRIVER_LICENSE": r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|DL|permis\s+de\s+conduire",
    "PASSPORT": r"passport|passeport",
    "MEDICAL_RECORD_NUMBER": r"medical\s+record|MRN|patient\s+(?:id|number)|chart\s+number",
    # Before HEALTH_PLAN_ID: "national insurance number" is no health plan.
    "NATIONAL_ID": r"national\s+insurance|NINO|NI\s+number",
    "HEALTH_PLAN_ID": r"health\s+plan|member\s+id|membership|insurance\s+(?:id|number)|"
                      r"beneficiary|medicare|medicaid|subscriber\s+id",
    # A bank's number, not the customer's, but it is read with the account number.
    "ROUTING_NUMBER": r"routing|ABA|sort\s+code|transit\s+number|BSB",
    "ACCOUNT_NUMBER": r"account|acct|a/c",
    "LICENSE_NUMBER": r"licen[cs]e|certificate|permit|registration\s+number",
    "VEHICLE_ID": r"VIN|vehicle\s+identification|licen[cs]e\s+plate|number\s+plate|"
                  r"plate|registration\s+plate|(?:vehicle|car|van)\s+registration|reg\s+number",
    "DEVICE_ID": r"serial|IMEI|device\s+id|MAC\s+address|UDID",
    # Order, booking, confirmation, tracking and ticket numbers: the noun must be named
    # ("order number", "order #", "booking reference"), so "in order of", "order 12 more"
    # stay; a case, room or flight number is no order (court text, hotels, timetables).
    "ORDER_ID": ORDER_CUE,
}
_FILLER = r"(?:\s*(?:number|num|no\.?|nr\.?|#|id|is|was|:|=|-|of|my|the|numéro|est)\b\.?){0,4}"
ORDER_FILLER = _FILLER  # ssn_shape: an order cue names a 3-2-4 number
_VALUE = (r"(?P<value>(?=[A-Z0-9\-]*\d[A-Z0-9\-]*\d)[A-Z0-9]"
          r"(?:[A-Z0-9]|-(?=[A-Z0-9])|\s(?=[A-Z0-9]{2}|\d)){4,24})")


_CASELESS_VALUE = (r"(?P<value>(?=[a-z0-9\-]*\d[a-z0-9\-]*\d)[a-z0-9]"
                   r"(?:[a-z0-9]|-(?=[a-z0-9])|\s(?=\d)){4,24})")


def _pattern(cue: str, value: str = _VALUE) -> re.Pattern:
    return re.compile(r"(?i:\b(?:" + cue + r")\b)" + "(?i:" + _FILLER + r")\s*:?\s*" + value
                      + r"(?![\w\-])")


# After a driver's licence cue, a code of letters alone or mixed case is a licence too
# (Washington: "WDLABCD456DG", "MhMdSnJ8868*"; New York: eight letters): 6-16 characters
# with a digit or two capitals, so "my driver's licence expired" stays.
_LICENCE_VALUE = (r"(?P<value>(?=[A-Za-z0-9*]*(?:\d|[A-Z][A-Za-z0-9*]*[A-Z]))[A-Za-z0-9]"
                  r"[A-Za-z0-9*]{5,15})")
# A UK national insurance number: two letters, three pairs of digits, a letter A-D, spaced
# or not ("QQ 12 34 56 C"); the letters would end the code above at a space.
_NINO_VALUE = r"(?P<value>[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}(?:\s?[A-Da-d])?)"
# After an order cue, a booking code of capitals alone (an airline's or hotel's record
# locator: "booking reference is XKQZPT"), 5-10 letters; not a word in capitals ("is
# WRONG", :func:`_letters_code`) nor on a shouted line.
_LETTERS_VALUE = r"(?P<value>[A-Z]{5,10})"
_LETTERS_CODE_ZIPF = 3.0  # rarer than "invalid" (3.8), "pending" (4.0)
_PATTERNS = {entity: _pattern(cue) for entity, cue in CUES.items()}
_LOOSE = {"DRIVER_LICENSE": _pattern(CUES["DRIVER_LICENSE"], _LICENCE_VALUE),
          "NATIONAL_ID": _pattern(CUES["NATIONAL_ID"], _NINO_VALUE),
          "ORDER_ID": _pattern(CUES["ORDER_ID"], _LETTERS_VALUE)}
_CASELESS = {entity: _pattern(cue, _CASELESS_VALUE) for entity, cue in CUES.items()}


class CuedIdentifierRecognizer(RuleRecognizer):
    """A code of 5-25 letters and digits (two or more digits) just after its cue; where
    cues overlap ("driver's licence" and "licence"), the first type in CUES wins."""

    ENTITIES = list(CUES)

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        found = {}
        for entity, pattern in _PATTERNS.items():
            if entity not in entities:
                continue
            caseless = [m for m in _CASELESS[entity].finditer(text)
                        if in_caseless_line(text, *m.span())]
            loose = _LOOSE[entity].finditer(text) if entity in _LOOSE else ()
            for m in [*pattern.finditer(text), *caseless, *loose]:
                value = m.group("value").rstrip()
                span = (m.start("value"), m.start("value") + len(value))
                if entity == "ORDER_ID" and date_or_time(text, *span):
                    continue  # "reference number 2023-01-15 was the date": no order's
                if entity == "ORDER_ID" and value.isalpha() and not _letters_code(text, m):
                    continue
                if not any(s < span[1] and span[0] < e for s, e in found):
                    found[span] = entity
        return [result(self, entity, s, e, 0.6) for (s, e), entity in sorted(found.items())]


def _letters_code(text: str, match: re.Match) -> bool:
    """A value of capitals alone after an order cue is a code when the cue is not written
    in capitals too (a shouted line) and the value is no common English word."""
    cue = text[match.start():match.start("value")]
    return (any(c.islower() for c in cue)
            and zipf(match.group("value").lower()) < _LETTERS_CODE_ZIPF)
