"""Ages of a person: "I'm 47", "aged 47", "47 years old", "a 47-year-old", "turned 47".

Speech-style text says the same without punctuation ("i'm 47 i live in leeds", "47 yo",
"a 47 year old") or in words ("he is forty two", "forty two years old").

Serves English only: every cue is an English phrase. A number after "I'm" counts only when
nothing but an age can follow it ("I'm 47.", "I'm 47 and..."), so "I'm 5 minutes away"
stays.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.date_words import TEEN_WORDS, TENS_WORDS
from transforms.core.number_words import ONE_TO_NINE
from transforms.core.recognizers.common import RuleRecognizer, result

_UNITS = "(?:" + "|".join(ONE_TO_NINE) + ")"
_TENS = "(?:" + "|".join(TENS_WORDS) + ")"
_TEENS = "(?:" + "|".join(TEEN_WORDS) + ")"
# An age in digits or in words ("forty two", "forty-two", "a hundred and one").
_AGE = (r"(?P<age>\d{1,3}|" + _TENS + r"(?:[\s-]+" + _UNITS + r")?|" + _TEENS + r"|"
        + _UNITS + r"|(?:a|one)\s+hundred(?:\s+and\s+(?:" + _UNITS + r"|" + _TEENS + r"))?)")
_AFTER_OK = (r"(?=\s*(?:$|[.,;:!?)\n]|(?:years?|yrs?|y/o|yo|and|now|today|this|next|last|"
             r"in|on|soon|tomorrow|but|so|when|already|i|i'm|he|she|they|we|my|his|her|their|"
             r"with|living|married|single|retired|male|female|man|woman|"
             r"old|years?)\b))")
_PATTERNS = [
    # Cue before: "I'm 47", "she is 47", "turned 47", "aged 47", "at the age of 47".
    re.compile(r"(?i)\b(?:i'?m|i\s+am|(?:he|she|they|you|i)\s+(?:is|was|are|were)|he'?s|she'?s|"
               r"(?:just\s+)?turn(?:s|ed|ing)?|aged?|age\s+of|age\s*:|age\s+is|"
               r"my\s+age\s+is)\s+" + _AGE
               + r"\b" + _AFTER_OK),
    # Unit after: "47 years old", "47-year-old", "47 years of age", "47 y/o", "47 yo".
    re.compile(r"(?i)(?<![\w.])" + _AGE + r"(?:\s*-?\s*(?:years?|yrs?)[\s\-]*old|"
               r"\s*-?\s*(?:years?|yrs?)\s+of\s+age|\s*y\s*/?\s*o)\b"),
]


class AgeRecognizer(RuleRecognizer):
    """A person's age, 1 to 120, after an age cue or before "years old"."""

    ENTITIES = ["AGE"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "AGE" not in entities:
            return []
        found = set()
        for pattern in _PATTERNS:
            for m in pattern.finditer(text):
                age = m.group("age")
                if not age.isdigit() or 1 <= int(age) <= 120:
                    found.add(m.span("age"))  # "<AGE> years old" keeps its words
        return [result(self, "AGE", s, e, 0.6) for s, e in sorted(found)]
