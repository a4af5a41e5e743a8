"""Phone numbers in any national format, kept only with a phone cue nearby.

Serves every language: the digits are language-neutral, and the cues are English, French
and international ("tel", "whatsapp"). Without a cue a match scores 0.2, below the
default policy's threshold, so a language whose cues are missing gets no false positive.
"""
from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern, PatternRecognizer


class ContextPhoneRecognizer(PatternRecognizer):
    """7-15 digits in groups, in any national format, kept only with a phone cue nearby
    (base score 0.2, raised by Presidio's context enhancement)."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(
            supported_entity="PHONE_NUMBER", name="ContextPhoneRecognizer",
            supported_language=supported_language,
            patterns=[Pattern("grouped digits",
                              r"(?<![\w+])\+?\(?\d{1,4}\)?(?:[ .\-/]?\(?\d{1,5}\)?){1,5}(?![\w])",
                              0.2)],
            context=["phone", "call", "mobile", "cell", "fax", "desk", "office", "tel",
                     "telephone", "reach", "contact", "number", "registered", "answering",
                     "messages", "text", "whatsapp", "téléphone", "portable"])

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        return None if 7 <= len(re.sub(r"\D", "", pattern_text)) <= 15 else False
