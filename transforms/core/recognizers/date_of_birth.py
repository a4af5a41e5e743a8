"""Dates of birth: a date with a birth cue nearby, or a full date said alone.

Serves every language: numeric dates are language-neutral, and the English cues ("DOB",
"born") also turn up in notes written in other languages. Without a cue a date scores
0.2, below the default policy's threshold, so meeting dates stay. Dates as speech
recognition writes them count too ("the 8th of the 7th 1906", "13 11th 1952", "2601
1979"). A full date (day, month, year) that is a whole line, or a whole turn after its
speaker's label, is what a caller says when asked who they are: 0.5 without a cue.
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from transforms.core.date_words import MONTH_WORDS

_MONTH = "|".join(MONTH_WORDS)
_DATE = (r"(?i)\b(?:\d{1,2}[/\-. ]\d{1,2}[/\-. ](?:19|20)?\d{2}"
         r"|(?:19|20)\d{2}[/\-. ]\d{1,2}[/\-. ]\d{1,2}"  # "1987-12-28", said "1987 12 28"
         r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH
         + r")\.?,?\s+(?:19|20)\d{2}"
         r"|(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
         r"|(?:" + _MONTH + r")\.?,?\s+(?:19|20)\d{2}"
         r"|" + r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:the\s+)?"
         r"\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?(?:19|20)\d{2}"  # "13 11th 1952"
         r"|\d{3,4}\s+(?:19|20)\d{2})\b")  # "2601 1979": day and month run together
# A full date with nothing else on its line (a speaker's label before it allowed).
_FULL = (r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:the\s+)?(?:" + _MONTH
         + r"|\d{1,2}(?:st|nd|rd|th))\.?,?\s+(?:of\s+)?(?:19|20)\d{2}"
         r"|(?:" + _MONTH + r")\.?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
         r"|\d{1,2}[/\-. ]\d{1,2}[/\-. ](?:19|20)\d{2}"  # "01 08 1931", "16-11 1950"
         r"|(?:19|20)\d{2}[/\-. ]\d{1,2}[/\-. ]\d{1,2}|\d{4}\s+(?:19|20)\d{2}")  # "2601 1979"
# Left out of a date found: a speaker's label, a leading "the".
_LABEL = re.compile(r"[ \t]*(?:[a-z]{2,12}[ \t]*:[ \t]*)?(?:the\s+)?", re.IGNORECASE)
# "Dated: 07.08.2019", "Date: 2022.04.13", "..., dated\n 20.07.2015": the date a document
# was made or signed, not anyone's birth.
_DATED = re.compile(r"(?i)\bdated?[ \t]*:?\s*$")
_ALONE = r"(?im)^[ \t]*(?:[a-z]{2,12}[ \t]*:[ \t]*)?(?:" + _FULL + r")[ \t.]*$"


class DateOfBirthRecognizer(PatternRecognizer):
    """A date, scored to pass only with a birth cue nearby (context enhancement)."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="DATE_OF_BIRTH", name="DateOfBirthRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("date", _DATE, 0.2),
                                   Pattern("full date alone", _ALONE, 0.5)],
                         # Presidio compares context with lemmas: "born" is "bear"
                         context=["birth", "born", "bear", "dob", "birthday",
                                  "birthdate"])

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """As a pattern recognizer, with a speaker's label or "the" before a date left out,
        and no date right after "Dated"/"Date" (a document's date)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            r.start = _LABEL.match(text, r.start, r.end).end()
        return [r for r in results if not _DATED.search(text, max(0, r.start - 40), r.start)]
