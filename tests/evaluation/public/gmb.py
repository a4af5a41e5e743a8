"""Groningen Meaning Bank NER as a CSV (``Sentence #,Word,POS,Tag``; the Kaggle "Annotated
Corpus for Named Entity Recognition" layout): Voice of America news, mostly.

A sentence starts at a row whose first column is ``Sentence: N``; tags are BIO with GMB's
types (per, geo, gpe, org, tim, art, eve, nat). GMB's ``per`` spans carry titles ("President
Bush", "Mr. Annan", "Prime Minister ..."): read like the other mention corpora, so only
the name is PERSON and the title is OTHER. GMB labels names, not mentions, so a lone name
opening a sentence ("Chavez says ...") is a name.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import List

from tests.evaluation.public.mentions import spans_of
from tests.evaluation.public.sentence import Sentence, build


def read(path: Path, corpus: str) -> List[Sentence]:
    out: List[Sentence] = []
    tokens: List[str] = []
    tags: List[str] = []
    number = None

    def flush():
        if tokens:
            text, entities = build(tokens, spans_of(tokens, tags, names_only=True))
            out.append(Sentence(corpus, Path(path).name, number, text, entities))

    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows, None)  # the header
        for row in rows:
            if len(row) < 4:
                continue
            if row[0].startswith("Sentence:"):
                flush()
                tokens, tags, number = [], [], int(row[0].split(":", 1)[1])
            if row[1].strip():
                tokens.append(row[1])
                tags.append(row[3])
    flush()
    return out
