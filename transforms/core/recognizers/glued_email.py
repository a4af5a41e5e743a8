"""Emails written straight against text of another script ("メールはtaro@example.jpです").

Presidio's own email pattern reads ``\\w``, which includes Han, kana and Arabic letters,
so such an address is read together with its neighbours and then refused as no address.
This one reads an ASCII address with ASCII boundaries; serves every language.
"""
from __future__ import annotations


from presidio_analyzer import Pattern, PatternRecognizer

EMAIL = (r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
         r"\.[A-Za-z]{2,}(?![A-Za-z0-9\-])")


class GluedEmailRecognizer(PatternRecognizer):
    """An ASCII email address whatever the script of the text around it."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="EMAIL_ADDRESS", name="GluedEmailRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("ascii email", EMAIL, 0.9)])
