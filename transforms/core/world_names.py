"""Given names and surnames of many countries, counted in the names of notable people.

Source: the ``full`` list in ``vicary/data/notability.txt.gz`` (package ``vicary``, MIT):
the English labels of the 295,049 people in Wikidata (CC0) with ten or more Wikipedia
pages. The first word of a label counts as a given name, the last as a surname ("sergei
rachmaninoff", "yasser arafat"); surnames after "of" or "the" ("catherine of
aragon", "pliny the elder"), words with a digit and regnal numbers ("ii") are left out.
The labels are lower case and mostly without accents ("ousmane dembele").

A word's count among those people becomes a share on the census scale
(:mod:`transforms.core.name_lexicon`): people with Wikipedia pages are written about a
little more than the census population, so the share is lowered by the difference
measured on the words both hold (median 0.15 Zipf). Read from the installed package
without importing it; no network.
"""
from __future__ import annotations

import collections
import gzip
import importlib.util
import re
from pathlib import Path
from typing import Dict, Tuple

_OFFSET = 0.15  # Zipf: how much more often these people are written about
_MIN_PEOPLE = 2  # a word borne by one notable person alone is not counted
# On the UTF-8 bytes of the list, one label a line: its first word, and its last word
# unless "of" or "the" comes before it ("catherine of aragon", "pliny the elder").
_FIRST = re.compile(rb"^([a-z\x80-\xff]+) ", re.M)
_LAST = re.compile(rb"(?<! of)(?<! the) ([a-z\x80-\xff]+)$", re.M)
_NOT_NAMES = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii",
                        "xiv", "xv", "xvi", "jr", "sr",
                        "empress", "shaykh", "palatine"})  # titles that pass as names


def _labels(path: Path) -> bytes:
    """The ``full`` list: the labels, one a line."""
    with gzip.open(path, "rb") as packed:
        data = packed.read()
    start = data.index(b"\n", data.index(b"#!tier full")) + 1
    end = data.find(b"\n#!", start)
    return data[start:end if end >= 0 else len(data)]


def _path() -> Path:
    spec = importlib.util.find_spec("vicary")
    if spec is None:
        raise ModuleNotFoundError("vicary is not installed: pip install -r requirements.txt")
    return Path(spec.submodule_search_locations[0]) / "data" / "notability.txt.gz"


def world_shares() -> Tuple[Dict[str, float], Dict[str, float]]:
    """Given names and surnames -> share of people (percent, census scale)."""
    labels = _labels(_path())
    scale = 100.0 / (labels.count(b"\n") + 1) / 10 ** _OFFSET
    shares = []
    for pattern in (_FIRST, _LAST):
        counts = collections.Counter(pattern.findall(labels))
        words = ((word.decode(), count) for word, count in counts.items()
                 if count >= _MIN_PEOPLE and len(word) > 1)
        shares.append({word: count * scale for word, count in words
                       if word.isalpha() and word not in _NOT_NAMES})
    return shares[0], shares[1]
