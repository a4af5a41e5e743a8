"""A street address whose house number is said in words (voice transcripts): "i live at
twelve oak street apartment four b", "my address is one two three main street", "ship it
to fifteen hundred sunset boulevard suite two oh one".

Serves every language, as :mod:`.street_address` does; the number words are English. A
number said in words is an ordinary word far more often than a house number ("a one way
street", "two lane road", "three blocks to main street"), so the street is taken only
after an address cue ("live", "address", "send", "ship", "moved" ... the street-address
recognizer's), with the number right before a street name of one to three content words
and a common street word ("street", "road", "avenue" ...), and not after an article or a
word that counts ("a one way street", "the two main roads"). A unit said after it
("apartment four b", "suite two oh one") is part of the address.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers import caseless_address as caseless
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.number_words import NUMBER_START, read_value
from transforms.core.recognizers.street_address import ADDRESS_CUE, NAMED_SUFFIX

_START = re.compile(rf"(?i)(?<![\w'’\-])(?:{NUMBER_START})(?![\w'’])")
_SUFFIX = re.compile(rf"(?i)\b(?:{NAMED_SUFFIX})s?\b")
_STREET = re.compile(rf"(?i)[ \t]+(?P<name>(?:[^\W\d_][\w'’\-]*[ \t]+){{1,3}}?)"
                     rf"(?:{NAMED_SUFFIX})s?\b")
_UNIT = re.compile(r"(?i),?[ \t]+(?:apartment|apt|unit|suite|ste|flat|room|number|no)\.?"
                   r"(?:[ \t]+number)?[ \t]*#?")
# Words before a number that make it a count or an ordinary phrase, not a house number.
_COUNTED = re.compile(r"(?i)(?:^|[^\w'’])(?:a|an|the|one|per|and|or|of|than|about|around|"
                      r"over|under|those|these|every|some|all|few|last|first|next|only)"
                      r"[ \t]+$")
_NUMBER_WORDS = {*NUMBER_START.split("|"), "hundred", "double", "triple"}


def spoken_addresses(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each street address with its house number said in words."""
    if not _SUFFIX.search(text):
        return []
    found: List[Tuple[int, int]] = []
    for m in _START.finditer(text):
        start = m.start()
        if found and start < found[-1][1]:
            continue
        before = text[max(0, start - 80):start]
        if _COUNTED.search(before) or not ADDRESS_CUE.search(before):
            continue
        number = read_value(text, start)
        if number is None or not number.reading.isdigit() or len(number.reading) > 6:
            continue
        street = _STREET.match(text, number.end)
        if not street:
            continue
        words = street.group("name").split()
        if not all(caseless.content(w) and w.lower() not in _NUMBER_WORDS for w in words):
            continue
        end = street.end()
        unit = _UNIT.match(text, end)
        if unit:
            said = read_value(text, unit.end(), letters=True)
            if said and len(said.reading) <= 6 and said.tokens <= 4 and \
                    any(c.isdigit() for c in said.reading):
                end = said.end
        found.append((start, end))
    return found


class SpokenAddressRecognizer(RuleRecognizer):
    """A house number said in words, its street and its unit, after an address cue."""

    ENTITIES = ["STREET_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "STREET_ADDRESS" not in entities:
            return []
        return [result(self, "STREET_ADDRESS", s, e, 0.7) for s, e in spoken_addresses(text)]
