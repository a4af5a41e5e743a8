"""A custom rule's search, bounded in time (mend25b).

The policy check refuses the patterns known to backtrack without end (a repeat of repeats,
:mod:`transforms.core.policy.validation`), but not every slow pattern: overlapping
alternatives under a repeat (``(a|aa)+z``) or two repeats of one class in a row
(``\\d+\\d+z``) take seconds to hours on one long text that almost matches. Every search of
a custom rule (Presidio's pattern recognizer, the spoken-id reading, the leak guard and its
prefilter) runs on the ``regex`` module (the one Presidio's recognizers use) with a time
limit of :data:`RULE_SEARCH_SECONDS`; past it a :class:`RuleTimeout` is raised, which the
step's per-record isolation turns into a dead letter (the record is sealed in the vault,
never written): one record cannot stall a run. Presidio's own limit (60 s, then the
pattern is *skipped*: the record would go out with the rule's values unredacted) is never
reached: ours is shorter and fails closed.

A normal rule searches a transcript in microseconds; the limit is far above any real text.
"""
from __future__ import annotations

from typing import Iterator, Optional

import regex

RULE_SEARCH_SECONDS = 5.0


class RuleTimeout(RuntimeError):
    """A custom rule's search ran past :data:`RULE_SEARCH_SECONDS` on one text. Not a
    ``TimeoutError``: Presidio catches those and skips the pattern. Its message names the
    rule (policy, not data), never the text."""


class BoundedRule:
    """A compiled custom-rule pattern whose every search is bounded in time; the methods
    Presidio's ``PatternRecognizer`` and hushbeam call (``finditer``, ``search``,
    ``fullmatch``)."""

    __slots__ = ("compiled", "name", "seconds")

    def __init__(self, pattern: str, flags: int, name: str,
                 seconds: float = RULE_SEARCH_SECONDS):
        self.compiled = regex.compile(pattern, flags)
        self.name, self.seconds = name, seconds

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def _timeout(self) -> RuleTimeout:
        return RuleTimeout(f"custom rule {self.name!r} searched one text for more than "
                           f"{self.seconds:g} s")

    def finditer(self, text: str, timeout: Optional[float] = None) -> Iterator:
        try:
            yield from self.compiled.finditer(text, timeout=self.seconds)
        except TimeoutError:
            raise self._timeout() from None

    def search(self, text: str, pos: int = 0):
        try:
            return self.compiled.search(text, pos, timeout=self.seconds)
        except TimeoutError:
            raise self._timeout() from None

    def fullmatch(self, text: str):
        try:
            return self.compiled.fullmatch(text, timeout=self.seconds)
        except TimeoutError:
            raise self._timeout() from None


def bound_recognizer(recognizer, name: str) -> None:
    """Presidio's ``PatternRecognizer`` of a custom rule, its patterns searched as
    :class:`BoundedRule` (installed where Presidio keeps a pattern's compiled form, with the
    recognizer's flags, so Presidio does not compile it again)."""
    flags = recognizer.global_regex_flags
    for pattern in recognizer.patterns:
        pattern.compiled_regex = BoundedRule(pattern.regex, flags, name)
        pattern.compiled_with_flags = flags
