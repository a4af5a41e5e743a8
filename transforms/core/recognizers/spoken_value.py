"""How speech recognition writes a number or code read out in words, with the tens and
hundreds callers say as well as single digits: "one two three forty five six seven eight
nine" (an SSN), "one twenty three maple drive", "fifteen hundred sunset boulevard", "d
as in delta one two three", "p o l dash one two three". Not a recognizer:
:func:`read_value` reads the value that starts at a place the spoken-identifier and
spoken-address recognizers have found after their cue; it never searches a text.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from transforms.core.recognizers.common import NUMBER_WORDS
from transforms.core.recognizers.spelling import LETTER_NAMES, NATO

TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
         "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
         "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5",
        "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9"}
_UNITS = {w: d for w, d in NUMBER_WORDS.items() if w != "o"}  # "o" is read by its place
# Every word that may start a number said in words (regex alternation).
NUMBER_START = "|".join(sorted([*_UNITS, *TEENS, *TENS], key=len, reverse=True))
# A token is a whole word ("D3413656" written is no value said: the written rules read it).
_TOKEN = re.compile(r"[ \t,]*([A-Za-z][A-Za-z'\-]*|\d{1,6}[A-Za-z]?|-)(?![A-Za-z\d])")


class Value(NamedTuple):
    end: int  # where the last token read ends
    reading: str  # the characters said: digits, capitals, "-"
    tokens: int  # how many tokens were read (examples like "as in delta" included)


def _tokens(text: str, pos: int):
    """(start, end, word) of each token from ``pos``; a sentence or line end stops them."""
    while True:
        m = _TOKEN.match(text, pos)
        if not m:
            return
        yield m.start(1), m.end(1), m.group(1)
        pos = m.end(1)


def read_value(text: str, pos: int, letters: bool = False,
               dashes: bool = False) -> Optional[Value]:
    """The digits said from ``pos`` on (with ``letters`` the spelled letters and dashes
    too, with ``dashes`` the dashes), or None when nothing there is read. Tens join the
    digit after them ("forty five" 45, "forty" 40), a number of one or two digits before
    "hundred" takes the two digits after it ("one hundred twenty" 120, "fifteen hundred"
    1500), "double four" 44; after a letter, "as in delta" or "for delta" names it and is
    not read."""
    toks = list(_tokens(text, pos))
    out, end, i, count = [], None, 0, 0
    while i < len(toks):
        start, stop, word = toks[i]
        low = word.lower()
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
        step, piece = 1, None
        if low in ("double", "triple") and nxt in _UNITS:
            piece, step = _UNITS[nxt] * (2 if low == "double" else 3), 2
        elif low in _UNITS:
            piece = _UNITS[low]
        elif low in TEENS:
            piece = TEENS[low]
        elif low in TENS:
            if nxt in _UNITS and _UNITS[nxt] != "0":
                piece, step = TENS[low] + _UNITS[nxt], 2
            else:
                piece = TENS[low] + "0"
        elif low == "hundred" and out and out[-1].isdigit() and len(out[-1]) <= 2:
            nxt2 = toks[i + 2][2].lower() if i + 2 < len(toks) else ""
            if nxt in TEENS:
                piece, step = TEENS[nxt], 2
            elif nxt in TENS:
                unit = _UNITS.get(nxt2, "0")
                piece, step = (TENS[nxt] + unit, 3) if unit != "0" else (TENS[nxt] + "0", 2)
            elif nxt in _UNITS and _UNITS[nxt] != "0":
                piece, step = "0" + _UNITS[nxt], 2
            else:
                piece = "00"
        elif low == "o" and not letters:
            piece = "0"  # without letters to read, "o" is said for zero
        elif word[:1].isdigit():
            piece = word.upper()
        elif (letters or dashes) and low in ("dash", "hyphen", "-"):
            piece = "-"
        elif letters and low in ("as", "for") and out and out[-1].isalpha() and \
                len(toks) > i + (2 if low == "as" else 1):
            skip = 3 if low == "as" and nxt == "in" else (2 if low == "for" else 0)
            if skip and len(toks) > i + skip - 1 and toks[i + skip - 1][2][:1].lower() == \
                    out[-1][-1].lower():
                i, end, count = i + skip, toks[i + skip - 1][1], count + skip
                continue
            break
        elif letters and (low in NATO or low in LETTER_NAMES):
            piece = NATO.get(low) or LETTER_NAMES[low]
        elif letters and len(word) == 1 and (out or low not in ("a", "i") or len(nxt) == 1):
            piece = "0" if low == "o" and not (out and out[-1][-1:].isalpha()) else low.upper()
        else:
            break
        if step > 1:
            stop = toks[i + step - 1][1]
        out.append(piece)
        end, count, i = stop, count + step, i + step
    if not out:
        return None
    return Value(end, "".join(out), count)
