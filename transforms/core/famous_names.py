"""Short forms of very notable people ("obama", "churchill", "de gaulle", "herzl").

Source: the ``short`` list in ``vicary/data/notability.txt.gz`` (package ``vicary``, MIT;
data from Wikidata, CC0): the words a person with 100 or more Wikipedia pages is known by,
common US surnames (more than 25,000 bearers) already left out. Read from the installed
package without importing it, once per process; no network.

Left out of the list: forms with a digit ("1769-1859"), regnal numbers ("xiv"), words of
one or two letters ("xi", "oe") and forms not in Latin letters. The list also holds the
ends of epithets ("joan of arc", "ivan the terrible", "alexander the great"): ordinary
words, which the recognizer takes only with a cue.

Words that are also notable places are kept apart: :attr:`Famous.countries` (the
``place`` list: "france", "victoria") and :attr:`Famous.towns` (the ``settlement`` list:
"obama" in Fukui, "disney" in Oklahoma, "kant"); the recognizer asks more of them.
Hyphenated forms are also known with a space ("ki-moon" -> "ki moon"): speech-style text
drops the hyphen.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Dict, FrozenSet, Tuple

from transforms.core.world_names import tiers as notability_tiers

_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")  # regnal numbers up to xxxix
_MIN_LETTERS = 3


@dataclasses.dataclass(frozen=True)
class Famous:
    forms: Dict[str, Tuple[Tuple[str, ...], ...]]  # first word -> forms, longest first
    countries: FrozenSet[str]  # one-word forms that are notable places ("france")
    towns: FrozenSet[str]  # one-word forms that are settlements ("obama", "disney")


def _kept(form: str) -> bool:
    words = form.split()
    if any(c.isdigit() for c in form) or any(_ROMAN.fullmatch(w) for w in words) \
            or max(form) >= "\u0250":  # not Latin letters
        return False
    return len(words) > 1 or len(form) >= _MIN_LETTERS


@functools.lru_cache(maxsize=1)
def famous() -> Famous:
    """The short forms, read once."""
    tiers = notability_tiers("place", "settlement", "short")
    short = {f for f in tiers["short"].decode().split("\n") if f and _kept(f)}
    forms: Dict[str, set] = {}
    for form in short:
        for spelling in {form, form.replace("-", " ")}:
            words = tuple(spelling.split())
            forms.setdefault(words[0], set()).add(words)
    places = set(tiers["place"].decode().split("\n"))
    towns = set(tiers["settlement"].decode().split("\n"))
    return Famous(
        forms={first: tuple(sorted(found, key=len, reverse=True))
               for first, found in forms.items()},
        countries=frozenset(f for f in short if f in places),
        towns=frozenset(f for f in short if f in towns))
