"""SLURP reader: JSON lines, each with ``tokens`` (surface forms) and ``entities``
(``{span: [token ids], type}``). The sentence is rebuilt from the token surfaces."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

from tests.evaluation.public.sentence import Sentence, build, label_type


def parse(line: str, corpus: str, doc: str, index: int) -> Sentence:
    item = json.loads(line)
    tokens = sorted(item["tokens"], key=lambda t: t["id"])
    position = {t["id"]: i for i, t in enumerate(tokens)}
    spans = []
    for ent in item.get("entities", []):
        ids = sorted(position[i] for i in ent["span"] if i in position)
        if ids:
            spans.append((ids[0], ids[-1] + 1, label_type(ent["type"])))
    text, entities = build([t["surface"] for t in tokens], spans)
    return Sentence(corpus, doc, index, text, entities)


def read(path: Path, corpus: str) -> List[Sentence]:
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [parse(ln, corpus, Path(path).name, i) for i, ln in enumerate(lines)]
