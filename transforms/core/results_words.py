"""Words of sports and market pages that are never part of a person's name (issue 9).

Newswire slugs and results pages write their section in capitals ("CRICKET - PAKISTAN V
ENGLAND SCORECARD", "GOLF - FALDO LEADS"); to the tagger every such word is a proper
noun, and the NER joins the slug to the name after it ("GOLF - FALDO"). A cricket
scorecard writes how each batsman was out between names ("Atherton c Healy b McGrath
34", "Hussain lbw b Warne 12"), and the initials rules read "Atherton c Healy" as a
given name, an initial and a surname.

:data:`SECTION_WORDS` are sports, results-page and market words no surname in the census
lists is mostly (a listed word with wordness under 2 is left out: "bonds", "sugar"), so
the truecased copy keeps them lower case and a name result loses them at its ends where
they are written in capitals, as slugs and results pages write them ("my name is golf",
"Golf Peterson": a Thai nickname stays in the name).
:func:`person_pieces` cuts a PERSON result in capitals at a slug's dash, and any at the
scorecard's dismissal marks ("c", "b", "st", "lbw", "c & b", before the bowler and the
runs that end the line: "berislav b kovačević 700 szilágyi ..." is a name and an
address); the names on either side stay redacted.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from transforms.core.name_lexicon import name_word

_AMBIGUOUS = 2.0  # as gazetteer_name.AMBIGUOUS: below, a listed word may be a name

_WORDS = """
soccer football cricket golf tennis rugby athletics cycling boxing baseball basketball
hockey motorcycling swimming skiing rowing yachting badminton squash volleyball handball
snooker darts gymnastics judo wrestling weightlifting triathlon nfl nba nhl
results scorecard scoreboard scorecards standings fixtures leaderboard roundup
markets stocks equities bunds gilts treasuries forex currencies futures commodities
metals grains
"""


def _not_a_name(word: str) -> bool:
    entry = name_word(word)
    return entry is None or entry.wordness >= _AMBIGUOUS


SECTION_WORDS = frozenset(w for w in _WORDS.split() if _not_a_name(w))

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# How a batsman was out, before the runs: "c Healy b McGrath 34", "lbw b Warne 12", "st
# Healy b Warne 5", "c & b Warne 0", "b Cork 27"; the marks are the groups.
_NAME = r"(?:[^\W\d_][\w'’.-]*\s+){1,3}"
_DISMISSAL = re.compile(
    r"(?i)(?:(?<!\S)(?P<c>c|st)\s+(?:(?P<and>&|and)\s+)?(?:" + _NAME + r")?|(?<!\S)(?P<lbw>lbw)\s+)?"
    r"(?<!\S)(?P<b>b)\s+" + _NAME + r"\d{1,3}\*?[ \t]*[.,;]?[ \t]*(?=\n|$)")


def dismissal_marks(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each scorecard dismissal mark in the text."""
    marks = []
    for m in _DISMISSAL.finditer(text):
        for group in ("c", "and", "lbw", "b"):
            if m.group(group):
                marks.append(m.span(group))
    return marks


def _section_word(word: str) -> bool:
    """A section word in capitals ("GOLF", not "Golf" or "golf": those may be a name)."""
    return word.isupper() and word.lower() in SECTION_WORDS


def person_pieces(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """A PERSON result's parts: cut at dismissal marks and a dash between blanks, each
    without section words in capitals at its ends; parts with no letter are dropped."""
    cuts = [(a, b) for a, b in dismissal_marks(text) if start <= a and b <= end]
    if not any(c.islower() for c in text[start:end]):  # a slug: "GOLF - FALDO"
        cuts += [(start + m.start(1), start + m.end(1))
                 for m in re.finditer(r"\s([-–])\s", text[start:end])]
    if not cuts and not any(_section_word(w.group(0)) for w in _WORD.finditer(text, start, end)):
        return [(start, end)]
    pieces, at = [], start
    for a, b in sorted(cuts) + [(end, end)]:
        words = [w for w in _WORD.finditer(text, at, a)]
        while words and _section_word(words[0].group(0)):
            words.pop(0)
        while words and _section_word(words[-1].group(0)):
            words.pop()
        if words:
            pieces.append((words[0].start(), words[-1].end()))
        at = b
    return pieces
