"""What hushbeam's recognizers share: the small base class, results that carry a canonical
value, the Luhn and IBAN checksums, how a card number is written, the words never a name,
and (from :mod:`transforms.core.number_words`) the words read as digits.

The leak guard reuses the checksums, the card rule and the spoken-digit reading, so a value
the recognizers would find is also what the guard looks for.
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterable, List, Optional, Sequence, Tuple

from presidio_analyzer import EntityRecognizer, RecognizerResult

from transforms.core.date_words import DAY_WORDS, MONTH_WORDS

# recognition_metadata key for the value a recognizer read (the digits of a spoken phone,
# the address of a spoken email), so the pseudonym matches the structured column.
CANONICAL = "hushbeam_canonical"


def luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def marked_runs(doc, marks: Sequence[bool]):
    """(start, end) character offsets of each run of consecutive marked tokens of ``doc``."""
    i = 0
    while i < len(doc):
        if marks[i]:
            j = i
            while j + 1 < len(doc) and marks[j + 1]:
                j += 1
            yield doc[i].idx, doc[j].idx + len(doc[j].text)
            i = j + 1
        else:
            i += 1


def merged(spans: Iterable[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """(start, end) spans in order, those that overlap or touch made one."""
    out: List[Tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def card_ok(groups: Sequence[str]) -> bool:
    """Digit groups as written ("4111", "1111" ...) that make a card number: Luhn-valid, in
    groups of three or more digits (the last may be shorter), in groups of one size ("41 11
    11 ...", digit by digit). A row of scores or a league table, groups of mixed short sizes
    ("38 26 7 5 80 30 50 85"), is not, even when it passes Luhn."""
    grouped = (len({len(g) for g in groups[:-1]}) <= 1
               or all(len(g) >= 3 for g in groups[:-1]))
    return grouped and luhn_ok("".join(groups))


def iban_ok(candidate: str) -> bool:
    s = re.sub(r"[\s\-]", "", candidate).upper()
    if not 15 <= len(s) <= 34 or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


# Postal-code shapes the postal-code and street-address recognizers share (regex parts).
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
NL_POSTCODE = r"\d{4}\s?[A-Z]{2}(?![\w])"
# Nothing but blanks up to the end of the line.
LINE_END = re.compile(r"[ \t]*(?:\n|$)")


# Month and weekday words that are no given name ("April", "May", "June", "August", "Jan"
# are).
DATE_NOT_NAMES = frozenset(MONTH_WORDS + DAY_WORDS) - {"april", "may", "june", "august", "jan"}

# Words that are never a name (English and French), however they are tagged.
NOT_A_NAME = {"je", "vous", "mon", "ma", "le", "la", "les", "pour", "votre", "beaucoup",
              "bien", "oui", "non", "madame", "monsieur", "my", "me", "you", "your", "is", "it",
              "the", "a", "an", "and", "or", "for",
              "to", "at", "on", "in", "of", "so", "very", "much", "again", "all", "sir",
              "madam", "maam", "there", "here", "everyone", "team", "support", "agent",
              "customer", "calling", "good", "great", "fine", "ok", "okay", "yes", "no",
              "morning", "afternoon", "evening", "day", "bye", "goodbye", "cheers", "thanks",
              "thank", "hello", "hi", "guys", "folks", "anyway",
              "please", "sorry", "just", "about", "regarding", "email", "phone", "number",
              "account", "policy", "card", "help", "waiting", "holding", "today", "tonight",
              "tomorrow", "now"}


def result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float,
           canonical: Optional[str] = None) -> RecognizerResult:
    """A result naming its recognizer, with the value it read under :data:`CANONICAL`."""
    metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id}
    if canonical is not None:
        metadata[CANONICAL] = canonical
    return RecognizerResult(entity, start, end, score, recognition_metadata=metadata)


class RuleRecognizer(EntityRecognizer):
    """A rule-based recognizer: its entities in ``ENTITIES``, its name its class name."""

    ENTITIES: List[str] = []

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=list(self.ENTITIES), name=type(self).__name__,
                         supported_language=supported_language)

    def load(self) -> None:
        pass


class SpanFinderRecognizer(RuleRecognizer):
    """A recognizer of one entity whose spans come from a plain function of the text
    (``find``, which the leak guard can reuse), all with the same ``SCORE``."""

    ENTITY = "PERSON"
    ENTITIES = [ENTITY]
    SCORE = 0.7

    @staticmethod
    def find(text: str) -> List[Tuple[int, int]]:
        raise NotImplementedError

    def analyze(self, text, entities, nlp_artifacts=None):
        if self.ENTITY not in entities:
            return []
        return [result(self, self.ENTITY, s, e, self.SCORE) for s, e in self.find(text)]


class PersonDocRecognizer(RuleRecognizer):
    """A PERSON recognizer that reads the spaCy doc of the NLP artifacts: ``spans(doc, text)``
    gives the (start, end) character offsets of its names, each a result with ``SCORE``.
    Asked only when PERSON is requested and the doc has ``MIN_TOKENS`` tokens or more."""

    ENTITIES = ["PERSON"]
    SCORE = 0.6
    MIN_TOKENS = 1

    def spans(self, doc, text: str) -> Iterable[Tuple[int, int]]:
        raise NotImplementedError

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = getattr(nlp_artifacts, "tokens", None)
        if "PERSON" not in entities or doc is None or len(doc) < self.MIN_TOKENS:
            return []
        return [result(self, "PERSON", s, e, self.SCORE) for s, e in self.spans(doc, text)]


SHOUTED_WORDS = 3  # words in capitals, and none in lower case, that make a shouted line
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def shouted(line: str) -> bool:
    """A line in capitals: :data:`SHOUTED_WORDS` or more words of two letters or more,
    every one in capitals ("GOLF - WOOSNAM LEADS BY TWO AT HALFWAY STAGE")."""
    words = _LETTER_WORD.findall(line)
    return len(words) >= SHOUTED_WORDS and all(w.isupper() for w in words)


def once_per_doc(read: Callable) -> Callable:
    """``read(doc)`` worked out once per doc and kept in ``doc.user_data``: several
    detectors ask the same doc the same question (which lines are cased, which foreign).
    Callers must not change what it returns."""
    key = f"hushbeam:{read.__module__}.{read.__name__}"

    @functools.wraps(read)
    def once(doc):
        if key not in doc.user_data:
            doc.user_data[key] = read(doc)
        return doc.user_data[key]

    return once


def line_ranges(doc) -> List[Tuple[int, int]]:
    """(first, end) token indices of each line of a doc; the tokens holding the line
    breaks belong to no line."""
    ranges, start = [], 0
    for t in doc:
        if "\n" in t.text:
            ranges.append((start, t.i))
            start = t.i + 1
    ranges.append((start, len(doc)))
    return ranges
