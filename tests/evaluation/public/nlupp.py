"""NLU++ (PolyAI, CC BY 4.0): banking and hotel customer utterances, one per sentence.

A JSON list of ``{text, intents, slots: {slot: {text, span: [start, end], value}}}`` per
fold file. ``person_name`` is PERSON; every other slot (dates, times, amounts, counts,
company names) is OTHER: not scored, and not an ordinary word either.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

from tests.evaluation.public.sentence import Entity, Sentence

DOMAINS = ("banking", "hotels")
TUNE = tuple(f"{d}/fold{i}.json" for d in DOMAINS for i in range(10))
HELDOUT = tuple(f"{d}/fold{i}.json" for d in DOMAINS for i in range(10, 20))


def parse(item: dict, corpus: str, doc: str, index: int) -> Sentence:
    text = item["text"]
    spans = [Entity(slot["span"][0], slot["span"][1],
                    "PERSON" if name == "person_name" else "OTHER")
             for name, slot in (item.get("slots") or {}).items() if slot.get("span")]
    spans.sort(key=lambda e: (e.start, -e.end))
    return Sentence(corpus, doc, index, text, tuple(spans))


def read(path: Path, corpus: str) -> List[Sentence]:
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    doc = f"{Path(path).parent.name}/{Path(path).name}"
    return [parse(item, corpus, doc, i) for i, item in enumerate(items)]
