"""Given names and surnames from the US Census 1990 lists (``names`` package), each with
how much more often it is an ordinary English word than a name (``wordfreq``).

Read once per process, on first use, from the installed packages (no network); a word's
entry is worked out when it is first looked up. A word's *wordness* compares its
frequency in English text (Zipf scale) with the frequency its share of the census
population predicts: "veronica", "benitez" or "john" are below 0 (mostly names), "will",
"grant" or "young" well above (mostly words, names only where the context says so). The
census surname list also holds ordinary words at tiny shares ("points", "you"); their
wordness is high, so they never count as names on their own.
"""
from __future__ import annotations

import dataclasses
import functools
import importlib.util
import math
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Dict, Iterator, Optional

from transforms.core.world_names import world_shares

# A name with a 1 % share of the census population is expected at Zipf 5 in text.
_ZIPF_AT_ONE_PERCENT = 5.0
_MIN_SHARE = 0.0003  # percent; the lists round smaller shares to 0.000


@dataclasses.dataclass(frozen=True)
class NameWord:
    first: bool  # a given name in the census lists
    last: bool  # a surname in the census lists
    wordness: float  # Zipf in text minus the Zipf the census share predicts
    mostly_name: bool  # rarer as an ordinary word than its census share predicts
    census: bool = True  # False: only in the world list (transforms.core.world_names)


def _read(path: Path) -> Dict[str, float]:
    shares = {}
    with path.open(encoding="ascii") as lines:
        for line in lines:
            parts = line.split()
            if parts:
                shares[parts[0].lower()] = max(float(parts[1]), _MIN_SHARE)
    return shares


class Lexicon(Mapping):
    """Lower-case word -> :class:`NameWord`, for every census given name and surname; each
    entry is made the first time it is asked for (all 91,910 at once took about 0.3 s of
    every process's start-up) and kept."""

    def __init__(self, first: Dict[str, float], last: Dict[str, float],
                 world: frozenset = frozenset()):
        self._first, self._last, self._world = first, last, world
        self._words = first.keys() | last.keys()
        self._made: Dict[str, NameWord] = {}

    def get(self, word: str, default=None):
        entry = self._made.get(word)
        if entry is None:
            if word not in self._words:
                return default
            entry = self._made[word] = self._make(word)
        return entry

    def __getitem__(self, word: str) -> NameWord:
        entry = self.get(word)
        if entry is None:
            raise KeyError("not in the census name lists")  # never the word: it is data
        return entry

    def __contains__(self, word) -> bool:
        return word in self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def _make(self, word: str) -> NameWord:
        first, last = self._first, self._last
        share = max(first.get(word, 0.0), last.get(word, 0.0))
        wordness = _wordness(word, share)
        return NameWord(word in first, word in last, wordness,
                        _mostly_name(wordness, zipf(word)), word not in self._world)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The census lists, read once per process (:class:`Lexicon`), with the word
    frequencies every entry reads; given names and surnames of other countries that the
    census lacks are added from :mod:`transforms.core.world_names` when they are mostly
    names ("sergei", "oleksiy"; not "chip", "odd", "mats")."""
    import names

    _frequency()
    folder = Path(names.__file__).parent
    first = _read(folder / "dist.male.first")
    for word, share in _read(folder / "dist.female.first").items():
        first[word] = max(share, first.get(word, 0.0))
    last = _read(folder / "dist.all.last")
    census = first.keys() | last.keys()
    for listed, world in zip((first, last), world_shares()):
        listed.update((word, share) for word, share in world.items()
                      if word not in census and _mostly_name(_wordness(word, share), zipf(word)))
    return Lexicon(first, last, frozenset((first.keys() | last.keys()) - census))


def _wordness(word: str, share: float) -> float:
    return zipf(word) - (_ZIPF_AT_ONE_PERCENT + math.log10(share))


def _mostly_name(wordness: float, frequency: float) -> bool:
    return (wordness < -0.1 or (wordness < 0.35 and frequency < 4.5)
            or (wordness < 0.5 and frequency < 4.0))


@functools.lru_cache(maxsize=1)
def _frequency() -> Dict[str, float]:
    """``wordfreq.get_frequency_dict("en", wordlist="large")``, read from wordfreq's data
    file without importing wordfreq: its ``data_path`` walks the caller's whole stack
    (``inspect.stack``, slow under Beam's deep stacks) and it imports langcodes (a test
    checks the two dicts are equal)."""
    import gzip

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    path = Path(spec.submodule_search_locations[0]) / "data" / "large_en.msgpack.gz"
    with gzip.open(path, "rb") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path.name}: not a wordfreq cBpack (version 1) file")
    # Bucket i holds the words at -i centibels: frequency 10 ** (-i / 100), as wordfreq's.
    return {word: 10 ** (-index / 100) for index, bucket in enumerate(buckets)
            for word in bucket}


def zipf(word: str) -> float:
    """Frequency of a lower-case word in English text on the Zipf scale (0 = unseen)."""
    value = _frequency().get(word)
    return 0.0 if value is None else math.log10(value) + 9


def name_word(word: str) -> Optional[NameWord]:
    return lexicon().get(word.lower())


def census_word(word: str) -> Optional[NameWord]:
    """The word's entry when the census lists hold it; a name only the world list holds
    gives None, so the rules for rare unlisted words read it as they did before that
    list joined ("poor kwabena whose account ...")."""
    entry = name_word(word)
    return entry if entry is not None and entry.census else None


def unaccented(text: str) -> str:
    """``text`` without its accents ("josé" -> "jose", "François" -> "Francois"), as the
    census and most labels spell names."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def name_or_rare(word: str, listed: float, rare: float) -> bool:
    """A listed name used as an ordinary word less than ``listed`` (wordness), or an
    unlisted word rarer than Zipf ``rare`` in English text."""
    entry = name_word(word)
    return entry.wordness < listed if entry is not None else zipf(word.lower()) < rare


def is_mostly_name(word: str) -> bool:
    """Listed, and rarer as an ordinary word than its census share predicts."""
    entry = name_word(word)
    return entry is not None and entry.mostly_name
