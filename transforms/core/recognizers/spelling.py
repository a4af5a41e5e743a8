"""How speech recognition writes a value spelled out: single letters, NATO words, letter
names, digits and number words, short letter-digit chunks and letter groups in capitals
("whiskey 2 0 alpha bravo",
"m o h 9 y s", "ML 3 H 6 b a r", "k e ER e s a smi-ith", "C for Charlie V for Victor").

:func:`spelled_runs` gives each run of such tokens with the characters it says; the
spelled-postcode and spelled-name recognizers read the runs. Not a recognizer.
"""
from __future__ import annotations

import re
from typing import Iterator, List, NamedTuple, Optional, Sequence, Tuple

from transforms.core.number_words import LETTER_NAMES, NATO, UNITS
from transforms.core.recognizers.common import shouted

_DIGITS = UNITS  # "o" is the letter
_CHUNK = re.compile(r"[A-Za-z]{1,2}|[A-Z]{3}|\d{1,5}|[A-Za-z]{1,2}\d{1,2}[A-Za-z]?|\d[A-Za-z]{1,2}")
# Two-letter words, lowercase, read as words, not letters ("is 2 4 me" is no postcode).
WORDS = {"is", "it", "in", "on", "at", "to", "of", "my", "we", "he", "be", "do", "go", "no",
         "up", "us", "an", "as", "by", "or", "if", "am", "oh", "hi", "ok", "me", "so", "ya",
         "ye", "eh", "uh", "um", "er", "ah", "ha", "yo"}
_TOKEN = re.compile(r"[^\s,.;:!?]+")
_BREAK = re.compile(r"[\n.;:!?]")  # a run stops at a line or sentence end


class Spelled(NamedTuple):
    start: int
    end: int
    reading: str  # the characters said, uppercase ("W20AB")
    tokens: int  # how many tokens
    singles: int  # how many of them are one letter, a NATO word or a letter name
    parts: Tuple[Tuple[int, int, str], ...]  # (start, end, reading) of each token


def spelling(word: str, shouted: bool = False) -> Optional[str]:
    """The characters one token says, or None: "alpha" -> "A", "w20" -> "W20", "two" ->
    "2"; words of three or more letters are never a spelling unless a NATO word. On a
    ``shouted`` line (all in capitals) "BY" and "AT" are the words."""
    low = word.lower()
    if low in NATO:
        return NATO[low]
    if low in LETTER_NAMES:
        return LETTER_NAMES[low]
    if low in _DIGITS:
        return _DIGITS[low]
    if word in WORDS or (shouted and low in WORDS):
        return None
    return word.upper() if word.isascii() and _CHUNK.fullmatch(word) else None


def _single(word: str) -> bool:
    low = word.lower()
    return (len(word) == 1 and word.isalpha()) or low in NATO or low in LETTER_NAMES


def _word(m: re.Match) -> str:
    return m.group(0).strip("'\"()-")


def _letter(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _example(run: List[re.Match]) -> bool:
    """The run ends with "<letter> for": the next word is the example ("C for Charlie")."""
    return len(run) >= 2 and _word(run[-1]).lower() == "for" and _letter(_word(run[-2]))


def _spelled_on(run: List[re.Match], word: str) -> bool:
    """A two-letter word right after a spelled letter is letters too ("l e w is"); "for"
    after a letter, and the word after it, say which letter ("C for Charlie")."""
    if not run:
        return False
    if _example(run):
        return word.isalpha()
    last = _word(run[-1])
    if word.lower() == "for":
        return _letter(last)
    return word.lower() in WORDS and _letter(last) and last.lower() not in ("a", "i")


def _reading(words: List[str], k: int) -> str:
    word = words[k]
    if word.lower() == "for" and k and _letter(words[k - 1]) and k + 1 < len(words):
        return ""
    if k >= 2 and words[k - 1].lower() == "for" and _letter(words[k - 2]):
        return ""  # the example word
    return spelling(word) or word.upper()


_last: Tuple[Optional[str], Tuple[Spelled, ...]] = (None, ())  # a text, its runs of 2+


def spelled_runs(text: str, min_tokens: int = 2) -> Sequence[Spelled]:
    """Each maximal run of ``min_tokens`` or more spelling tokens on one line, within one
    sentence. Runs do not depend on ``min_tokens`` (it only drops the short ones), so the
    runs of 2+ tokens of the last text are kept: the spelled-postcode and spelled-name
    recognizers read the same text one after the other."""
    if min_tokens < 2:
        return list(_runs(text, min_tokens))
    global _last
    last = _last  # one read: another thread may replace it (a text with its own runs)
    if last[0] != text:
        last = _last = (text, tuple(_runs(text, 2)))
    return [run for run in last[1] if run.tokens >= min_tokens]


def forget_last() -> None:
    """Drop the kept text and its runs (raw values): called when a batch is done."""
    global _last
    _last = (None, ())


def _runs(text: str, min_tokens: int) -> Iterator[Spelled]:
    run: List[re.Match] = []

    def close() -> Optional[Spelled]:
        if len(run) < min_tokens:
            return None
        words = [_word(m) for m in run]
        parts = tuple((m.start(), m.end(), _reading(words, k)) for k, m in enumerate(run))
        return Spelled(run[0].start(), run[-1].end(), "".join(p[2] for p in parts),
                       len(words), sum(_single(w) for w in words), parts)

    loud, line_end = False, -1
    for m in _TOKEN.finditer(text):
        if m.start() > line_end:  # a new line: is it in capitals?
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.start()) % (len(text) + 1)
            loud = shouted(text[line_start:line_end])
        word = _word(m)
        said = word and spelling(word, loud) is not None
        same_line = not run or not _BREAK.search(text, run[-1].end(), m.start())
        if word and same_line and (said or _spelled_on(run, word)):
            run.append(m)
            continue
        found = close()
        if found:
            yield found
        run = [m] if said else []
    found = close()
    if found:
        yield found
