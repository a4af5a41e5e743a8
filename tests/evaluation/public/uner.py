"""Universal NER (Mayhew et al. 2024), English PUD: the 1,000 sentences of the Parallel UD
treebank, half from news articles (sentence ids ``n...``), half from Wikipedia (``w...``),
labelled by hand with PER / LOC / ORG.

One ``id<TAB>token<TAB>tag<TAB>-<TAB>annotator`` line per token; ``# sent_id``,
``# text`` and ``# newdoc id`` comments. The sentence is the ``# text`` line as written
(curly quotes, no space before punctuation); each token is found in it in order, so the
entities point at the original characters. PER is PERSON with CrossNER's rules (a title
opening the span is OTHER); LOC is LOCATION, ORG ORGANIZATION. The doc is the newdoc id,
the index the sentence's place in it.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

from tests.evaluation.public.crossner import _spans
from tests.evaluation.public.sentence import Entity, Sentence, build

PEOPLE = {"per"}


def _offsets(text: str, tokens: List[str]) -> Optional[List[Tuple[int, int]]]:
    """Where each token stands in ``text``, in order; None if one is not found."""
    out, pos = [], 0
    for tok in tokens:
        at = text.find(tok, pos)
        if at < 0 or text[pos:at].strip():
            return None
        out.append((at, at + len(tok)))
        pos = at + len(tok)
    return out


def _sentence(corpus, doc, index, text, tokens, tags) -> Sentence:
    spans = _spans(tokens, tags, PEOPLE)
    where = _offsets(text, tokens) if text else None
    if where is None:  # the text line disagrees with the tokens: rebuild from them
        text, entities = build(tokens, spans)
    else:
        entities = tuple(Entity(where[a][0], where[b - 1][1], kind)
                         for a, b, kind in spans if b > a)
    return Sentence(corpus, doc, index, text, entities)


def read(path: Path, corpus: str) -> List[Sentence]:
    """Every sentence of one ``.iob2`` file."""
    out: List[Sentence] = []
    doc, index, text = Path(path).name, -1, ""
    tokens: List[str] = []
    tags: List[str] = []

    def flush():
        if tokens:
            out.append(_sentence(corpus, doc, index, text, list(tokens), list(tags)))
        tokens.clear()
        tags.clear()

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "newdoc id":
                flush()
                doc, index = value.strip(), -1
            elif key.strip() == "text":
                flush()
                text, index = value.strip(), index + 1
            continue
        if not line.strip():
            flush()
            continue
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].strip():
            tokens.append(parts[1])
            tags.append(parts[2])
    flush()
    return out
