"""Leak guard (Beam-free): re-scan an outgoing record with high-precision detectors.

A record is held back if any outgoing string still contains: one of the record's own
structured identifiers (raw, canonical, or a phone in any formatting); an email
address; a Luhn-valid card number; an SSN-shaped number; a checksum-valid IBAN; a
POL/ACCT id; digits or an email spoken out; a JSON web token; or a URL carrying a
secret parameter. Findings are
reason codes, never values.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Sequence

import phonenumbers

from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.core.recognizers import (NUM_RUN, NUMBER_WORDS, SPOKEN_EMAIL, iban_ok, luhn_ok,
                                    spoken_digits)
from transforms.core.text_redactor import KnownIdentifier, find_known
from transforms.core.urls import URL_RE, UrlRules, is_secret_url

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_CARD = re.compile(r"(?<!\d)(?:\d[ \-]?){12,18}\d(?!\d)")
_SSN = re.compile(r"(?<!\d)(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_POL_ACCT = re.compile(r"(?i)(?<![A-Za-z0-9_])(?:POL|ACCT)-[0-9]{8,12}(?![0-9])")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")


def find_leaks(strings: Iterable[str], known: Sequence[KnownIdentifier],
               raw_values: Sequence[str], region: str, url_rules: UrlRules) -> List[str]:
    """Reason codes for what still leaks in the outgoing strings (empty: clean)."""
    reasons = set()
    lowered_raw = [r.casefold() for r in raw_values if len(r) >= 4]
    lowered_known = [k.canonical.casefold() for k in known if len(k.canonical) >= 4]
    for text in strings:
        scrubbed = PSEUDONYM_RE.sub(" ", text)  # pseudonyms are not leaks
        folded = scrubbed.casefold()
        if any(r in folded for r in lowered_raw) or any(k in folded for k in lowered_known):
            reasons.add("own_identifier")
        if find_known(scrubbed, [k for k in known if k.normalizer == "phone"], region):
            reasons.add("own_phone")
        if any(True for _ in phonenumbers.PhoneNumberMatcher(
                scrubbed, region, leniency=phonenumbers.Leniency.VALID)):
            reasons.add("phone_number")
        if _EMAIL.search(scrubbed):
            reasons.add("email")
        for m in _CARD.finditer(scrubbed):
            digits = re.sub(r"\D", "", m.group(0))
            if 13 <= len(digits) <= 19 and luhn_ok(digits):
                reasons.add("card_number")
        if _SSN.search(scrubbed):
            reasons.add("ssn")
        if any(iban_ok(m.group(0)) for m in _IBAN.finditer(scrubbed)):
            reasons.add("iban")
        if _POL_ACCT.search(scrubbed):
            reasons.add("policy_account_id")
        for m in NUM_RUN.finditer(scrubbed):
            words = re.findall(r"[a-z]+", m.group(0).lower())
            if sum(w in NUMBER_WORDS for w in words) >= 2 and len(spoken_digits(m.group(0))) >= 9:
                reasons.add("spoken_number")
        if SPOKEN_EMAIL.search(scrubbed):
            reasons.add("spoken_email")
        if _JWT.search(scrubbed):
            reasons.add("token")
        if any(is_secret_url(m.group(0), url_rules) for m in URL_RE.finditer(scrubbed)):
            reasons.add("secret_url")
    return sorted(reasons)
