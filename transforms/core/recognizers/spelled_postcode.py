"""UK postcodes spelled out in speech: letters, NATO words, digits and number words in
a row ("m o h 9 y s", "whiskey 2 0 alpha bravo", "ML 3 H 6 b a r", "eh6 5dy").

A run of spelling tokens (:mod:`.spelling`) is a postcode when some stretch of it reads
as one in full (outward code and inward code), or when the whole run is letters and digits
mixed, from a letter, four to eight characters in three tokens or more, no token a number
of three digits (a postcode said in part or restarted; at 0.5). English: NATO words and letter names are
English.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import UK_POSTCODE, RuleRecognizer, result
from transforms.core.recognizers.spelling import spelled_runs

# Outward and inward code; "o" said for zero where a digit belongs ("m o h 9 y s").
UK_SHAPE = re.compile(r"[A-Z]{1,2}[\dO][A-Z\d]?[\dO][A-Z]{2}")
# Part of one, as callers restart or the recogniser drops a letter ("e 9 6 7 t", "n 4 W 0
# d"): a letter, then letters and digits mixed, four characters or more, in three tokens
# or more, none of them a number of three digits ("a 501 c 3" is no postcode).
_WRITTEN = re.compile(UK_POSTCODE)
_PARTIAL = re.compile(r"[A-Z](?=[A-Z\d]*\d)[A-Z\d]{3,7}")


_LONGEST = 7  # characters of a full postcode ("SW1A1AA")


def _longest(parts, i: int) -> int:
    """The end of the longest stretch of parts from ``i`` that holds at most a full
    postcode's characters: a stretch is read only so far (a 3,000-letter run took minutes)."""
    j, size = i, 0
    while j < len(parts) and size + len(parts[j][2]) <= _LONGEST:
        size += len(parts[j][2])
        j += 1
    return max(j, i + 1)


def spelled_postcodes(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, code) of each stretch of a spelled run that reads as a UK postcode,
    the longest first from the left."""
    found = []
    for run in spelled_runs(text, min_tokens=2):
        parts, i = run.parts, 0
        while i < len(parts):
            for j in range(_longest(parts, i), i, -1):
                code = "".join(p[2] for p in parts[i:j])
                if UK_SHAPE.fullmatch(code) and re.search(r"\d", code):
                    found.append((parts[i][0], parts[j - 1][1], code))
                    i = j - 1
                    break
            i += 1
        if not any(run.start <= f[0] < run.end for f in found) and _PARTIAL.fullmatch(
                run.reading) and run.tokens >= 3 and not any(
                    re.search(r"\d{3}", p[2]) for p in run.parts):
            found.append((run.start, run.end, run.reading))
    return found


class SpelledPostcodeRecognizer(RuleRecognizer):
    """A UK postcode read out token by token."""

    ENTITIES = ["POSTAL_CODE"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "POSTAL_CODE" not in entities:
            return []
        return [result(self, "POSTAL_CODE", s, e, 0.6 if UK_SHAPE.fullmatch(code) else 0.5,
                       code) for s, e, code in spelled_postcodes(text)
                if not _WRITTEN.fullmatch(text[s:e])]  # "SK11 1JH": the postal-code rules

