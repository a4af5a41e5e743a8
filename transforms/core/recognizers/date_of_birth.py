"""Dates of birth: a date with a birth cue nearby.

Serves every language: numeric dates are language-neutral, and the English cues ("DOB",
"born") also turn up in notes written in other languages. Without a cue a date scores
0.2, below the default policy's threshold, so meeting dates stay.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE = (r"(?i)\b(?:\d{1,2}[/\-. ]\d{1,2}[/\-. ](?:19|20)?\d{2}"
         r"|(?:19|20)\d{2}[/\-.]\d{1,2}[/\-.]\d{1,2}"
         r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH
         + r")\.?,?\s+(?:19|20)\d{2}"
         r"|(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
         r"|(?:" + _MONTH + r")\.?,?\s+(?:19|20)\d{2})\b")


class DateOfBirthRecognizer(PatternRecognizer):
    """A date, scored to pass only with a birth cue nearby (context enhancement)."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="DATE_OF_BIRTH", name="DateOfBirthRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("date", _DATE, 0.2)],
                         # Presidio compares context with lemmas: "born" is "bear"
                         context=["birth", "born", "bear", "dob", "birthday",
                                  "birthdate"])
