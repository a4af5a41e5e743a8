"""Authentication secrets said in a customer dialogue (issue 9): a PIN, a password or
passcode, a card's CVV/CVC or security code, a one-time or verification code, the answer
to a security question, a memorable word, a card's expiry date next to the card, the last
four digits of a card or account ("ending in 4412", "the last four of my card are four four
one two").

One entity, ``CREDENTIAL``: the default policy replaces it with a fixed placeholder and
never pseudonymizes it (a pseudonym is a vault row; PCI DSS forbids storing a CVV or PIN
after authorisation). Each value must follow its cue closely, after a linking word ("is",
":", "=") or none, and have its type's shape: digits for a PIN (4-8), CVV (3-4), one-time
code (4-10), last four (4), read as written or said in words by
:func:`transforms.core.number_words.read_value`; a password a single token with a digit or a symbol, a
word rarer than ordinary English, or a common word that the tagger does not read as an
adjective, adverb or participle both in place and alone ("my password is sunshine",
"... is princess"; "simple", "saved", "here" are the password's state); a security answer a few words up to the sentence's end. So "pin the tweet", "I forgot my password", "reset the code", "the security team",
"the last four years" keep every word.

:func:`find_secrets` is also what the leak guard reads (:mod:`..leak_finder`): a cued
digit secret still in an outgoing record holds it back.

Serves every language: the cues are English, the values digits or single tokens.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from transforms.core.name_lexicon import zipf
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.number_words import read_value

ENTITY = "CREDENTIAL"
# Cue words that are abbreviations, never a name: the caseless NER must not read "cvv is
# 123" as a person (transforms.core.truecase keeps them lower case).
CUE_WORDS = frozenset({"cvv", "cvv2", "cvc", "cvc2", "pin", "otp", "passcode", "username",
                       "login"})

_LINK = r"(?:[ \t]*(?:is|was|are|were|it's|it\s+is|would\s+be|will\s+be|:|=|-)(?![\w]))"
_NOISE = r"(?:[ \t]*(?:um|uh|er|erm|,)(?![\w]))*"
# Kinds: the cue (regex) and how many digits the value has (min, max).
_DIGIT_CUES = {
    "pin": (r"(?:pin|pin\s+(?:number|code)|personal\s+identification\s+number|"
            r"security\s+pin)", (4, 8)),
    # Not Amex's "CID": court text names a Criminal Investigation Department so.
    "cvv": (r"(?:cvv2?|cvc2?|card\s+verification\s+(?:code|value|number)|"
            r"security\s+code(?:\s+on\s+the\s+back(?:\s+of\s+(?:my|the|your)\s+card)?)?|"
            r"(?:three|3|four|4)[\s\-]digit\s+(?:security\s+)?code)", (3, 4)),
    "otp": (r"(?:otp|one[\s\-]time\s+(?:pass\s?code|password|pin|code)|"
            r"(?:verification|verify|authentication|auth|access|(?<!social\s)security|sms|"
            r"2fa|two[\s\-]factor|login|sign[\s\-]in)\s+(?:code|number|pin)|"
            r"pass\s?code)", (4, 10)),
    # A code that opens a door: a delivery's gate, a building, an alarm, a key safe.
    "entry": (r"(?:gate|door|front\s+door|alarm|entry|entrance|building|garage|keypad|"
              r"lock\s?box|key\s?safe|key\s?box|buzzer)\s+(?:access\s+)?(?:code|pin)", (3, 10)),
}
# A few words naming what the code is for, between the cue and its "is": "the access code
# for the gate is 4455", "my pin for online banking is 7788"; only when that link follows.
_FOR_WHAT = (r"(?:[ \t]+(?:for|to|of|on)(?:[ \t]+(?!(?:is|are|was|were)\b)[^\s.,;:!?]+){1,4}"
             r"(?=" + _NOISE + _LINK + r"))?")
_OTP_SENT = r"(?:[ \t]+(?:we|i|you|they|that|which)[ \t]+(?:just[ \t]+)?(?:sent|texted|emailed|gave|got|received)(?:[ \t]+(?:you|me|to[ \t]+(?:you|me)))?)?"
_DIGIT_CUE = re.compile(
    r"(?i)\b(?:" + "|".join(f"(?P<{kind}>{cue})" for kind, (cue, _) in _DIGIT_CUES.items())
    + r")\b" + _OTP_SENT + r"(?:[ \t]+(?:number|code))?" + _FOR_WHAT + _NOISE + _LINK + r"?"
    + _NOISE
    + r"[ \t]*")
# A character of the same sentence, not starting a word that makes "ending in" a period's
# end ("the account year ending in 2021", "a card season ending in 2020").
_NOT_A_PERIOD = (r"(?:(?!\b(?:years?|period|quarter|months?|term|fiscal|season|facility|"
                 r"agreement|date)\b)[^.\n?!])")
# "ending in 4412" after a card or account word; "last four (digits) (of my card) are ...".
_LAST_FOUR = re.compile(
    r"(?i)(?:\b(?:card|account|visa|mastercard|amex)\b" + _NOT_A_PERIOD + r"{0,30}?"
    r"\bending\s+(?:in|with)|\blast\s+(?:four|4)(?:\s+digits)?(?:\s+(?:of|on)\s+(?:my|the|your|"
    r"that)\s+(?:\w+\s+)?(?:card|account|number|social|ssn))?)" + _NOISE + _LINK + r"?"
    + _NOISE + r"[ \t]*")
# Expiry: a month/year next to a card cue said before it in the same sentence.
_EXPIRY = re.compile(
    r"(?i)\b(?:card|cvv|cvc|visa|mastercard|amex|ending\s+in)\b" + _NOT_A_PERIOD + r"{0,60}?"
    r"\b(?:expir(?:y|es|ation|ing)|exp|valid\s+(?:thru|through|until))\b\.?(?:\s+date)?"
    + _LINK + r"?[ \t]*(?:on[ \t]+)?(?P<value>(?:0?[1-9]|1[0-2])\s?[/\-]\s?(?:\d{2}|20\d{2}))"
    r"(?![\d/])")
# A password or passcode said after its cue: one token.
_PASSWORD = re.compile(
    r"(?i)\b(?:password|pass\s+word|passphrase|pass\s+phrase|pwd)\b"
    r"(?:[ \t]+(?:for|on|to)[ \t]+(?:my|the|your)[ \t]+\w+)?" + _NOISE + _LINK + _NOISE
    + r"[ \t]*(?P<value>[^\s<>\"'“”]{3,64})(?=[\s\"'”]|$)")
# The answer to a security question, a memorable word: up to four words to the sentence's end.
_ANSWER = re.compile(
    r"(?i)\b(?:(?:the\s+)?answer\s+to\s+(?:my|the|your)\s+security\s+question|"
    r"security\s+(?:answer|word|phrase)|memorable\s+(?:word|phrase|answer|information|name|date)|"
    r"secret\s+(?:word|answer|phrase|question\s+answer))" + _NOISE + _LINK + _NOISE
    + r"[ \t]*(?P<value>[^\s<>.,;!?]+(?:[ \t]+[^\s<>.,;!?]+){0,3}?)[ \t]*(?=[.,;!?]|\n|$)")
_ANSWER_WORD_LIMIT = 4
# Values that are the state of a secret or a handle, not the value ("my password is wrong",
# "my username is locked").
STATE_WORDS = frozenset(
    "wrong incorrect invalid correct right expired locked blocked reset changed not no "
    "the a an my your same different too case sensitive required needed missing empty "
    "blank unknown forgotten lost working broken fine ok okay it this that what "
    "case-sensitive case-insensitive".split())
RARE_WORD = 3.0  # Zipf below which a plain word value is taken for a password


def _digits(text: str, start: int, low: int, high: int) -> Tuple[int, int]:
    """(start, end) of a value of ``low``-``high`` digits, written or said in words, read
    from ``start``; (-1, -1) when there is none."""
    while start < len(text) and text[start] in " \t":
        start += 1
    written = _WRITTEN_DIGITS.match(text, start)
    if written:
        n = len(written.group(0))
        return (start, written.end()) if low <= n <= high else (-1, -1)
    value = read_value(text, start)
    if value is None or not value.reading.isdigit() or not low <= len(value.reading) <= high:
        return -1, -1
    follow = text[value.end:value.end + 1]
    if follow.isalnum():  # "123abc": a code of another shape
        return -1, -1
    return start, value.end


# What comes before "pin" in an Indian address: a comma, a line break, "P.O.", "district".
_INDIAN_PIN = re.compile(r"(?i)(?:,|\n|\bp\.?\s?o\.?|\bpost|\bdist(?:rict|t)?\.?)[ \t]*$")
_WRITTEN_DIGITS = re.compile(r"\d{3,12}(?![\w/:.\-]\w|\w)")


# Tags of a password's state rather than its value: adjectives, adverbs, participles,
# function words ("simple", "here", "saved", "changing"). A common word after a password
# cue is its state when the tagger reads it so both in place and alone: in place alone,
# "my password is princess" reads the noun as an adjective.
STATE_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN", "VBG", "VBD", "IN",
                        "DT", "PRP", "PRP$", "CC", "MD", "TO", "WDT", "WRB", "EX", "PDT"})


def _password_ok(value: str) -> Optional[bool]:
    """True: a password; False: none; None: a common word, a password if it is a noun."""
    value = value.rstrip(".,;:!?)\"'”")
    if len(value) < 3:
        return False
    low = value.lower()
    if low in STATE_WORDS or value.startswith(("<", "#")) or "#k1:" in value:
        return False
    if any(c.isdigit() for c in value) or not value.isalpha():
        return True
    return True if zipf(low) < RARE_WORD else None


def find_secrets(text: str, digits_only: bool = False,
                 is_value: Optional[Callable[[int], bool]] = None) -> List[Tuple[int, int]]:
    """(start, end) of each secret value after its cue; ``digits_only``: only the PINs,
    codes and last fours (what the leak guard looks for). A common word after a password
    cue is taken when ``is_value(start)`` says the word there is no state of the password;
    without ``is_value`` it is taken (what is sealed errs on the side of hiding)."""
    spans = []
    for m in _DIGIT_CUE.finditer(text):
        low, high = _DIGIT_CUES[m.lastgroup][1]
        s, e = _digits(text, m.end(), low, high)
        if e > 0 and m.lastgroup == "pin" and _INDIAN_PIN.search(text, 0, m.start()) \
                and len(re.sub(r"\D", "", text[s:e])) == 6:
            continue  # "..., Arangottukara PO, Pin 680001": an Indian postal code
        if e > 0:
            spans.append((s, e))
    for m in _LAST_FOUR.finditer(text):
        s, e = _digits(text, m.end(), 4, 4)
        if e > 0:
            spans.append((s, e))
    if not digits_only:
        for m in _EXPIRY.finditer(text):
            spans.append(m.span("value"))
        for m in _PASSWORD.finditer(text):
            ok = _password_ok(m.group("value"))
            if ok or (ok is None and (is_value is None or is_value(m.start("value")))):
                spans.append(m.span("value"))
        for m in _ANSWER.finditer(text):
            words = m.group("value").split()
            if len(words) <= _ANSWER_WORD_LIMIT and words[0].lower() not in STATE_WORDS:
                spans.append(m.span("value"))
    return sorted(set(spans))


class SecretValueRecognizer(RuleRecognizer):
    """A PIN, password, CVV, one-time code, security answer, card expiry or last four
    after its cue: a ``CREDENTIAL``."""

    ENTITIES = [ENTITY]
    SCORE = 0.8

    def analyze(self, text, entities, nlp_artifacts=None):
        if ENTITY not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        engine = getattr(nlp_artifacts, "nlp_engine", None)

        def is_value(start: int) -> bool:
            token = None if doc is None else next((t for t in doc if t.idx == start), None)
            if token is None:
                return False
            if token.tag_ not in STATE_TAGS or engine is None:
                return token.tag_ not in STATE_TAGS
            return self._tag_alone(engine, token.lower_, doc.lang_) not in STATE_TAGS

        # No canonical: the value is never pseudonymized, so it is never carried.
        return [result(self, ENTITY, s, e, self.SCORE)
                for s, e in find_secrets(text, is_value=is_value)]

    def _tag_alone(self, engine, word: str, language: str) -> str:
        """The tagger's reading of ``word`` alone (met only after a password cue: rare)."""
        cache = self.__dict__.setdefault("_alone", {})
        if (word, language) not in cache:
            tokens = engine.process_text(word, language).tokens
            cache[(word, language)] = tokens[0].tag_ if len(tokens) else ""
        return cache[(word, language)]


def mask_secrets(text: str) -> str:
    """``text`` with every secret after its cue replaced by ``<CREDENTIAL>``: what is sealed
    in the vault (quarantined records, dead letters) never holds a PIN, password or code
    (PCI DSS), and a re-redaction writes the same placeholder."""
    out, at = [], 0
    for start, end in find_secrets(text):  # sorted; an overlap joins the one before
        if start < at:
            at = max(at, end)
            continue
        out.append(text[at:start] + f"<{ENTITY}>")
        at = end
    return "".join(out) + text[at:]
