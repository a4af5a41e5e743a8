"""Restaurants-8k (PolyAI, CC BY 4.0): customer turns to a restaurant booking line.

A JSON list of ``{userInput: {text}, context: {requestedSlots}, labels: [{slot,
valueSpan: {startIndex, endIndex}}]}``; a missing ``startIndex`` means 0. Each turn is a
sentence, as it is (no speaker prefix). ``first_name`` and ``last_name`` are PERSON, one
span when only spaces part them; ``date``, ``time`` and ``people`` are OTHER (not scored,
and not ordinary words either, so a policy that removes dates loses no ordinary word).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, List, Tuple

from tests.evaluation.public.sentence import Entity, Sentence

NAME_SLOTS = {"first_name", "last_name"}


def merge_names(text: str, spans: Iterable[Tuple[int, int, str]]) -> Tuple[Entity, ...]:
    """Entities of (start, end, type) spans; PERSON spans parted only by spaces join."""
    out: List[Entity] = []
    for start, end, kind in sorted(spans):
        last = out[-1] if out else None
        if last and kind == last.type == "PERSON" and not text[last.end:start].strip() \
                and start >= last.end:
            out[-1] = Entity(last.start, end, "PERSON")
        else:
            out.append(Entity(start, end, kind))
    return tuple(out)


def parse(item: dict, corpus: str, doc: str, index: int) -> Sentence:
    text = item["userInput"]["text"]
    spans = []
    for label in item.get("labels", []):
        span = label.get("valueSpan", {})
        start, end = span.get("startIndex", 0), span.get("endIndex", len(text))
        spans.append((start, end, "PERSON" if label["slot"] in NAME_SLOTS else "OTHER"))
    return Sentence(corpus, doc, index, text, merge_names(text, spans))


def read(path: Path, corpus: str) -> List[Sentence]:
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    return [parse(item, corpus, Path(path).name, i) for i, item in enumerate(items)]
