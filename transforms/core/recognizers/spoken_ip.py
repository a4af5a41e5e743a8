"""IPv4 addresses as speech recognition writes them: four numbers parted by spaces or
"dot" ("client ip 192 168 0 1", "server address is 10 dot 0 dot 0 dot 1").

Serves every language: the cues are technical English words used as they are. Four
numbers in a row are too common (scores, dates, phone groups) to stand alone, so an IP
needs its cue a few words before: "ip", "ipv4", "ip address", "address" (each number
then 0-255, so "address 1234 main street" stays). After "ip" itself the first and last
numbers may hold up to five digits, glued to a neighbour whose punctuation was dropped
("ip 20130 224 217 15320" from "%20|130.224.217.153|%20"); otherwise each is 0-255.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.prescan import prescan
from transforms.core.recognizers.common import RuleRecognizer, result

_SEP = r"(?:\s+(?:dot|point)\s+|\s+)"
_IP_CUE = r"(?P<ip>ip|i\s+p|ipv4)"
_HOST_CUE = r"(?:(?:server|host|gateway|router|dns|proxy)\s+)?address"
_PATTERN = re.compile(
    r"(?i)\b(?:" + _IP_CUE + r"(?:\s+address(?:es)?)?|" + _HOST_CUE + r")\b"
    r"(?:\s+(?:is|was|of|the|my|your|number|from|to|=|:)){0,3}\s*:?\s*"
    r"(?P<value>\d{1,5}" + _SEP + r"\d{1,3}" + _SEP + r"\d{1,3}" + _SEP + r"\d{1,5})"
    r"(?![\w.\-]|\s+(?:dot\s+)?\d)")


class SpokenIpRecognizer(RuleRecognizer):
    """Four numbers after an IP cue, parted by spaces or "dot"."""

    ENTITIES = ["IP_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "IP_ADDRESS" not in entities or prescan(text).digits < 4:
            return []
        found = []
        for m in _PATTERN.finditer(text):
            numbers = [int(n) for n in re.findall(r"\d+", m.group("value"))]
            outer_ok = m.group("ip") is not None or max(numbers[0], numbers[3]) <= 255
            if outer_ok and max(numbers[1], numbers[2]) <= 255:
                found.append(result(self, "IP_ADDRESS", *m.span("value"), 0.6))
        return found
