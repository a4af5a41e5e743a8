"""Numbers and codes said in words, as speech recognition writes them: the one place that
knows the number words, the words said for letters, and how a run of them is read.

- :data:`NUMBER_WORDS` ("zero", "oh", "o", "one" ... "nine"), :data:`TEENS`, :data:`TENS`
  and :data:`NUMBER_START` (every word that may start a number said in words);
- :data:`NATO` and :data:`LETTER_NAMES`, the words said for a letter;
- :data:`NUM_RUN` and :func:`spoken_digits`: a run of digit words said one by one ("four
  one five five ...", "seven double two oh 41"), read as its digits; :func:`spoken_runs`
  the runs of a text with two number words or more (the spoken-number recognizer and the
  leak guard read the same runs);
- :func:`read_value`: the value said from a place a recognizer found after its cue, with
  the tens and hundreds callers say as well as single digits ("one two three forty five
  six seven eight nine", "one twenty three maple drive", "fifteen hundred sunset
  boulevard", "d as in delta one two three", "p o l dash one two three"). It never
  searches a text.

The date-of-birth recognizer reads its dates with these words too. Import-free but for
:mod:`transforms.core.date_words` (no Presidio).
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Optional, Tuple

from transforms.core.date_words import TEEN_WORDS, TENS_WORDS

NUMBER_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9"}
UNITS = {w: d for w, d in NUMBER_WORDS.items() if w != "o"}  # "o" is read by its place
ONE_TO_NINE = tuple(w for w, d in UNITS.items() if d != "0")  # "one" ... "nine"
TEENS = {w: str(10 + i) for i, w in enumerate(TEEN_WORDS)}  # "ten" 10 ... "nineteen" 19
# The tens' first digit; "fourty" is a spelling speech recognition writes (dates read the
# tens as spelled: date_words.TENS_WORDS).
TENS = {**{w: str(2 + i) for i, w in enumerate(TENS_WORDS)}, "fourty": "4"}
# Every word that may start a number said in words (regex alternation).
NUMBER_START = "|".join(sorted([*UNITS, *TEENS, *TENS], key=len, reverse=True))
_REPEATS = {"double": 2, "triple": 3}

NATO = {"alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
        "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J",
        "juliett": "J", "kilo": "K", "lima": "L", "mike": "M", "november": "N",
        "oscar": "O", "papa": "P", "quebec": "Q", "romeo": "R", "sierra": "S", "tango": "T",
        "uniform": "U", "victor": "V", "whiskey": "W", "whisky": "W", "x-ray": "X",
        "xray": "X", "yankee": "Y", "zulu": "Z"}
# Letter names ASR writes as words; only those no common word shares ("bee", "you" stay
# words).
LETTER_NAMES = {"zed": "Z", "zee": "Z", "aitch": "H", "haitch": "H", "ess": "S", "em": "M",
                "en": "N", "ex": "X", "double-u": "W", "dee": "D", "gee": "G", "jay": "J",
                "kay": "K", "pee": "P", "tee": "T", "vee": "V", "cue": "Q", "ar": "R"}

_NUM_TOKEN = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|\d{1,4})"
# Two or more number words or short digit groups in a row ("seven double two 41").
NUM_RUN = re.compile(r"(?<![\w\-])" + _NUM_TOKEN + r"(?:[\s,\-]+" + _NUM_TOKEN + r")+(?![\w\-])",
                     re.IGNORECASE)
_LOWER_WORD = re.compile(r"[a-z]+")


def spoken_digits(text: str) -> str:
    """'seven double two oh 41' -> '722041' (only number words and digits expected)."""
    out, words, i = [], re.split(r"[\s,\-]+", text.strip().lower()), 0
    while i < len(words):
        word = words[i]
        if word in _REPEATS and i + 1 < len(words) and (
                words[i + 1] in NUMBER_WORDS or words[i + 1].isdigit()):
            out.append(NUMBER_WORDS.get(words[i + 1], words[i + 1]) * _REPEATS[word])
            i += 2
            continue
        out.append(NUMBER_WORDS.get(word, word if word.isdigit() else ""))
        i += 1
    return "".join(out)


def spoken_runs(text: str) -> Iterator[Tuple[re.Match, str]]:
    """Each :data:`NUM_RUN` of ``text`` with two number words or more (not digits alone),
    with the digits it says."""
    for m in NUM_RUN.finditer(text):
        if sum(w in NUMBER_WORDS for w in _LOWER_WORD.findall(m.group(0).lower())) >= 2:
            yield m, spoken_digits(m.group(0))


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
        if low in _REPEATS and nxt in UNITS:
            piece, step = UNITS[nxt] * _REPEATS[low], 2
        elif low in UNITS:
            piece = UNITS[low]
        elif low in TEENS:
            piece = TEENS[low]
        elif low in TENS:
            if nxt in UNITS and UNITS[nxt] != "0":
                piece, step = TENS[low] + UNITS[nxt], 2
            else:
                piece = TENS[low] + "0"
        elif low == "hundred" and out and out[-1].isdigit() and len(out[-1]) <= 2:
            nxt2 = toks[i + 2][2].lower() if i + 2 < len(toks) else ""
            if nxt in TEENS:
                piece, step = TEENS[nxt], 2
            elif nxt in TENS:
                unit = UNITS.get(nxt2, "0")
                piece, step = (TENS[nxt] + unit, 3) if unit != "0" else (TENS[nxt] + "0", 2)
            elif nxt in UNITS and UNITS[nxt] != "0":
                piece, step = "0" + UNITS[nxt], 2
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
