"""One cheap look at a text before the recognizers run: how many digits it holds and
whether it has an "@", so a recognizer that cannot match it is not run at all.

Each gate is a necessary condition of every pattern of its recognizer (a phone number
needs at least :data:`PHONE_MIN_DIGITS` digits, an email an "@", a card 13 ASCII digits),
so skipping changes no result. Presidio's predefined recognizers are gated by
:func:`gate_predefined` (wrapped, as ``presidio_engine.keep_results`` does); hushbeam's
own read :func:`prescan` in their ``analyze``. The scan of a text is made once and reused
by every recognizer that asks about the same text.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, NamedTuple

# The fewest digits of a valid phone number that Presidio's PhoneRecognizer can find: its
# regions' shortest national number (DE: 4 digits); with "+" any country, the shortest
# being 6 digits with the country code (tests/transforms/core/test_prescan.py recomputes it
# from phonenumbers' metadata).
PHONE_MIN_DIGITS = 4

_DIGIT = re.compile(r"\d")  # any script's decimal digits, as phonenumbers and "\d" read them
_ASCII_DIGIT = re.compile(r"[0-9]")
_ALNUM_26 = re.compile(r"[^\W_]{26}")  # a crypto address: 26+ letters or digits in a row
_IP_HINT = re.compile(r"[0-9A-Fa-f]:|::|[0-9]\.[0-9]")  # IPv6 "hex:" or "::"; IPv4 "1.2"


class Scan(NamedTuple):
    """What the gates read about one text."""

    digits: int  # "\d" (decimal digits of any script)
    ascii_digits: int  # [0-9]
    at: bool  # an "@" (Presidio's email pattern has a literal one)


_last = (None, None)  # (text, its Scan): one tuple, so a reader sees a matching pair


def prescan(text: str) -> Scan:
    """The scan of ``text`` (reused while the recognizers ask about the same string)."""
    global _last
    last_text, last_scan = _last
    if last_text is text:
        return last_scan
    ascii_digits = len(_ASCII_DIGIT.findall(text))
    digits = ascii_digits if text.isascii() else len(_DIGIT.findall(text))
    scan = Scan(digits, ascii_digits, "@" in text)
    _last = (text, scan)
    return scan


def forget_last() -> None:
    """Drop the kept text (a raw value): called when a batch is done."""
    global _last
    _last = (None, None)


Gate = Callable[[str, Scan], bool]

# Presidio recognizer class -> a condition every match of its patterns satisfies.
GATES: Dict[str, Gate] = {
    "PhoneRecognizer": lambda text, s: s.digits >= PHONE_MIN_DIGITS,
    "CreditCardRecognizer": lambda text, s: s.ascii_digits >= 13,  # 4+3+3+3 [0-9]
    "UsBankRecognizer": lambda text, s: s.ascii_digits >= 8,  # [0-9]{8,17}
    "UsItinRecognizer": lambda text, s: s.ascii_digits >= 9,  # 9 [0-9]/\d
    "UsPassportRecognizer": lambda text, s: s.ascii_digits >= 8,  # [0-9]{9}, [A-Z][0-9]{8}
    "UsSsnRecognizer": lambda text, s: s.ascii_digits >= 9,  # 5+4, 3+6, 3+2+4, 9
    "NhsRecognizer": lambda text, s: s.ascii_digits >= 10,  # 3+3+4
    "IbanRecognizer": lambda text, s: s.ascii_digits >= 2,  # [A-Z]{2}[0-9]{2}...
    "EmailRecognizer": lambda text, s: s.at,
    "CryptoRecognizer": lambda text, s: bool(_ALNUM_26.search(text)),  # (bc1|[13])[..]{25,}
    "IpRecognizer": lambda text, s: bool(_IP_HINT.search(text)),
}


def gate_predefined(recognizer) -> None:
    """Make one of Presidio's predefined recognizers (listed in :data:`GATES`) return no
    result at once for a text its gate refuses; any other recognizer is left as it is."""
    kind = type(recognizer)
    gate = GATES.get(kind.__name__)
    if gate is None or not kind.__module__.startswith("presidio_analyzer."):
        return
    analyze = recognizer.analyze

    def gated(text, entities, nlp_artifacts=None):
        if not gate(text, prescan(text)):
            return []
        return analyze(text, entities, nlp_artifacts)

    gated.__wrapped__ = analyze
    recognizer.analyze = gated
