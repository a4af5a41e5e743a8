"""Leak guard (Beam-free): re-scan an outgoing record with high-precision detectors.

Every check reads the string's normalized shadow (:mod:`transforms.core.shadow_text`), so
a full-width email, a zero-width space inside a phone or digit groups joined by ``_ ~ * |
·`` are read as plainly written. A record is held back if any outgoing string still
contains: one of the record's own
structured identifiers (raw, canonical, or a phone in any formatting) or display names
(as whole words); an email
address; a card number (Luhn-valid and written as a card is, as the recognizer reads it:
not a row of scores); an SSN-shaped number; a checksum-valid IBAN; a match
of one of the policy's custom rules (its POL/ACCT ids, say); digits or an email spoken
out; a JSON web token; a URL carrying a secret parameter; a phone number valid in a
region of the text's script (a Chinese mobile number in Chinese text); when the policy
detects CREDENTIAL, a PIN, CVV, one-time code or last four digits still after its cue
(:func:`transforms.core.recognizers.secret_value.find_secrets`); or, when the policy
detects PERSON, a name after a cue (:mod:`transforms.core.leak_names`). Findings are
reason codes, never values. Under a policy that uses SURROGATE, the fake values it writes are
not leaks: emails of its shape (first.last@example.com from its name lists) and phones in the
555-01xx range reserved for fiction; and when PERSON itself gets SURROGATE, the cue-based
name check is off (a fake name after "my name is" cannot be told from a real one).
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional, Sequence, Tuple

import phonenumbers
import regex

from transforms.core.bounded_rules import BoundedRule
from transforms.core.leak_names import names_left
from transforms.core.nested_values import collect_strings
from transforms.core.number_words import spoken_runs
from transforms.core.operators import PLACEHOLDER_RE
from transforms.core.operators.surrogate import FICTIONAL_EXCHANGE, Surrogate, is_surrogate_email
from transforms.core.phone_matcher import valid_matches
from transforms.core.policy import CustomRule, Policy
from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.core.recognizers import SPOKEN_EMAIL, card_ok, iban_ok
from transforms.core.recognizers.context_phone import case_or_amount, date_or_time, score_row
from transforms.core.recognizers.regional_phone import regional_phones
from transforms.core.recognizers.secret_value import ENTITY as CREDENTIAL
from transforms.core.recognizers.secret_value import find_secrets
from transforms.core.rule_prefilter import prefilter
from transforms.core.shadow_text import shadow_text
from transforms.core.spans import NAME, KnownIdentifier, find_known, name_pattern
from transforms.core.urls import JWT_ANYWHERE_RE, URL_RE, UrlRules, is_secret_url

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_CARD = re.compile(r"(?<!\d)(?:\d[ \-]?){12,18}\d(?!\d)")
_SSN = re.compile(r"(?<!\d)(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
# A rule's \b, for the guard: also between ASCII and other scripts ("保单POL-12345678已")
# and between a letter and a digit ("ACCT-12345678x"), so an id glued to its neighbours
# is caught even where the rule itself, in RedactText, did not fire.
_LOOSE_BOUNDARY = (r"(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])"
                   r"|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z]))")
_ESCAPE_OR_BOUNDARY = re.compile(r"\\\\|\\b")
_MARKS = PLACEHOLDER_RE  # placeholders, masks
# phonenumbers' outcomes for the candidates the guard has parsed (its own memory, not the
# detection's: the guard reads every text again, it only skips parsing a candidate again).
_PHONE_MEMORY: dict = {}


class GuardRule:
    """A custom rule as the guard searches it: ``loose`` (see :func:`rule_pattern`), tried
    only in a text its ``prefilter`` (:mod:`transforms.core.rule_prefilter`) matches."""

    __slots__ = ("loose", "prefilter")

    def __init__(self, loose: BoundedRule, prefilter: Optional[BoundedRule]):
        self.loose, self.prefilter = loose, prefilter

    def search(self, text: str):
        if self.prefilter is not None and self.prefilter.search(text) is None:
            return None
        return self.loose.search(text)


def rule_pattern(rule: CustomRule) -> GuardRule:
    """A custom rule compiled for the guard: its ``\\b`` loosened (see above), or kept
    where loosening breaks it (a ``\\b`` inside a character class)."""
    loose = _ESCAPE_OR_BOUNDARY.sub(
        lambda m: _LOOSE_BOUNDARY if m.group(0) == "\\b" else m.group(0), rule.pattern)
    flags = re.DOTALL | re.MULTILINE | (0 if rule.case_sensitive else re.IGNORECASE)
    try:  # each search bounded in time (transforms.core.bounded_rules)
        compiled = BoundedRule(loose, flags, rule.name)
    except regex.error:
        compiled = BoundedRule(rule.pattern, flags, rule.name)
    cheap = prefilter(rule.pattern, flags)
    try:
        cheap = None if cheap is None else BoundedRule(cheap.pattern, flags, rule.name)
    except regex.error:
        cheap = None
    return GuardRule(compiled, cheap)


class LeakFinder:
    """The guard's detectors for one policy, its custom rules compiled once."""

    def __init__(self, policy: Policy):
        self.region = policy.default_region
        self.url_rules = UrlRules(policy.strip_url_params, policy.strip_url_markers)
        self.rules: Tuple[Tuple[str, GuardRule], ...] = tuple(
            (rule.entity.lower(), rule_pattern(rule)) for rule in policy.custom_rules)
        self.surrogates = Surrogate.name in policy.operators_used
        self.check_names = ("PERSON" in policy.entities
                            and policy.treatment("PERSON").operator != Surrogate.name)
        self.check_secrets = CREDENTIAL in policy.entities

    def find(self, strings: Iterable[str], known: Sequence[KnownIdentifier],
             raw_values: Sequence[str]) -> List[str]:
        """Reason codes for what still leaks in the outgoing strings (empty: clean)."""
        return find_leaks(strings, known, raw_values, self.region, self.url_rules,
                          self.rules, self.surrogates, self.check_names, self.check_secrets)

    def find_in_fields(self, fields: dict, known: Sequence[KnownIdentifier],
                       raw_values: Sequence[str]) -> List[str]:
        """:meth:`find` on every string of a record's outgoing fields, nested ones too."""
        return self.find([text for _, text in collect_strings(fields)], known, raw_values)


def _holds_card(groups: List[str]) -> bool:
    """Some run of 13-19 digits of these groups is written as a card is (the recognizer's
    :func:`card_ok`), also after a short number ("ref 12 4111 1111 1111 1111")."""
    return any(13 <= sum(len(g) for g in groups[i:j]) <= 19 and card_ok(groups[i:j])
               for i in range(len(groups)) for j in range(i + 1, len(groups) + 1))


def _fictional_phone(match: phonenumbers.PhoneNumberMatch) -> bool:
    number = match.number
    return number.country_code == 1 and str(number.national_number)[3:8] == FICTIONAL_EXCHANGE


def find_leaks(strings: Iterable[str], known: Sequence[KnownIdentifier],
               raw_values: Sequence[str], region: str, url_rules: UrlRules,
               rules: Sequence[Tuple[str, GuardRule]] = (),
               surrogates: bool = False, check_names: bool = False,
               check_secrets: bool = False) -> List[str]:
    """Reason codes for what still leaks in the outgoing strings (empty: clean);
    ``rules`` are (reason, rule) pairs, e.g. :attr:`LeakFinder.rules`; with
    ``surrogates``, SURROGATE's fake emails and phones are not leaks; ``check_names``: also
    look for names after cues; ``check_secrets``: also for digit secrets after cues."""
    reasons = set()
    lowered_raw = [shadow_text(r).casefold() for r in raw_values if len(r) >= 4]
    lowered_known = [k.canonical.casefold() for k in known
                     if len(k.canonical) >= 4 and k.normalizer != NAME]
    names = [name_pattern(k.canonical) for k in known if k.normalizer == NAME]
    for text in strings:
        scrubbed = PSEUDONYM_RE.sub(" ", shadow_text(text))  # pseudonyms are not leaks
        folded = scrubbed.casefold()
        if any(r in folded for r in lowered_raw) or any(k in folded for k in lowered_known):
            reasons.add("own_identifier")
        if names and any(p.search(_MARKS.sub(" ", scrubbed)) for p in names):
            reasons.add("own_name")
        if find_known(scrubbed, [k for k in known if k.normalizer == "phone"], region):
            reasons.add("own_phone")
        phones = valid_matches(_PHONE_MEMORY)  # this text's matches, region by region
        if any(not (surrogates and _fictional_phone(m)) and not score_row(m.raw_string)
               and not date_or_time(scrubbed, m.start, m.end)
               and not case_or_amount(scrubbed, m.start, m.end)  # as the redactor reads it
               for m in phones(scrubbed, region)):
            reasons.add("phone_number")
        if any(not (surrogates and is_surrogate_email(m.group(0)))
               for m in _EMAIL.finditer(scrubbed)):
            reasons.add("email")
        if regional_phones(scrubbed, phones):
            reasons.add("phone_number")
        if check_names and names_left(scrubbed):
            reasons.add("name")
        if check_secrets and find_secrets(scrubbed, digits_only=True):
            reasons.add("credential")
        if any(_holds_card(re.findall(r"\d+", m.group(0))) for m in _CARD.finditer(scrubbed)):
            reasons.add("card_number")
        if _SSN.search(scrubbed):
            reasons.add("ssn")
        if any(iban_ok(m.group(0)) for m in _IBAN.finditer(scrubbed)):
            reasons.add("iban")
        reasons.update(reason for reason, pattern in rules if pattern.search(scrubbed))
        if any(len(digits) >= 9 for _, digits in spoken_runs(scrubbed)):
            reasons.add("spoken_number")
        if SPOKEN_EMAIL.search(scrubbed):
            reasons.add("spoken_email")
        if JWT_ANYWHERE_RE.search(scrubbed):
            reasons.add("token")
        if any(is_secret_url(m.group(0), url_rules) for m in URL_RE.finditer(scrubbed)):
            reasons.add("secret_url")
    return sorted(reasons)
