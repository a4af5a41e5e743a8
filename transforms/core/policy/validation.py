"""Checks on a parsed policy document; every failure is a :class:`PolicyError` that names
the file, the key and the problem (never a value from the data)."""
from __future__ import annotations

import re
import re._constants as sre_constants  # pylint: disable=import-error  (CPython's parser)
import re._parser as sre_parse  # pylint: disable=import-error
from typing import Any, Callable, Dict, Mapping, Sequence

from transforms.core.operators import ParameterError
from transforms.core.policy.names import nearest


class PolicyError(ValueError):
    """A policy that cannot be used; the message names file, key and problem."""

    def __init__(self, source: str, key: str, problem: str):
        super().__init__(f"policy {source}: {key}: {problem}")
        self.source, self.key, self.problem = source, key, problem


class Validator:
    """Type and value checks for one policy file (``source`` names it in errors)."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(self.source, key, problem)

    def mapping(self, value: Any, key: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping")
        return value

    def list(self, value: Any, key: str) -> list:
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return value

    def str_list(self, value: Any, key: str) -> list:
        items = self.list(value, key)
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item:
                raise self.fail(f"{key}[{i}]", "must be a non-empty string")
        return list(items)

    def choice(self, value: str, allowed: Sequence[str], key: str) -> str:
        if value not in allowed:
            raise self.fail(key, f"'{value}' is not one of {', '.join(allowed)}")
        return value

    def unknown_keys(self, mapping: Mapping, allowed, prefix: str) -> None:
        for key in mapping:
            if key not in allowed:
                raise self.fail(f"{prefix}{key}", "is not a known key" + suggestion(
                    key, allowed, "known keys"))

    def known_name(self, name: str, known, key: str, what: str, hint: str = "",
                   prefer=()) -> None:
        """``name`` must be one of ``known``; else name the nearest (``what``: its kind;
        ``prefer``: names that win a tie)."""
        if name not in known:
            nearest_name = nearest(name, known, prefer=prefer)
            raise self.fail(key, f"'{name}' is not {what}" + (
                f" (did you mean '{nearest_name}'?)" if nearest_name else "") + hint)

    def text(self, value: Any, key: str) -> str:
        """A non-empty string (``str([x])`` would be a name nothing has)."""
        if not isinstance(value, str) or not value:
            raise self.fail(key, "must be a non-empty string")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        """``true`` or ``false``, never a string (``bool("false")`` is True)."""
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def score(self, value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise self.fail(key, "must be a number between 0 and 1")
        return float(value)

    def regex(self, pattern: Any, case_sensitive: bool, key: str) -> str:
        if not isinstance(pattern, str) or not pattern:
            raise self.fail(key, "must be a non-empty regular expression")
        try:
            re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise self.fail(key, f"is not a valid regular expression ({exc})") from None
        if re.fullmatch(pattern, ""):
            raise self.fail(key, "matches the empty string")
        if _repeated_repeats(sre_parse.parse(pattern, 0)):
            raise self.fail(key, "repeats a group that is itself only repeats ((x+)+, "
                            "(\\w+\\s*)+): a long line that almost matches takes years to "
                            "search. Make the inner repeat possessive (x++) or atomic "
                            "((?>x+)), or give each round a fixed piece (a separator)")
        return pattern

    def parameters(self, read: Callable[[Mapping], Dict[str, Any]], spec: Mapping,
                   prefix: str) -> Dict[str, Any]:
        """An operator's parameters, its ParameterError turned into a PolicyError."""
        try:
            return read(spec)
        except ParameterError as exc:
            raise self.fail(prefix + exc.key, exc.problem) from None


def suggestion(name: object, allowed, what: str) -> str:
    """``; did you mean 'x'?`` for the nearest allowed name, else the allowed names."""
    close = nearest(name, [str(a) for a in allowed])
    if close:
        return f"; did you mean '{close}'?"
    return f" ({what}: {', '.join(sorted(str(a) for a in allowed))})"


_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_MANY = 8  # a bounded outer repeat of this many rounds or more counts as unbounded


def _repeated_repeats(items) -> bool:
    """Whether a parsed pattern repeats (unbounded, or ``_MANY`` times or more) a body made
    only of backtracking repeats, at least one unbounded, and optional pieces: the text
    such a body matches splits between its rounds in exponentially many ways, all tried
    before the search gives up (``(a+)+b`` on a run of a's). A body with a fixed piece
    (``(?:[A-Z][a-z]+\\s)+``), an alternation, a possessive or atomic inner repeat splits
    one way and is not refused (an alternation's overlaps, ``(a|aa)+``, are not seen)."""
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            if (high == sre_constants.MAXREPEAT or high >= _MANY) and _only_repeats(body):
                return True
            if _repeated_repeats(body):
                return True
        elif op == sre_constants.SUBPATTERN and _repeated_repeats(av[3]):
            return True
        elif op == sre_constants.BRANCH and any(_repeated_repeats(b) for b in av[1]):
            return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT) and _repeated_repeats(av[1]):
            return True
        elif op == sre_constants.POSSESSIVE_REPEAT and _repeated_repeats(av[2]):
            return True
        elif op == sre_constants.ATOMIC_GROUP and _repeated_repeats(av):
            return True
    return False


def _only_repeats(body) -> bool:
    """A body of backtracking repeats (one unbounded at least) and optional pieces only."""
    body = list(body)
    while len(body) == 1 and body[0][0] == sre_constants.SUBPATTERN:
        body = list(body[0][1][3])
    unbounded = False
    for op, av in body:
        if op in _REPEATS:
            unbounded = unbounded or av[1] == sre_constants.MAXREPEAT
            if av[1] == sre_constants.MAXREPEAT or av[0] == 0:
                continue
            return False
        if op == sre_constants.AT:  # an anchor or a boundary: matches no character
            continue
        return False
    return unbounded
