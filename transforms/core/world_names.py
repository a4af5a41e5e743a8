"""Given names and surnames of many countries, counted in the names of notable people.

Source: the ``full`` list in ``vicary/data/notability.txt.gz`` (package ``vicary``, MIT):
the English labels of the 295,049 people in Wikidata (CC0) with ten or more Wikipedia
pages. The first word of a label counts as a given name, the last as a surname ("sergei
rachmaninoff", "yasser arafat"); labels with "of", "the" or a digit ("catherine of
aragon", "pliny the elder") and regnal numbers ("ii") are left out. The labels are
lower case and mostly without accents ("ousmane dembele").

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
_SKIP = re.compile(r"\d|(?:^| )(?:of|the)(?: |$)")
_NOT_NAMES = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
                        "xii", "xiii", "xiv", "xv", "xvi", "jr", "sr",
                        "empress", "shaykh", "palatine"})  # titles that pass as names


def _labels(path: Path) -> list:
    with gzip.open(path, "rt", encoding="utf-8") as packed:
        text = packed.read()
    start = text.index("\n", text.index("#!tier full")) + 1
    end = text.find("\n#!", start)
    return text[start:end if end >= 0 else len(text)].splitlines()


def _path() -> Path:
    spec = importlib.util.find_spec("vicary")
    if spec is None:
        raise ModuleNotFoundError("vicary is not installed: pip install -r requirements.txt")
    return Path(spec.submodule_search_locations[0]) / "data" / "notability.txt.gz"


def world_shares() -> Tuple[Dict[str, float], Dict[str, float]]:
    """Given names and surnames -> share of people (percent, census scale)."""
    labels = _labels(_path())
    pairs = [words for words in (label.split() for label in labels if not _SKIP.search(label))
             if len(words) > 1]
    scale = 100.0 / len(labels) / 10 ** _OFFSET
    shares = []
    for place in (0, -1):
        counts = collections.Counter(words[place] for words in pairs)
        shares.append({word: count * scale for word, count in counts.items()
                       if count >= _MIN_PEOPLE and word.isalpha() and len(word) > 1
                       and word not in _NOT_NAMES})
    return shares[0], shares[1]
