"""InLegalNER (OpenNyAI, Apache-2.0): Indian court judgments, a spaCy ``DocBin``.

Each doc is a judgment sentence or a whole preamble (court, parties, lawyers, judges; PDF
layout, runs of spaces and line breaks kept). ``JUDGE``, ``LAWYER``, ``WITNESS`` and
``OTHER_PERSON`` are PERSON. ``PETITIONER`` and ``RESPONDENT`` name a party, a person or
not ("State Of Gujarat", "Oriental Insurance Co Ltd.", "District Collector, Thiruvallur"):
a party is PERSON only when it looks like a name (no digit, comma or line break, no word of
an institution or office); every other labelled span (court, statute, date ...) is OTHER.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import List

from tests.evaluation.public.sentence import Entity, Sentence

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
stores foundation institute centre center
""".split())
_WORD = re.compile(r"[\w/]+")


def is_person_party(text: str) -> bool:
    """A party named like a person: no digit, comma or line break, no institution word."""
    if any(c.isdigit() for c in text) or "," in text or "\n" in text:
        return False
    return not any(w.lower() in INSTITUTION for w in _WORD.findall(text))


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
        entities = tuple(Entity(e.start_char, e.end_char, entity_type(e.label_, e.text))
                         for e in doc.ents)
        out.append(Sentence(corpus, Path(path).name, i, doc.text, entities))
    return out
