"""InLegalNER (OpenNyAI, Apache-2.0): Indian court judgments, a spaCy ``DocBin``.

Each doc is a judgment sentence or a whole preamble (court, parties, lawyers, judges; PDF
layout, runs of spaces and line breaks kept). ``JUDGE``, ``LAWYER``, ``WITNESS`` and
``OTHER_PERSON`` are PERSON. ``PETITIONER`` and ``RESPONDENT`` name a party, a person or
not ("State Of Gujarat", "Oriental Insurance Co Ltd.", "District Collector, Thiruvallur"):
a party is PERSON only when it looks like a name (no digit, comma or line break, no word of
an institution or office). A title or "Advocate" inside a name's span is set aside. Every
other labelled span (court, statute, date ...) is OTHER.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import List, Optional

from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.split import hash_half

PEOPLE = {"JUDGE", "LAWYER", "WITNESS", "OTHER_PERSON"}
PARTIES = {"PETITIONER", "RESPONDENT"}
INSTITUTION = frozenset("""
state union government india republic commissioner commission collector secretary director
officer board authority corporation company co ltd limited pvt private bank insurance
society trust council committee municipal municipality department ministry office court
tribunal police station university college school hospital association federation club
registrar district revenue tax income customs excise railway railways the of and others
industries enterprises mills works agency assurance nagar nigam panchayat inspector
superintendent manager chairman president deputy assistant chief executive engineer
tahsildar dean principal estate m/s ors anr wines forum welfare traders motors services
stores foundation institute centre center gmbh inc llc llp plc
""".split())
_WORD = re.compile(r"[\w/]+")
# A title or role the annotators sometimes took into a name ("Mr.Sanjay Singhavi",
# "Sourabh Goel, Advocate"): not part of the name, set aside.
_TITLE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Shri|Sri|Smt|Sh|Km|Kum)\b\.?\s*)+", re.IGNORECASE)
_ROLE = re.compile(r"[\s,]*\b(?:Advocate|Adv)\b\.?$", re.IGNORECASE)


def is_person_party(text: str) -> bool:
    """A party named like a person: no digit, comma or line break, no institution word."""
    if any(c.isdigit() for c in text) or "," in text or "\n" in text:
        return False
    return not any(w.lower() in INSTITUTION for w in _WORD.findall(text))


def name_bounds(text: str, start: int, end: int):
    """(start, end) of a name once a leading title and a trailing role are set aside."""
    span = text[start:end]
    head = _TITLE.match(span)
    tail = _ROLE.search(span)
    new_start = start + (head.end() if head else 0)
    new_end = start + (tail.start() if tail else len(span))
    return (new_start, new_end) if new_end > new_start else (start, end)


def entity_type(label: str, text: str) -> str:
    if label in PEOPLE or (label in PARTIES and is_person_party(text)):
        return "PERSON"
    return "OTHER"


def read(path: Path, corpus: str) -> List[Sentence]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    out = []
    for i, doc in enumerate(DocBin().from_disk(path).get_docs(vocab)):
        entities = []
        for e in doc.ents:
            kind = entity_type(e.label_, e.text)
            start, end = (name_bounds(doc.text, e.start_char, e.end_char)
                          if kind == "PERSON" else (e.start_char, e.end_char))
            entities.append(Entity(start, end, kind))
        out.append(Sentence(corpus, Path(path).name, i, doc.text, tuple(entities)))
    return out


class Prose:
    """The judgment sentences alone (docs without a line break), in InLegalNER's own
    halves: prose like a judgment's body, where every person is labelled (a preamble's
    unlabelled heirs and addresses would count as ordinary words)."""

    name = "inlegalner_prose"
    kind = "Indian court judgments: judgment sentences only (no preambles)"
    split_note = "the inlegalner halves, preambles left out"
    FILE = "dev.spacy"

    def missing(self, root: Path) -> Optional[str]:
        path = Path(root) / "inlegalner" / self.FILE
        return None if path.is_file() else f"{path} is absent"

    def load(self, root: Path, split: str) -> List[Sentence]:
        sentences = read(Path(root) / "inlegalner" / self.FILE, "inlegalner")
        return [dataclasses.replace(s, corpus=self.name) for s in sentences
                if "\n" not in s.text and hash_half(s.corpus, s.doc, s.index) == split]
