"""A cheap necessary condition for a custom rule's pattern: the pattern with its ``\\b``
dropped.

The leak guard searches each custom rule with every ``\\b`` loosened into a group of
look-arounds (``leak_finder.rule_pattern``), which ``re`` tries at every position of every
text. Dropping ``\\b`` only widens what a pattern matches (any path of a match still
matches), and what is left usually starts with a literal ``re`` skips to, so a text the
dropped form does not match cannot match the rule: it is not searched further. Widening
holds only where nothing turns a wider match into a failure: no negative look-around,
atomic group, possessive quantifier or conditional group, no ``\\b`` inside a character
class (a backspace there), and not verbose (comments): such a pattern gets no prefilter.
"""
from __future__ import annotations

import re
from typing import Optional

# A pattern's pieces: an escape, a character class (a leading "]" and escapes inside it
# included), or one character.
_PIECE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|.", re.DOTALL)
_NARROWING = ("(?!", "(?<!", "(?>", "(?(")
_QUANTIFIER_ENDS = {"*", "+", "?", "}"}


def without_boundaries(pattern: str) -> Optional[str]:
    """``pattern`` with every ``\\b`` dropped, or None where that would not only widen it."""
    pieces = _PIECE.findall(pattern)
    out, previous = [], ""
    for i, piece in enumerate(pieces):
        if piece.startswith("[") and len(piece) > 1 and "\\b" in _PIECE.findall(piece[1:-1]):
            return None  # a backspace in a class
        if piece == "(" and any("".join(pieces[i:i + len(n)]) == n for n in _NARROWING):
            return None
        if piece == "+" and previous in _QUANTIFIER_ENDS:
            return None  # possessive
        out.append("(?:)" if piece == "\\b" else piece)
        previous = piece
    return "".join(out)


def prefilter(pattern: str, flags: int) -> Optional[re.Pattern]:
    """The compiled :func:`without_boundaries` form (same flags), or None: no prefilter
    (nothing to drop, it cannot be built, or it does not compile)."""
    try:
        if re.compile(pattern, flags).flags & re.VERBOSE:
            return None
        dropped = without_boundaries(pattern)
        if dropped is None or dropped == pattern:
            return None
        return re.compile(dropped, flags)
    except re.error:
        return None
