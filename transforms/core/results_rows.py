"""Figures on a results or market line that a phone rule would take: rounds, scores,
standings and prices (issue 9: "league-table number rows are not phone numbers").

A run of digit groups with no phone cue is such figures when:

- it is prices: two or more decimals apart by blanks, each signed or not ("387.15 388.20",
  "5,616.21 -31.44"): a phone written with dots has no blank between its groups;
- it is short figures on a row: every group one to three digits, none a trunk or area code
  ("07", "020"), and the line holds a word and another number outside the run ("268 Colin
  Montgomerie 70 66 65 67", "Chicago 102 Boston 97"): a rank or total, a name, the
  figures, read up to 40 characters each side. A contact list line has one number
  ("Colin 415 555 0147"), a phone a group of four digits or a leading 0.

Neither is a phone said with its country code and no "+" (:func:`said_abroad`: "mary 254
712 345 678", "jack on 61 412 345 678").
"""
from __future__ import annotations

import re

import phonenumbers

_DECIMAL = re.compile(r"[+-]?\d{1,3}(?:,\d{3})*\.\d{1,3}")
_GROUP = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def prices(run: str) -> bool:
    """Two or more decimals apart by blanks ("387.15 388.20")."""
    parts = run.split()
    return len(parts) >= 2 and all(_DECIMAL.fullmatch(p) for p in parts)


def trunk_led(groups) -> bool:
    """A group of two or more digits starting with 0: a trunk or area code ("075")."""
    return any(len(g) >= 2 and g.startswith("0") for g in groups)


def said_abroad(groups) -> bool:
    """The digit groups are a valid number of some country when read after a "+" ("254 712
    345 678"), at most one group after the first a single digit ("33 6 12 34 56 78"; a
    table row has more: "17 8 4 5 27 25 28")."""
    if sum(len(g) == 1 for g in groups[1:]) > 1:
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+" + "".join(groups)))
    except phonenumbers.NumberParseException:
        return False


NEAR = 40  # characters each side of the run read for the rest of its row


def _line(text: str, start: int, end: int):
    first = max(text.rfind("\n", 0, start) + 1, start - NEAR)
    last = text.find("\n", end)
    return text[first:start], text[end:min(len(text) if last < 0 else last, end + NEAR)]


def row_figures(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` (a run of digit groups, no phone cue) is prices or short figures
    on a results row (see the module docstring)."""
    run = text[start:end]
    if prices(run):
        return True
    groups = _GROUP.findall(run)
    if not groups or trunk_led(groups) or any(len(g) > 3 for g in groups):
        return False
    before, after = _line(text, start, end)
    return bool(_LETTERS.search(before + " " + after)) and bool(
        _GROUP.search(before + " " + after))
