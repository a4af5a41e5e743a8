"""presidio-evaluator's sentence templates filled with its fake identities, as a corpus.

The templates are split by template: a template is either tune or heldout, so the heldout
figures come from sentence shapes never looked at while tuning. Templates are grouped by
their rarest labelled type (IBAN, SSN and IP address have two or three templates each),
ordered by a hash of their line within a group and dealt alternately, heldout first, so
that every type is in both halves. Each placeholder becomes a labelled entity; the ZIP code inside a full
address is labelled again on its own.
"""
from __future__ import annotations

import collections
import random
from pathlib import Path
from typing import List, Optional

from faker import Faker

from tests.evaluation.presidio_templates import _PLACEHOLDER, _value, find_wheel, load
from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.split import SPLITS, stable_hash

NAME = "presidio_templates"
SENTENCES_PER_SPLIT = 2000
TYPES = {
    "person": "PERSON", "name": "PERSON", "first_name": "PERSON", "last_name": "PERSON",
    "address": "ADDRESS", "street_name": "ADDRESS", "building_number": "ADDRESS",
    "secondary_address": "ADDRESS", "phone_number": "PHONE", "email": "EMAIL",
    "credit_card_number": "CREDIT_CARD", "iban": "IBAN", "ssn": "SSN",
    "ip_address": "IP_ADDRESS", "postcode": "ZIP", "zipcode": "ZIP", "city": "LOCATION",
    "country": "LOCATION", "state_abbr": "LOCATION", "date_of_birth": "DATE_OF_BIRTH",
    "age": "AGE", "us_driver_license": "DRIVER_LICENSE", "organization": "ORGANIZATION",
}


def entity_type(placeholder: str) -> str:
    if placeholder.startswith(("name_", "first_name_", "last_name_")):
        return "PERSON"
    return TYPES.get(placeholder, "OTHER")


def fill(template: str, person: dict, fake: Faker, doc: str, index: int) -> Sentence:
    parts, entities, pos, last = [], [], 0, 0
    for m in _PLACEHOLDER.finditer(template):
        parts.append(template[last:m.start()])
        pos += m.start() - last
        key = m.group(1)
        value = _value(key, person, fake)
        kind = entity_type(key)
        if kind not in ("OTHER",) and value.strip():
            entities.append(Entity(pos, pos + len(value), kind))
            if key == "address" and value.endswith(person["ZipCode"]):
                entities.append(Entity(pos + len(value) - len(person["ZipCode"]),
                                       pos + len(value), "ZIP"))
        parts.append(value)
        pos += len(value)
        last = m.end()
    parts.append(template[last:])
    return Sentence(NAME, doc, index, "".join(parts), tuple(entities))


def halves(templates: List[str]) -> List[str]:
    """The half (tune | heldout) of each template."""
    kinds = [sorted({entity_type(k) for k in _PLACEHOLDER.findall(t)} - {"OTHER"})
             for t in templates]
    count = collections.Counter(k for ks in kinds for k in ks)
    groups = collections.defaultdict(list)
    for i, ks in enumerate(kinds):
        groups[min(ks, key=lambda k: (count[k], k)) if ks else ""].append(i)
    out = [""] * len(templates)
    for members in groups.values():
        members.sort(key=lambda i: stable_hash(NAME, "templates.txt", i))
        for n, i in enumerate(members):
            out[i] = SPLITS[1 - n % 2]
    return out


class WheelCorpus:
    """A corpus made from presidio-evaluator's wheel: ``per_split`` sentences per half,
    drawn with ``seed``."""

    def __init__(self, wheel: Optional[Path] = None, seed: int = 2026,
                 per_split: int = SENTENCES_PER_SPLIT):
        self.wheel, self.seed, self.per_split = wheel, seed, per_split

    def _wheel(self) -> Optional[Path]:
        return self.wheel or find_wheel(Path(__file__).resolve().parents[3])

    def missing(self, root: Path) -> Optional[str]:
        return None if self._wheel() else \
            "presidio-evaluator's wheel not under .venv/eval-data (run `make setup`)"


class PresidioTemplates(WheelCorpus):
    name = NAME
    kind = "presidio-evaluator's templates and fake identities (Presidio-style sentences)"
    split_note = "by template, every labelled type in both halves"

    def load(self, root: Path, split: str) -> List[Sentence]:
        templates, people = load(self._wheel())
        mine = [(i, t) for (i, t), half in zip(enumerate(templates), halves(templates))
                if half == split]
        rng = random.Random(f"{self.seed}:{split}")
        fake = Faker("en_US")
        fake.seed_instance(self.seed)
        out = []
        for k in range(self.per_split):
            i, template = rng.choice(mine)
            out.append(fill(template, rng.choice(people), fake, f"template-{i}", k))
        return out
