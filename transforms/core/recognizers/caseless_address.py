"""Address parts in caseless text (speech-style: lowercase, no punctuation), where capitals
cannot say where a street or a town starts.

A word there counts as part of an address only when it is a *content word* (not an
English function word, not a unit such as "minutes" or "miles"), and a locality only when
a postal code ends it: "... 67 farmer street kensington 112", "östanlid 36 varberg 432 38",
"springfield il 62704". The street and postal-code recognizers use these parts on the
lines that hold no capital letter.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.core.name_lexicon import name_word, zipf
from transforms.core.date_words import MONTH_WORDS, WEEKDAYS

US_STATES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
             "MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY "
             "PR").split()
US_STATE_NAMES = (
    "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|"
    "hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|"
    "massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|"
    "new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|"
    "oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|"
    "vermont|virginia|washington|west virginia|wisconsin|wyoming|puerto rico")
# Words that count a quantity, not a street: "15 minutes walk", "104 points"; words that
# name a value; months and weekdays.
UNITS = set(
    "second seconds minute minutes min mins hour hours hr hrs day days week weeks month months "
    "year years mile miles km kilometre kilometres kilometer kilometers metre metres meter "
    "meters m ft foot feet yard yards inch inches block blocks point points pts goal goals "
    "time times percent per cent people person persons guest guests dollar dollars pound "
    "pounds euro euros buck bucks kg kilo kilos lb lbs step steps page pages item items "
    # and words that name a value, not a place: "address 138 rue ...", "number 12"
    "address number code zip postcode phone".split())
UNITS |= set(WEEKDAYS) | set(MONTH_WORDS)  # and dates: "approved 1 august 1961"
# Link words inside a foreign street or town name ("via del campo", "šmartno ob paki").
LINKS = set("de del da do dos das di la le du des van von der den am an ob u v na pod nad y "
            "e et sur".split())
# A postal code in lowercase: UK (not an ordinal: "2nd", "4th"), Canadian, Dutch, numeric
# with an optional second group ("432 38", "8500 146", "62704 1234").
POSTCODE = (r"(?:[a-z]{1,2}\d[a-z\d]?\s(?!\d(?:st|nd|rd|th)\b)\d[abd-hjlnp-uw-z]{2}"
            r"|[abceghj-nprstvxy]\d[a-z]\s\d[a-z]\d"
            r"|\d{4}\s?(?!(?:in|on|at|to|of|is|it|an|as|be|by|do|go|he|if|me|my|no|or|so|up|"
            r"us|we|am)\b)[a-z]{2}(?![\w\-])"
            r"|\d{2}\s\d{3}|\d{3,5}(?:\s\d{2,4})?)")
_WORD = r"[^\W\d_][\w'’\-]*"
# What follows a street: a unit, then 1-5 locality words (the first a content word),
# a region of 1-3 letters or 1-2 digits, then a postal code not followed by more digits.
TAIL = re.compile(
    r"(?P<unit>\s+(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building)"
    r"\s*#?\s*\d+[a-z]?\b)?"
    rf"(?P<words>(?:\s+{_WORD}){{1,5}}?)(?P<region>\s+(?:[a-z]{{1,3}}|\d{{1,2}}))??"
    rf"\s+(?P<code>{POSTCODE})"
    r"(?![\w\-]|\s\d)")

# State and province abbreviations that are also English words ("on", "me", "in").
_REGIONS = {s.lower() for s in US_STATES} | {"on", "qc", "bc", "ab", "mb", "sk", "ns", "nb",
                                             "nl", "pe", "nt", "nu", "yt"}
_YEARS = re.compile(r"(?:19|20)\d\d(?:\s(?:19|20)?\d\d)?")


def content(word: str) -> bool:
    """A word that may name a street or a town: two letters or more, not a function word,
    a unit, a month or weekday."""
    w = word.lower()
    return len(w) > 1 and w[:1].isalpha() and w not in STOP_WORDS and w not in UNITS


def city_like(word: str) -> bool:
    """A content word rare enough to be a place name (Zipf < 4.5: "springfield" 3.8,
    "room" 5.4)."""
    return content(word) and zipf(word.lower()) < 4.5


def census_name(word: str) -> bool:
    """A given name or surname of the census lists that is not mostly a word ("fry",
    "wallis", not "take")."""
    entry = name_word(word)
    return entry is not None and entry.wordness < 2


def in_caseless_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` lies within one line that holds no capital."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return "\n" not in text[start:end] and line == line.lower()


def caseless_lines(text: str) -> Callable[[int, int], bool]:
    """:func:`in_caseless_line` for many spans of one text, each line read once (a long
    line of names would otherwise be read once per name)."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    known = {}

    def caseless(start: int, end: int) -> bool:
        i = bisect.bisect_left(breaks, start)
        if i < len(breaks) and breaks[i] < end:
            return False
        if i not in known:
            line = text[breaks[i - 1] + 1 if i else 0:breaks[i] if i < len(breaks) else None]
            known[i] = line == line.lower()
        return known[i]

    return caseless


def tail(text: str, end: int, place_word: bool = False) -> int:
    """The end of a unit, locality and postal code right after ``end`` (the end of a
    street), or ``end`` itself when no postal code closes them; with ``place_word``, only
    when a locality word is rare enough to be a place ("varberg 432 38", not "set 831
    842")."""
    m = TAIL.match(text, end)
    if not m:
        return end
    words = m.group("words").split()
    if not content(words[0]) or not all(content(w) or w in LINKS for w in words):
        return end
    if place_word and not any(w.isalpha() and city_like(w) for w in words):
        return end
    region = (m.group("region") or "").strip()
    if region.isalpha() and region in STOP_WORDS and region not in _REGIONS and \
            len(re.sub(r"\D", "", m.group("code"))) < 4:
        return end  # "order 3 boxes of 250": a function word before a short number
    if _YEARS.fullmatch(m.group("code")) and not region.isalpha():
        return end  # "sabre 1957 1960", "issue 6 2015": years, unless a region names the code
    return m.end()
