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
from typing import List, Tuple

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from transforms.core.date_words import MONTH_WORDS, ORDINAL_WORDS, TENS_WORDS
from transforms.core.number_words import NUMBER_WORDS, TEENS
from transforms.core.recognizers.common import result

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

# A birth cue, as written and as speech recognition spells it ("d o b", "d.o.b.").
BIRTH_ABBREVIATION = re.compile(r"(?i)\bd\.?[ \t]?o\.?[ \t]?b\b\.?")
_CUE = re.compile(r"(?i)\b(?:date\s+of\s+birth|birth[ \t-]?(?:date|day)|b[ \t-]?day|born)\b|"
                  + BIRTH_ABBREVIATION.pattern[4:])
# After the cue: the words of the same sentence (a full stop ends it only before a blank).
_SENTENCE_END = re.compile(r"[!?;\n]|\.(?=\s|$)")
_TOKEN = re.compile(r"\d{1,4}(?:[/.\-]\d{1,4}){2}|\d+(?:st|nd|rd|th)?\b|[^\W\d_]+(?:'[a-z]+)?"
                    r"|,", re.IGNORECASE)
CUED_SCORE = 0.6
MAX_GAP = 4  # words between the cue and the date ("is", "was on", "on file is")
MAX_PARTS = 5  # more numbers than a day, a month and a year said in parts: a phone read out
_MONTHS = frozenset(MONTH_WORDS)
_ORDINALS = frozenset(ORDINAL_WORDS)
_DIGITS = frozenset(NUMBER_WORDS)  # "zero", "oh", "o", "one" to "nine"
_TEENS = frozenset(TEENS)
_TENS = frozenset(TENS_WORDS)  # as spelled: "fourty" is no year's
_CENTURY = {"nineteen", "twenty"}  # "nineteen eighty five", "twenty twenty": one year
_JOINERS = {"the", "of", "and", ","}
_DATE_WORD = _MONTHS | _ORDINALS | _DIGITS | _TEENS | _TENS | {"thousand"}


def _parts(words: List[str]) -> Tuple[List[str], int]:
    """The parts of a date said in words and digits: "month", "day", "year" or "number", and
    how many words they took (the words after are no date). "the fourth of december
    nineteen eighty five" is a day, a month and a year; "zero four twelve eighty five"
    three numbers; "two thousand and three" and "nineteen eighty five" one year each."""
    parts, i = [], 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _JOINERS:  # "the second of the eleventh"; "and" after a date is none of it
            after = next((x for x in words[i + 1:] if x not in _JOINERS), "")
            if not parts or not (after in _DATE_WORD or after[:1].isdigit()):
                break
            i += 1
            continue
        if w[:1].isdigit():
            digits = w.rstrip("stndrh")
            if not digits.isdigit():
                parts.append("full")  # "14.02.1956", "1984-09-03"
            elif digits != w:
                parts.append("day")  # "4th"
            elif len(digits) == 4 and digits[:2] in ("19", "20"):
                parts.append("year")
            elif len(digits) in (6, 8):
                parts.append("full")  # "04121985"
            elif len(digits) == 4 and not (int(digits[:2]) <= 31 and int(digits[2:]) <= 12):
                parts.append("past")  # "1898": no living person's year, as in _DATE
            else:
                parts += ["number"] * (1 if len(digits) <= 2 else 2)  # "2601": day, month
            i += 1
        elif w in _MONTHS:
            parts.append("month")
            i += 1
        elif w in _ORDINALS:
            parts.append("day")
            i += 1
        elif w in _TENS and nxt in _ORDINALS:  # "twenty first"
            parts.append("day")
            i += 2
        elif w in _DIGITS and nxt == "thousand" or w == "thousand":  # "two thousand and three"
            i += 1 if w == "thousand" else 2
            if i + 1 < len(words) and words[i] == "and" and words[i + 1] in _DATE_WORD:
                i += 1
            if i < len(words) and (words[i] in _DIGITS or words[i] in _TEENS):
                i += 1
            parts.append("year")
        elif w in _DIGITS or w in _TEENS or w in _TENS:
            i += 1
            if w in ("zero", "oh", "o") and nxt in _DIGITS:  # "oh four": one number
                i += 1
            elif w in _TENS and nxt in _DIGITS and nxt not in ("zero", "oh", "o"):
                i += 1  # "eighty five"
            if (w in _CENTURY and parts[-1:] != ["century"] and i < len(words)
                    and (words[i] in _TENS or words[i] in _TEENS or words[i] in ("oh", "o"))):
                parts.append("century")  # the first half of a year said in two
            elif parts[-1:] == ["century"]:
                parts[-1] = "year"
            else:
                parts.append("number")
        else:
            break
    return ["number" if p == "century" else p for p in parts], i


def exact_date(parts: List[str]) -> bool:
    """A day, a month and a year, or two of them: more than a year alone ("born in nineteen
    eighty five" keeps its year under the default policy), a day alone or a month alone."""
    if "past" in parts:
        return False
    if "full" in parts:
        return True
    if parts.count("year") > 1 or len(parts) > MAX_PARTS:
        return False
    return len(parts) >= 2


def cued_birth_dates(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each date said after a birth cue in its sentence, within
    :data:`MAX_GAP` words: "my date of birth is the fourth of december nineteen eighty
    five", "born on the fifth of may", "d o b 14 02 1956", "my birthday is december fourth".
    """
    found = []
    for cue in _CUE.finditer(text):
        end = _SENTENCE_END.search(text, cue.end())
        tokens = list(_TOKEN.finditer(text, cue.end(), end.start() if end else len(text)))
        words = [t.group(0).lower() for t in tokens]
        for k in range(min(len(words), MAX_GAP + 1)):
            if words[k] in _JOINERS or not (words[k] in _DATE_WORD or words[k][:1].isdigit()):
                continue
            parts, used = _parts(words[k:])
            if exact_date(parts):
                found.append((tokens[k].start(), tokens[k + used - 1].end()))
            break
    return found


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
        no date right after "Dated"/"Date" (a document's date), and the dates said after
        a birth cue (:func:`cued_birth_dates`)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            r.start = _LABEL.match(text, r.start, r.end).end()
        results = [r for r in results if not _DATED.search(text, max(0, r.start - 40), r.start)]
        if "DATE_OF_BIRTH" in entities:
            for start, end in cued_birth_dates(text):
                found = result(self, "DATE_OF_BIRTH", start, end, CUED_SCORE)
                # Its cue is its context already: Presidio's context step leaves it.
                found.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
                results.append(found)
        return results
