"""A US social security number by its shape (issue 9): three digits, two, four
("123-45-6789"), or nine digits after an SSN cue ("my social is 234567891").

Presidio's own SSN recognizer refuses the numbers everybody writes as examples
("123-45-6789", "078-05-1120") and gives nine plain digits too low a score to pass even
after "social"; the phone recognizers then took those numbers, so a policy that keeps
phones apart from SSNs saw an SSN as a phone. A 3-2-4 grouping is no phone's (national
numbers group 3-3-4 or by pairs), so the shape alone is an SSN, unless a phone cue names
it, right before it ("call me at 123-45-6789", "reach me on ...", "my cell is ...",
"phone: ...", "fax ..."), and no SSN cue comes before it in the sentence: then it is left
to the phone recognizers, and :func:`phone_cued` tells Presidio's SSN recognizer to leave
it too. A phone word further back names no number ("Call center agents asked for ...",
"The text said ..."), and "number" alone is no phone cue ("Number: 123-45-6789").
Likewise an order cue that names it ("my order number is 234-56-7891", "order #...") and
no SSN cue leave it to the ORDER_ID recognizer (:func:`order_cued`): US_SSN outranks
ORDER_ID in the policies, and the order number would lose its pseudonym.

Serves every language: the digits are language-neutral, the cues English.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.cued_identifier import ORDER_FILLER, ORDER_CUE

# 3-2-4 with one separator throughout; a dash alone without a cue ("123 45 6789" spaced
# may be figures of a table).
_SHAPE = re.compile(r"(?<![\w\-+./#])\d{3}([- .])\d{2}\1\d{4}(?![\w\-]|[.,]\d)")
_NINE = re.compile(r"(?<![\w\-+./#])\d{9}(?![\w\-]|[.,]\d)")
_BEFORE = 48  # characters read before the number for its cue
_SSN_CUE = re.compile(r"(?i)\b(?:ssn|ss\s?#|ss\s+(?:no|number)\b|social\b)[^.!?\n\d]{0,36}$")
# A phone cue names the number right after it: a phone noun and its "number", "is" or
# ":" ("my cell is", "phone number:", "fax"), or a verb and "me at" ("call me at", "reach
# us on", "text me at", "call back on"), or "call" or "dial" with the number as object.
_PHONE_NOUN = (r"(?:tele|cell|mobile\s+|home\s+|work\s+)?phone|mobile|cell|cellphone|fax|"
               r"tel|landline|hotline|whatsapp|callback|call\s?back|extension|ext")
_ME = r"(?:\s+(?:me|us|him|her|them|you|back|anytime|tomorrow|today|later|again))*"
_PHONE_CUE = re.compile(
    r"(?i)(?:\b(?:" + _PHONE_NOUN + r")(?:\s*(?:number|num|no|nr|#))?"
    r"(?:\s*(?:is|was|'s|:|-|=|at|on|\.))*"
    r"|\b(?:call|calling|ring|phone|text|texting|txt|sms|reach|contact|whatsapp)" + _ME
    + r"\s+(?:at|on)"
    r"|\b(?:call|dial(?:l?ed)?|dialing|ring)(?:\s+(?:on|at))?)\s*[:#]?\s*$")
_ORDER_CUE = re.compile(r"(?i)\b(?:" + ORDER_CUE + r")\b" + ORDER_FILLER + r"\s*[:#]?\s*$")


def ssn_cued(text: str, start: int) -> bool:
    """Whether an SSN cue comes just before ``start`` in its sentence."""
    return bool(_SSN_CUE.search(text, max(0, start - _BEFORE), start))


def phone_cued(text: str, start: int) -> bool:
    """Whether a phone cue, and no SSN cue, comes just before ``start`` in its sentence."""
    return (not ssn_cued(text, start)
            and bool(_PHONE_CUE.search(text, max(0, start - _BEFORE), start)))


def order_cued(text: str, start: int) -> bool:
    """Whether an order cue names the number at ``start`` ("my order number is", "order
    #", "tracking no."), and no SSN cue comes before it in its sentence."""
    return (not ssn_cued(text, start)
            and bool(_ORDER_CUE.search(text, max(0, start - _BEFORE), start)))


def not_a_cued_phone(text: str, found: RecognizerResult) -> bool:
    """For Presidio's SSN recognizer: keep what no phone or order cue names."""
    return not (phone_cued(text, found.start) or order_cued(text, found.start))


class SsnShapeRecognizer(RuleRecognizer):
    """A 3-2-4 number (dashed, or spaced or dotted after an SSN cue) or nine digits after
    an SSN cue, with no phone or order cue naming it."""

    ENTITIES = ["US_SSN"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "US_SSN" not in entities:
            return []
        found = []
        for m in _SHAPE.finditer(text):
            cued = ssn_cued(text, m.start())
            if ((cued or m.group(1) == "-") and not phone_cued(text, m.start())
                    and not order_cued(text, m.start())):
                found.append(result(self, "US_SSN", m.start(), m.end(), 0.6,
                                    re.sub(r"\D", "", m.group(0))))
        for m in _NINE.finditer(text):
            if ssn_cued(text, m.start()):
                found.append(result(self, "US_SSN", m.start(), m.end(), 0.6, m.group(0)))
        return found
