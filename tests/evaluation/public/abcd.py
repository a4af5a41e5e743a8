"""ABCD (Action-Based Conversations Dataset, asappresearch/abcd, MIT): customer/agent chats
with a fictional customer's scenario (name, email, phone, username, address, ZIP).

Not shipped with the corpora: put ``abcd_v1.1.json.gz`` (or the unzipped ``.json``) from
the authors' repository in ``<corpora>/abcd/``. Each turn of a conversation is a sentence
``customer: ...`` / ``agent: ...`` (system ``action`` turns are left out); entities are
labelled by finding the scenario's values in the turn (case-insensitive; a phone by its
digits whatever the separators; the customer's first and last name also alone).
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Dict, List, Tuple

from tests.evaluation.public.sentence import Entity, Sentence

NAME = "abcd"


def _pattern(value: str, digits: bool = False) -> re.Pattern:
    if digits:
        return re.compile(r"(?<!\d)" + r"\D{0,3}".join(re.sub(r"\D", "", value)) + r"(?!\d)")
    body = re.escape(" ".join(value.split())).replace(r"\ ", r"\s+")
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def _values(scenario: dict) -> List[Tuple[str, re.Pattern]]:
    """(type, pattern) in priority order: a longer value first, its parts after."""
    personal, order = scenario.get("personal", {}), scenario.get("order", {})
    out = []
    name = (personal.get("customer_name") or "").strip()
    if name:
        out.append(("PERSON", _pattern(name)))
        out += [("PERSON", _pattern(part)) for part in name.split() if len(part) > 1]
    for key, kind in (("email", "EMAIL"), ("username", "USERNAME")):
        if personal.get(key):
            out.append((kind, _pattern(personal[key])))
    if len(re.sub(r"\D", "", personal.get("phone") or "")) >= 7:
        out.append(("PHONE", _pattern(personal["phone"], digits=True)))
    for key, kind in (("full_address", "ADDRESS"), ("street_address", "ADDRESS"),
                      ("zip_code", "ZIP"), ("city", "LOCATION")):
        if (order.get(key) or "").strip():
            out.append((kind, _pattern(order[key])))
    return out


def label(text: str, values: List[Tuple[str, re.Pattern]]) -> Tuple[Entity, ...]:
    """Entities of ``text``: a match inside an earlier one is not counted again (a surname
    inside the full name, the username inside the email), except a ZIP or city inside an
    address, which is also reported on its own."""
    found: List[Entity] = []
    for kind, pattern in values:
        for m in pattern.finditer(text):
            if any(e.start <= m.start() and m.end() <= e.end and not (
                    e.type == "ADDRESS" and kind in ("ZIP", "LOCATION")) for e in found):
                continue
            found.append(Entity(m.start(), m.end(), kind))
    return tuple(sorted(found, key=lambda e: (e.start, -e.end)))


def conversation_sentences(convo: dict) -> List[Sentence]:
    values = _values(convo.get("scenario", {}))
    out = []
    for i, (speaker, text) in enumerate(convo.get("original", [])):
        if speaker == "action":
            continue
        line = f"{speaker}: {text}"
        out.append(Sentence(NAME, str(convo["convo_id"]), i, line, label(line, values)))
    return out


def _data(path: Path) -> Dict[str, list]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


class Abcd:
    name = NAME
    kind = "customer/agent chats of a fictional online shop"
    split_note = "own splits: tune = train + dev, heldout = test"
    files = ("abcd_v1.1.json.gz", "abcd_v1.1.json")
    per_record = None  # a whole conversation per record

    def _path(self, root: Path):
        return next((Path(root) / NAME / f for f in self.files
                     if (Path(root) / NAME / f).is_file()), None)

    def missing(self, root: Path):
        return None if self._path(root) else \
            f"{Path(root) / NAME} lacks abcd_v1.1.json.gz (see docs/evaluation.md)"

    def load(self, root: Path, split: str) -> List[Sentence]:
        data = _data(self._path(root))
        parts = ("train", "dev") if split == "tune" else ("test",)
        return [s for part in parts for convo in data.get(part, [])
                for s in conversation_sentences(convo)]
