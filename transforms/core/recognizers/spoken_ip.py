"""IP addresses as speech recognition writes them: IPv4 as four numbers parted by spaces or
"dot" ("client ip 192 168 0 1", "server address is 10 dot 0 dot 0 dot 1"); IPv6 as five
to eight hexadecimal groups parted by spaces, the colons dropped ("ip 2001 db8 85a3 0 0
8a2e 370 7334"), one group at least holding a letter a-f and two a digit.

Serves every language: the cues are technical English words used as they are. Four
numbers in a row are too common (scores, dates, phone groups) to stand alone, so an IP
needs its cue a few words before: "ip", "ipv4", "ip address", "address" (each number
then 0-255, so "address 1234 main street" stays). After "ip" itself the first and last
numbers may hold up to five digits, glued to a neighbour whose punctuation was dropped
("ip 20130 224 217 15320" from "%20|130.224.217.153|%20"); otherwise each is 0-255. The
same glue is allowed on the outer IPv6 groups (up to six characters) after "ip" only.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.prescan import prescan
from transforms.core.recognizers.common import RuleRecognizer, result

_SEP = r"(?:\s+(?:dot|point)\s+|\s+)"
_IP_CUE = r"(?P<ip>ip|i\s+p|ipv4|ipv6)"
_HOST_CUE = r"(?:(?:server|host|gateway|router|dns|proxy)\s+)?address"
_PATTERN = re.compile(
    r"(?i)\b(?:" + _IP_CUE + r"(?:\s+address(?:es)?)?|" + _HOST_CUE + r")\b"
    r"(?:\s+(?:is|was|of|the|my|your|number|from|to|=|:)){0,3}\s*:?\s*"
    r"(?:(?P<value>\d{1,5}" + _SEP + r"\d{1,3}" + _SEP + r"\d{1,3}" + _SEP + r"\d{1,5})"
    r"(?![\w.\-]|\s+(?:dot\s+)?\d)"
    r"|(?P<v6>[0-9a-f]{1,6}(?:\s+[0-9a-f]{1,4}){3,6}\s+[0-9a-f]{1,6})"
    r"(?![\w.\-]|\s+[0-9a-f]{1,4}\b))")
_HEX_LETTER = re.compile(r"(?i)[a-f]")


class SpokenIpRecognizer(RuleRecognizer):
    """Four numbers (IPv4) or five to eight hexadecimal groups (IPv6) after an IP cue."""

    ENTITIES = ["IP_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "IP_ADDRESS" not in entities or prescan(text).digits < 4:
            return []
        found = []
        for m in _PATTERN.finditer(text):
            if m.group("v6"):
                groups = m.group("v6").split()
                outer_ok = m.group("ip") is not None or max(len(groups[0]), len(groups[-1])) <= 4
                with_digit = sum(any(c.isdigit() for c in g) for g in groups)
                if outer_ok and with_digit >= 2 and _HEX_LETTER.search(m.group("v6")):
                    found.append(result(self, "IP_ADDRESS", *m.span("v6"), 0.6))
                continue
            numbers = [int(n) for n in re.findall(r"\d+", m.group("value"))]
            outer_ok = m.group("ip") is not None or max(numbers[0], numbers[3]) <= 255
            if outer_ok and max(numbers[1], numbers[2]) <= 255:
                found.append(result(self, "IP_ADDRESS", *m.span("value"), 0.6))
        return found
