"""Given names and surnames of many countries, counted in the names of notable people.

Source: the ``full`` list in ``vicary/data/notability.txt.gz`` (package ``vicary``, MIT):
the English labels of the 295,049 people in Wikidata (CC0) with ten or more Wikipedia
pages. The first word of a label counts as a given name, the last as a surname ("sergei
rachmaninoff", "yasser arafat"); surnames after "of" or "the" ("catherine of
aragon", "pliny the elder"), regnal numbers ("ii") and words not in Latin letters are left
out.
The labels are lower case and mostly without accents ("ousmane dembele"). Words
common in another language written in Latin letters (Zipf >= 5.5 in wordfreq's list:
"maar", "nur", "satu") are left out: in tweets they are words, not names.

A word's count among those people becomes a share on the census scale
(:mod:`transforms.core.name_lexicon`): people with Wikipedia pages are written about a
little more than the census population, so the share is lowered by the difference
measured on the words both hold (median 0.15 Zipf). Read from the installed package
without importing it; no network.
"""
from __future__ import annotations

import collections
import functools
import gzip
import importlib.util
import re
from pathlib import Path
from typing import Dict, FrozenSet, Tuple

_OFFSET = 0.15  # Zipf: how much more often these people are written about
_MIN_PEOPLE = 2  # a word borne by one notable person alone is not counted
# On the UTF-8 bytes of the list, one label a line: its first word, and its last word
# unless "of" or "the" comes before it ("catherine of aragon", "pliny the elder").
_FIRST = re.compile(rb"^([a-z\x80-\xff]+) ", re.M)
_LAST = re.compile(rb"(?<! of)(?<! the) ([a-z\x80-\xff]+)$", re.M)
_LANGUAGES = ("ca", "cs", "da", "de", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt",
              "lv", "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi")
_COMMON_BUCKETS = 350  # Zipf 5.5 and above
_NOT_NAMES = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii",
                        "xiv", "xv", "xvi", "jr", "sr",
                        "empress", "shaykh", "palatine",  # titles that pass as names
                        "iban"})  # the bank account number ("your SSN and IBAN")


def tiers(*names: str) -> Dict[str, bytes]:
    """The named lists of the notability file (``full``, ``short``, ``place``,
    ``settlement`` ...), one label a line, from one read of the file."""
    with gzip.open(_path(), "rb") as packed:
        data = packed.read()
    out = {}
    for name in names:
        start = data.index(b"\n", data.index(b"#!tier " + name.encode() + b" ")) + 1
        end = data.find(b"\n#!", start)
        out[name] = data[start:end if end >= 0 else len(data)]
    return out


def _path() -> Path:
    spec = importlib.util.find_spec("vicary")
    if spec is None:
        raise ModuleNotFoundError("vicary is not installed: pip install -r requirements.txt")
    return Path(spec.submodule_search_locations[0]) / "data" / "notability.txt.gz"


def common_abroad() -> FrozenSet[str]:
    """Words at Zipf 5.5 or more in one of wordfreq's lists of other languages written in
    Latin letters ("mijn", "nur", "satu", "ze"): the top buckets of each small list only."""
    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    folder = Path(spec.submodule_search_locations[0]) / "data"
    words = set()
    for language in _LANGUAGES:
        with gzip.open(folder / f"small_{language}.msgpack.gz", "rb") as packed:
            unpacker = msgpack.Unpacker(packed, raw=False)
            buckets = unpacker.read_array_header() - 1
            unpacker.skip()  # the header
            # Bucket i holds the words at -i centibels: Zipf 9 - i / 100.
            for _ in range(min(_COMMON_BUCKETS, buckets)):
                words.update(unpacker.unpack())
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def world_shares() -> Tuple[Dict[str, float], Dict[str, float]]:
    """Given names and surnames -> share of people (percent, census scale); words common
    in another language (:func:`common_abroad`) are left out. Read once per process (the
    census lexicon and the French given names both read it); not to be changed."""
    labels = tiers("full")["full"]
    abroad = common_abroad()
    scale = 100.0 / (labels.count(b"\n") + 1) / 10 ** _OFFSET
    shares = []
    for pattern in (_FIRST, _LAST):
        counts = collections.Counter(pattern.findall(labels))
        words = ((word.decode(), count) for word, count in counts.items()
                 if count >= _MIN_PEOPLE and len(word) > 1)
        shares.append({word: count * scale for word, count in words
                       if word.isalpha() and max(word) < "\u0250"
                       and word not in _NOT_NAMES and word not in abroad})
    return shares[0], shares[1]


_MAX_WORDS = 4  # "first middle last", "gotthold ephraim lessing", "martin luther king jr"
# A label of two to _MAX_WORDS words of Latin letters, on a line of its own.
_FULL_NAME = re.compile(r"^[a-z\u00e0-\u024f]+(?: [a-z\u00e0-\u024f]+){1,%d}$"
                        % (_MAX_WORDS - 1), re.M)


@functools.lru_cache(maxsize=1)
def full_names() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """The labels of two to four words of Latin letters, as read ("pete sampras",
    "stevie wonder"; a hyphen read as a space: "ban ki moon"), and their first words; read
    once per process on first use. Which of them may be taken for a person in text is for
    the caller to judge (some are ordinary phrases too: "will power")."""
    kept = _FULL_NAME.findall(tiers("full")["full"].decode("utf-8").replace("-", " "))
    return frozenset(kept), frozenset(label[:label.index(" ")] for label in kept)


@functools.lru_cache(maxsize=1)
def label_surnames() -> Dict[str, int]:
    """The last words of the labels of :func:`full_names` ("pinochet" of "augusto
    pinochet", "whitlam"), with how many notable people bear each: a rare word among them
    is known as somebody's surname, which a rare technical word ("protease") is not.
    Worked out once per process from the labels already read."""
    labels, _ = full_names()
    return dict(collections.Counter(label[label.rindex(" ") + 1:] for label in labels))
