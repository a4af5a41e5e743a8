"""FiNER-ORD (Shah et al. 2024): English financial news articles (webz.io's free
financial news set, 2015-2016: markets, companies, earnings, economic policy), labelled
by hand with PER / LOC / ORG.

A CSV of one token per row, ``gold_label,gold_token,doc_idx,sent_idx``; the label is a
number: 0 O, 1 B-PER, 2 I-PER, 3 B-LOC, 4 I-LOC, 5 B-ORG, 6 I-ORG (the authors' code).
A sentence is the run of rows with one (doc_idx, sent_idx); the doc is ``<file>/<doc_idx>``
so a record never joins two articles. PER is PERSON with CrossNER's rules (a title opening
the span is OTHER; FiNER-ORD rarely puts one there); a person labelled on an ``@handle``
or ``#hashtag`` is PERSON_HANDLE, as `sentence.from_bio` reports it. The tokens carry no spacing, so the
text is rebuilt: as `sentence.build`, and also no space before the curly-apostrophe
clitics ("’s", "n’t") and closing quotes, none after opening quotes, and straight double
quotes taken as opening and closing in turn.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import List, Sequence, Tuple

from tests.evaluation.public.crossner import _spans
from tests.evaluation.public.sentence import Entity, Sentence, build

TAGS = {"0": "O", "1": "B-PER", "2": "I-PER", "3": "B-LOC", "4": "I-LOC", "5": "B-ORG",
        "6": "I-ORG"}
PEOPLE = {"per"}
_ATTACH_LEFT = re.compile(
    r"^(?:[.,!?;:%)\]}…”]+|['’](?:s|m|re|ve|ll|d)|n['’]t|’)$", re.IGNORECASE)
_ATTACH_RIGHT = {"(", "[", "{", "$", "@", "#", "“", "‘"}


def join(tokens: Sequence[str], spans: Sequence[Tuple[int, int, str]]
         ) -> Tuple[str, Tuple[Entity, ...]]:
    """The tokens as written text; spans (token indices, type) become character spans."""
    return build(tokens, spans, quotes=True, attach_left=_ATTACH_LEFT,
                 attach_right=_ATTACH_RIGHT)


def _handle(tokens: Sequence[str], a: int, kind: str) -> str:
    """PERSON_HANDLE for a person labelled on a handle or hashtag, else ``kind``."""
    if kind == "PERSON" and (tokens[a][:1] in "@#" or (a and tokens[a - 1] in ("@", "#"))):
        return "PERSON_HANDLE"
    return kind


def read(path: Path, corpus: str) -> List[Sentence]:
    """Every sentence of one FiNER-ORD CSV file, in file order."""
    path = Path(path)
    out: List[Sentence] = []
    key = None
    tokens: List[str] = []
    tags: List[str] = []

    def flush():
        if tokens:
            text, entities = join(tokens, [(a, b, _handle(tokens, a, kind))
                                           for a, b, kind in _spans(tokens, tags, PEOPLE)])
            out.append(Sentence(corpus, f"{path.name}/{key[0]}", int(key[1]), text, entities))
        tokens.clear()
        tags.clear()

    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            token = (row.get("gold_token") or "").strip()
            here = (row.get("doc_idx"), row.get("sent_idx"))
            if here != key:
                flush()
                key = here
            if token:
                tokens.append(token)
                tags.append(TAGS.get((row.get("gold_label") or "0").strip(), "O"))
    flush()
    return out
