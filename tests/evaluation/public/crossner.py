"""CrossNER (Liu et al. 2021), politics and literature domains: English Wikipedia
sentences, ``token<TAB>tag`` with BIO tags and domain types.

People are ``person``, ``politician`` and ``writer`` (the domains read here; ``scientist``
and ``musicalartist`` of the others would be too). They label names, as WikiGold does,
so every word is kept as PERSON but a title opening the span ("Sir", "Queen", "President",
`mentions.NOT_NAMES`; "Lord", "Emperor", "Madame" ...), which is OTHER, as in GMB. A span
of tag-like tokens ("I-writer I-writer", an annotation slip) is OTHER. ``country`` is
LOCATION and ``politicalparty`` ORGANIZATION; every other type (election, book, award,
misc ...) is OTHER.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import List

from tests.evaluation.public.conll import blocks
from tests.evaluation.public.mentions import CONNECTORS, NOT_NAMES, _word
from tests.evaluation.public.sentence import Sentence, bio_spans, build, label_type

PEOPLE = {"person", "politician", "writer", "scientist", "musicalartist"}
TYPES = {"country": "LOCATION", "politicalparty": "ORGANIZATION"}
# Titles of nobility and rank the news corpora's lists lack ("Baron" is also a surname).
TITLES = NOT_NAMES | {"lord", "lady", "emperor", "empress", "princess", "madame", "earl",
                      "duke", "duchess", "countess", "dame", "antipope"}
_TAG = re.compile(r"[BI]-[a-z]+")


def _spans(tokens, tags, people=PEOPLE):
    out = []
    for a, b, label in bio_spans(tags):
        if label.lower() not in people:
            out.append((a, b, TYPES.get(label.lower()) or label_type(label)))
            continue
        if all(_TAG.fullmatch(t) for t in tokens[a:b]):
            out.append((a, b, "OTHER"))
            continue
        name = a
        while name < b and (_word(tokens[name]) in TITLES or tokens[name] in CONNECTORS):
            name += 1
        if name > a:
            out.append((a, name, "OTHER"))
        if name < b:
            out.append((name, b, "PERSON"))
    return out


def read(path: Path, corpus: str) -> List[Sentence]:
    """The sentences of one file; the doc is ``<domain>/<file>`` (``politics/dev.txt``)."""
    path = Path(path)
    doc = f"{path.parent.name}/{path.name}"
    out = []
    for i, (tokens, tags) in enumerate(blocks(path.read_text(encoding="utf-8"))):
        kept = [(t, g) for t, g in zip(tokens, tags) if t.strip()]
        toks = [t for t, _ in kept]
        text, entities = build(toks, _spans(toks, [g for _, g in kept]))
        out.append(Sentence(corpus, doc, i, text, entities))
    return out
