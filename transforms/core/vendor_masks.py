"""Text a vendor already masked: ``[PII]``, or the entity type in brackets when the vendor
masks by type (AWS: ``[NAME]``, ``[CREDIT_DEBIT_NUMBER]``...). It is kept as it is (never
re-detected as a name or an organisation) and counted per mask."""
from __future__ import annotations

import collections
import re

# AWS Transcribe, Contact Lens and Comprehend PII entity types, as they mask them
_TYPES = (
    "PII", "ALL", "NAME", "ADDRESS", "EMAIL", "PHONE", "SSN", "PIN", "AGE", "USERNAME",
    "PASSWORD", "URL", "IP_ADDRESS", "MAC_ADDRESS", "DATE_TIME", "DRIVER_ID", "LICENSE_PLATE",
    "PASSPORT_NUMBER", "BANK_ACCOUNT_NUMBER", "BANK_ROUTING", "CREDIT_DEBIT_NUMBER",
    "CREDIT_DEBIT_CVV", "CREDIT_DEBIT_EXPIRY", "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
    "SWIFT_CODE", "AWS_ACCESS_KEY", "AWS_SECRET_KEY", "VEHICLE_IDENTIFICATION_NUMBER",
    "CA_HEALTH_NUMBER", "CA_SOCIAL_INSURANCE_NUMBER", "IN_AADHAAR", "IN_NREGA",
    "IN_PERMANENT_ACCOUNT_NUMBER", "IN_VOTER_NUMBER", "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    "UK_NATIONAL_INSURANCE_NUMBER", "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
)
VENDOR_MASK_RE = re.compile(r"\[(" + "|".join(sorted(_TYPES, key=len, reverse=True)) + r")\]")


def count_masks(text: str) -> collections.Counter:
    """Masks in a text, by what they mask (``PII``, ``NAME``...)."""
    return collections.Counter(m.group(1) for m in VENDOR_MASK_RE.finditer(text))
