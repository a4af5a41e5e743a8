"""WikiNEuRal (Tedeschi et al. 2021), English: Wikipedia sentences labelled
*automatically* (silver: a neural tagger and BabelNet links, not checked by hand), one
``index<TAB>token<TAB>tag`` line per token, BIO tags PER / LOC / ORG / MISC.

``PER`` is PERSON with CrossNER's rules (a title opening the span, "Sir", "King",
"Emperor" ..., is OTHER); LOC and ORG are LOCATION and ORGANIZATION; MISC is OTHER.
Each file holds about 11,600 sentences: only the first ``LIMIT`` of each are read
(a deterministic subset, in file order, so whole runs of an article stay together).
The French files (corpus ``wikineural_fr``, `read_fr`) have the same format; their elided
articles are separate tokens ("l'", "équipe") and are joined back as written ("l'équipe").
"""
from __future__ import annotations

from pathlib import Path
from typing import List

from tests.evaluation.public.conll import blocks
from tests.evaluation.public.crossner import _spans
from tests.evaluation.public.sentence import Sentence, build

LIMIT = 2000
PEOPLE = {"per"}


def _without_index(text: str) -> str:
    """The lines with their first column (the token's index) removed."""
    return "\n".join(line.split("\t", 1)[1] if "\t" in line else line
                     for line in text.splitlines())


def read(path: Path, corpus: str, limit: int = LIMIT, elision: bool = False
         ) -> List[Sentence]:
    """The first ``limit`` sentences of one file; ``elision`` for French ("l' équipe" is
    written "l'équipe")."""
    path = Path(path)
    out = []
    for i, (tokens, tags) in enumerate(blocks(_without_index(path.read_text("utf-8")))):
        if i == limit:
            break
        kept = [(t, g) for t, g in zip(tokens, tags) if t.strip()]
        toks = [t for t, _ in kept]
        text, entities = build(toks, _spans(toks, [g for _, g in kept], PEOPLE), elision)
        out.append(Sentence(corpus, path.name, i, text, entities))
    return out


def read_fr(path: Path, corpus: str, limit: int = LIMIT) -> List[Sentence]:
    """The French files (``data/wikineural/fr``): same format, elided articles joined."""
    return read(path, corpus, limit, elision=True)
