"""Digits read out in French speech: "zéro six douze trente-quatre cinquante-six
soixante-dix-huit" (a phone read in pairs), "quatre cinq six sept huit neuf".

:mod:`.spoken_number` reads English number words (and "six"); French numbers up to 99
are read here: units one digit, "dix" to "quatre-vingt-dix-neuf" two ("trente quatre"
with a space too), "vingt et un" 21. A run of two or more number words saying seven or
more digits is a phone when ten digits start with 0 or a phone word comes before it, a
card when a checksum says so, otherwise a spoken number.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import RuleRecognizer, luhn_ok, result

UNITS = {"zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
         "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9}
TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
         "seize": 16}
TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_WORDS = set(UNITS) | set(TEENS) | set(TENS) | {"vingts", "et"}
_TOKEN = re.compile(r"[^\s,.;:!?\-]+")
_JOIN = re.compile(r"[\s,\-]*")
_PHONE_CUE = re.compile(r"(?i)(?:téléphone|telephone|portable|numéro|numero|joindre|"
                        r"appeler|rappeler|fixe|mobile|tél|tel)\W")


def _small(words: List[str], i: int) -> Optional[Tuple[int, int]]:
    """The number 0-19 at ``words[i]`` and the index after it, or None."""
    w = words[i] if i < len(words) else ""
    if w in TEENS:
        if w == "dix" and i + 1 < len(words) and words[i + 1] in ("sept", "huit", "neuf"):
            return 10 + UNITS[words[i + 1]], i + 2
        return TEENS[w], i + 1
    if w in UNITS:
        return UNITS[w], i + 1
    return None


def _tens(words: List[str], i: int) -> Optional[Tuple[int, int]]:
    """A number 20-99 starting at ``words[i]``, and the index after it."""
    w = words[i]
    if w == "quatre" and i + 1 < len(words) and words[i + 1] in ("vingt", "vingts"):
        base, i = 80, i + 2
    elif w in TENS:
        base, i = TENS[w], i + 1
    else:
        return None
    if i + 1 < len(words) and words[i] == "et" and words[i + 1] in ("un", "une", "onze"):
        return base + (1 if words[i + 1] != "onze" else 11), i + 2
    small = _small(words, i) if i < len(words) else None
    if small and (small[0] >= 10 and base in (60, 80) or 1 <= small[0] <= 9):
        return base + small[0], small[1]
    return base, i


def digits_said(words: List[str]) -> Optional[str]:
    """The digits a run of French number words says, or None if it is no number."""
    out, i = [], 0
    while i < len(words):
        tens = _tens(words, i)
        if tens:
            out.append(f"{tens[0]:02d}")
            i = tens[1]
            continue
        small = _small(words, i)
        if not small:
            return None
        out.append(str(small[0]))
        i = small[1]
    return "".join(out)


def _runs(text: str):
    """(start, end, words) of each run of number words joined by spaces, commas, dashes."""
    run: List[re.Match] = []
    for m in list(_TOKEN.finditer(text)) + [None]:
        word = m.group(0).lower() if m else ""
        joined = m is not None and run and _JOIN.fullmatch(text, run[-1].end(), m.start())
        if m is not None and word in _WORDS and (joined or not run):
            run.append(m)
            continue
        while run and run[-1].group(0).lower() == "et":
            run.pop()
        if run:
            yield run[0].start(), run[-1].end(), [r.group(0).lower() for r in run]
        run = [m] if m is not None and word in _WORDS and word != "et" else []


class FrenchSpokenNumberRecognizer(RuleRecognizer):
    """Runs of French number words saying seven or more digits."""

    ENTITIES = ["PHONE_NUMBER", "CREDIT_CARD", "SPOKEN_NUMBER"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        for start, end, words in _runs(text):
            if sum(w != "et" for w in words) < 2:
                continue
            digits = digits_said(words)
            if not digits or len(digits) < 7:
                continue
            kind = _classify(digits, text[max(0, start - 60):start])
            if kind in entities:
                results.append(result(self, kind, start, end, 0.7, digits))
        return results


def _classify(digits: str, before: str) -> str:
    if 13 <= len(digits) <= 19 and luhn_ok(digits):
        return "CREDIT_CARD"
    if (len(digits) == 10 and digits[0] == "0") or _PHONE_CUE.search(before + " "):
        return "PHONE_NUMBER"
    return "SPOKEN_NUMBER"
