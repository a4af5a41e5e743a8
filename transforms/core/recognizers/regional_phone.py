"""Phone numbers of the regions whose script a text is written in ("我的手机13812345678谢谢").

The default region (US) reads a Chinese mobile number as no valid number. A text holding
Han, kana or Hangul is also read with the East Asian regions, one holding Arabic letters
with Arabic-speaking ones; only valid numbers count. Serves every language: records in
Chinese or Arabic are often labelled ``en``. The leak guard reuses :func:`regional_phones`.
"""
from __future__ import annotations

from typing import List, Tuple

import phonenumbers

from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.scripts import ARABIC_LETTER, EAST_ASIAN_LETTER

_REGIONS_BY_SCRIPT = (
    (EAST_ASIAN_LETTER, ("CN", "JP", "KR", "TW", "HK")),
    (ARABIC_LETTER, ("SA", "AE", "EG", "MA", "JO")),
)


def _valid_matches(text: str, region: str):
    return phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)


def regional_phones(text: str, matches=_valid_matches) -> List[Tuple[int, int, str]]:
    """(start, end, E.164) of valid phone numbers of the regions the text's scripts
    suggest (the first region that reads a span wins); ``matches(text, region)`` gives
    phonenumbers' matches at leniency VALID (the leak guard's reads a memory of parses)."""
    found = {}
    for script, regions in _REGIONS_BY_SCRIPT:
        if script.search(text):
            for region in regions:
                for m in matches(text, region):
                    found.setdefault((m.start, m.end), phonenumbers.format_number(
                        m.number, phonenumbers.PhoneNumberFormat.E164))
    return [(s, e, number) for (s, e), number in sorted(found.items())]


class RegionalPhoneRecognizer(RuleRecognizer):
    """Valid phone numbers of the regions of the text's script (0.6), read as E.164."""

    ENTITIES = ["PHONE_NUMBER"]

    def analyze(self, text, entities, nlp_artifacts=None):
        if "PHONE_NUMBER" not in entities:
            return []
        return [result(self, "PHONE_NUMBER", s, e, 0.6, canonical=number)
                for s, e, number in regional_phones(text)]
