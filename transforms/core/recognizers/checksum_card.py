"""Card numbers of any issuer, found by the Luhn checksum; serves every language (digits)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from transforms.core.recognizers.common import card_ok


class ChecksumCardRecognizer(PatternRecognizer):
    """12-19 digits in groups of three or more (or digit by digit), Luhn-valid: any
    issuer, 2-series Mastercard and 12-digit Maestro included."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="CREDIT_CARD", name="ChecksumCardRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("card", r"(?<![\d\-])\d(?:[ \-]?\d){11,18}(?![\d\-])",
                                           0.6)],
                         context=["card", "visa", "mastercard", "amex", "credit", "debit"])

    def validate_result(self, pattern_text: str) -> bool:
        return card_ok(re.findall(r"\d+", pattern_text))
