"""IBANs of any country, found by the ISO 7064 mod-97 checksum; serves every language."""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import RuleRecognizer, iban_ok, result

_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]){11,30}")


class ChecksumIbanRecognizer(RuleRecognizer):
    """Any country's IBAN, with or without spaces, valid under ISO 7064 mod 97.

    A candidate that runs on into the next word ("...98 CUSTOMER") is cut back to its
    longest valid prefix.
    """

    ENTITIES = ["IBAN_CODE"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        for m in _IBAN_CANDIDATE.finditer(text):
            candidate = m.group(0)
            for end in range(len(candidate), 14, -1):
                piece = candidate[:end]
                if piece[-1].isalnum() and (end == len(candidate) or not candidate[end].isalnum()) \
                        and iban_ok(piece):
                    results.append(result(self, "IBAN_CODE", m.start(), m.start() + end, 1.0))
                    break
        return results
