"""Normalizers: one canonical form per identifier, so that formatting never splits a customer.

Each normalizer takes the raw value and returns the canonical string that is hashed.
Phones go to E.164 with :mod:`phonenumbers` (region from the policy for national
formats); emails are trimmed and lowercased; IDs are kept exact or case-folded. Every
normalizer first reads the value as the detectors read text
(:func:`transforms.core.shadow_text.read_visible`: NFKC, decimal digits in ASCII, no
invisible characters such as zero-width space and joiners, soft hyphen, BOM, NUL and other
controls), so a value pasted with one of them is still the same customer: one pseudonym,
found again by ``forget``. A phone's groups may be joined by any dash or by ``_ ~ * | ·``.
"""
from __future__ import annotations

import re

import phonenumbers

from transforms.core.shadow_text import SEPARATOR, read_visible

_NON_DIGITS = re.compile(r"[^0-9]")
_LINE_CONTROLS = {ord("\t"): None, ord("\n"): None, ord("\r"): None}


class NormalizationError(ValueError):
    """The value cannot be put in canonical form; the message never holds the value."""


def visible(value: str) -> str:
    """NFKC form without format (Cf) and control (Cc) characters, ASCII digits, trimmed."""
    return read_visible(str(value)).translate(_LINE_CONTROLS).strip()


def normalize_phone(value: str, default_region: str = "US") -> str:
    """E.164 form (``+14155552671``); unparseable numbers fall back to their digits."""
    text = SEPARATOR.sub("-", visible(value))
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    digits = _NON_DIGITS.sub("", text)
    if len(digits) < 5:
        raise NormalizationError("phone number has too few digits")
    return "+?" + digits  # marked: not a verified E.164 number, but stable


def normalize_email(value: str) -> str:
    """Trim, lowercase, drop a ``mailto:`` prefix; must contain exactly one ``@``."""
    text = visible(value).lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:"):]
    if text.count("@") != 1 or text.startswith("@") or text.endswith("@"):
        raise NormalizationError("not an email address")
    return text


def normalize_id_exact(value: str) -> str:
    text = visible(value)
    if not text:
        raise NormalizationError("empty identifier")
    return text


def normalize_id_casefold(value: str) -> str:
    return normalize_id_exact(value).casefold()


def normalize(normalizer: str, value: str, default_region: str = "US") -> str:
    """Dispatch by policy normalizer name."""
    if normalizer == "phone":
        return normalize_phone(value, default_region)
    if normalizer == "email":
        return normalize_email(value)
    if normalizer == "id_exact":
        return normalize_id_exact(value)
    if normalizer == "id_casefold":
        return normalize_id_casefold(value)
    raise ValueError(f"unknown normalizer {normalizer!r}")
