"""Email addresses read out: "jane dot doe at example dot com", the name spelled letter by
letter or not ("j o h n dot s m i t h at example dot com" is john.smith@example.com).

Serves every language although it reads English connectors ("at", "dot", "dash"):
callers in bilingual contact centres spell addresses out in English inside French calls,
and ordinary French text has no "... at ... dot ..." run, so it is untouched.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import NOT_A_NAME, RuleRecognizer, result

_EMAIL_WORD = r"[^\W_]+"  # any script: "mülichen65"
# A part of the name spelled letter by letter: "j o h n" (two characters or more).
_SPELLED = r"[^\W_](?![^\W_])(?:[ \t]+[^\W_](?![^\W_]))+"
_LOCAL_WORD = "(?:" + _SPELLED + "|" + _EMAIL_WORD + ")"
SPOKEN_EMAIL = re.compile(
    r"(?i)(?<![\w@])(" + _LOCAL_WORD + r"(?:\s+(?:dot|underscore|dash|hyphen)\s+" + _LOCAL_WORD
    + r")*)\s+at\s+(" + _EMAIL_WORD + r"(?:\s+(?:dot|dash|hyphen)\s+" + _EMAIL_WORD
    + r")*\s+dot\s+[a-z]{2,10})\b")
_EMAIL_CONNECTORS = {"dot": ".", "underscore": "_", "dash": "-", "hyphen": "-"}


def spoken_email(local: str, domain: str) -> str:
    def join(part: str) -> str:
        tokens = part.lower().split()
        return "".join(_EMAIL_CONNECTORS.get(t, t) for t in tokens)
    return f"{join(local)}@{join(domain)}"


class SpokenEmailRecognizer(RuleRecognizer):
    """'jane dot doe at example dot com' -> EMAIL_ADDRESS (canonical jane.doe@example.com)."""

    ENTITIES = ["EMAIL_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        for m in SPOKEN_EMAIL.finditer(text):
            local_words = m.group(1).split()
            # "my email is jane at ..." must not swallow the words before the address
            if len(local_words) == 1 and local_words[0].lower() in NOT_A_NAME:
                continue
            results.append(result(self, "EMAIL_ADDRESS", m.start(), m.end(), 0.75,
                                  spoken_email(m.group(1), m.group(2))))
        return results
