"""UK postcodes spelled out in speech: letters, NATO words, digits and number words in
a row ("m o h 9 y s", "whiskey 2 0 alpha bravo", "ML 3 H 6 b a r", "eh6 5dy").

A run of spelling tokens (:mod:`.spelling`) is a postcode when some stretch of it reads
as one in full (outward code and inward code), or when the whole run is letters and digits
mixed, from a letter, four to eight characters in three tokens or more, no token a number
of three digits (a postcode said in part or restarted; at 0.5), when it starts with a
postcode area and its district's digit or is half its line or more (a caller's turn,
whose letters are often misheard: "o n 3 2 p tj" for LN3). A run that starts with no area
inside a longer line is a heart or a unit in a tweet ("love u lt 3 8 see you", "wind mn 10
today"), a word and a number ("hij was nu al 3 dagen kwijt"). English: NATO words and
letter names are English.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.legal_words import in_judgment
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


def _most_of_line(text: str, run) -> bool:
    """The run's tokens are half the words of its line or more."""
    start = text.rfind("\n", 0, run.start) + 1
    end = text.find("\n", run.end)
    words = len(re.findall(r"\w+", text[start:end if end >= 0 else len(text)]))
    return 2 * run.tokens >= words


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
                run.reading) and run.tokens >= 3 and (
                    of_an_area(run.reading) or _most_of_line(text, run)) and not any(
                    re.search(r"\d{3}", p[2]) for p in run.parts):
            found.append((run.start, run.end, run.reading))
    return found


# The postcode areas of the UK, Channel Islands and Isle of Man (Royal Mail).
_AREAS = frozenset("""
AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E
EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL
LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM
SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
""".split())


def of_an_area(code: str) -> bool:
    """The code starts with a postcode area and its district's digit ("SW1A2AA", "MOH9YS"
    with "o" said for zero); "PW18" (a prosecution witness), "EXP12" (an exhibit) do not."""
    return any(code[:n] in _AREAS and len(code) > n and (code[n].isdigit() or code[n] == "O")
               for n in (2, 1))


class SpelledPostcodeRecognizer(RuleRecognizer):
    """A UK postcode read out token by token. In a judgment (:func:`..legal_words.
    in_judgment`) only one starting with a postcode area (:func:`of_an_area`): its witness
    and exhibit marks said letter by letter ("p w 18", "ex p 12", "d ws 2") are none. A
    caller's postcode, often misheard in its letters, needs no area."""

    ENTITIES = ["POSTAL_CODE"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "POSTAL_CODE" not in entities:
            return []
        found = [(s, e, code) for s, e, code in spelled_postcodes(text)
                 if not _WRITTEN.fullmatch(text[s:e])]  # "SK11 1JH": the postal-code rules
        if found and in_judgment(text):
            found = [(s, e, code) for s, e, code in found if of_an_area(code)]
        return [result(self, "POSTAL_CODE", s, e, 0.6 if UK_SHAPE.fullmatch(code) else 0.5,
                       code) for s, e, code in found]

