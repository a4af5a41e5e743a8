"""Presidio-evaluator's own sentence templates and fake identities, read from its wheel.

`make setup` downloads (does not install) presidio-evaluator's wheel into
`.venv/eval-data`; this module reads `templates.txt` and `FakeNameGenerator.com_3000.csv`
from it offline and fills the templates into labelled sentences, so hushbeam can be scored
on the same kind of data as Presidio's published evaluation.
"""
from __future__ import annotations

import csv
import io
import random
import re
import sys
import zipfile
from pathlib import Path
from typing import List, Optional

from faker import Faker

from tests.evaluation.corpus import Conversation, Gold

_RAW = "presidio_evaluator/data_generator/raw_data/"
_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")
TYPES = {
    "person": "PERSON", "name": "PERSON", "name_female": "PERSON", "name_male": "PERSON",
    "first_name": "PERSON", "first_name_male": "PERSON", "first_name_female": "PERSON",
    "first_name_nonbinary": "PERSON", "last_name": "PERSON", "last_name_male": "PERSON",
    "last_name_female": "PERSON", "email": "EMAIL", "phone_number": "PHONE",
    "credit_card_number": "CREDIT_CARD", "iban": "IBAN", "ssn": "SSN",
    "date_of_birth": "DOB", "address": "ADDRESS", "street_name": "STREET",
    "building_number": "STREET", "secondary_address": "STREET", "city": "LOCATION",
    "country": "LOCATION", "state_abbr": "LOCATION", "postcode": "LOCATION",
    "zipcode": "LOCATION", "organization": "ORGANIZATION", "us_driver_license": "OTHER_ID",
    "ip_address": "OTHER_ID",
}


def find_wheel(root: Path) -> Optional[Path]:
    """The wheel under ``root/.venv/eval-data``, else under the running venv's."""
    for base in (Path(root) / ".venv", Path(sys.prefix)):
        found = sorted(base.glob("eval-data/presidio_evaluator-*.whl"))
        if found:
            return found[-1]
    return None


def load(wheel: Path):
    with zipfile.ZipFile(wheel) as zf:
        templates = [t.strip().replace("\\n", "\n").replace("\\,", ",")
                     for t in zf.read(_RAW + "templates.txt").decode("utf-8-sig").splitlines()
                     if t.strip()]
        people = list(csv.DictReader(io.StringIO(zf.read(
            _RAW + "FakeNameGenerator.com_3000.csv").decode("utf-8-sig"))))
    return templates, people


def _value(key: str, person: dict, fake: Faker) -> str:
    p = person
    table = {
        "person": f"{p['GivenName']} {p['Surname']}", "name": f"{p['GivenName']} {p['Surname']}",
        "first_name": p["GivenName"], "last_name": p["Surname"],
        "address": f"{p['StreetAddress']}, {p['City']}, {p['State']} {p['ZipCode']}",
        "city": p["City"], "country": p["CountryFull"], "state_abbr": p["State"],
        "postcode": p["ZipCode"], "zipcode": p["ZipCode"], "email": p["EmailAddress"],
        "phone_number": p["TelephoneNumber"], "date_of_birth": p["Birthday"],
        "age": p["Age"], "organization": p["Company"], "job": p["Occupation"],
        "prefix": p["Title"], "prefix_male": "Mr.", "prefix_female": "Mrs.",
    }
    if key in table:
        return table[key]
    if key.startswith(("name_", "first_name_", "last_name_")):
        return p["Surname"] if key.startswith("last") else p["GivenName"]
    generators = {"credit_card_number": fake.credit_card_number, "iban": fake.iban,
                  "ssn": fake.ssn, "street_name": fake.street_name,
                  "building_number": fake.building_number,
                  "secondary_address": fake.secondary_address, "year": fake.year,
                  "url": fake.url, "ip_address": fake.ipv4, "date_time": fake.date,
                  "day_of_week": fake.day_of_week, "nationality": lambda: "French",
                  "nation_woman": lambda: "Frenchwoman", "nation_plural": lambda: "French",
                  "us_driver_license": lambda: f"D{fake.random_number(digits=7, fix_len=True)}"}
    return str(generators.get(key, fake.word)())


def template_corpus(wheel: Path, n: int = 300, seed: int = 2026) -> List[Conversation]:
    templates, people = load(wheel)
    rng, fake = random.Random(seed), Faker("en_US")
    fake.seed_instance(seed)
    out = []
    for i in range(n):
        template, person = rng.choice(templates), rng.choice(people)
        cid = f"tpl-{i:05d}"
        parts, gold, pos, last = [], [], 0, 0
        for m in _PLACEHOLDER.finditer(template):
            plain = template[last:m.start()]
            parts.append(plain)
            pos += len(plain)
            value = _value(m.group(1), person, fake)
            kind = TYPES.get(m.group(1), "OTHER")
            if kind != "OTHER":
                gold.append(Gold(cid, "transcript_text", pos, pos + len(value), kind, value))
            parts.append(value)
            pos += len(value)
            last = m.end()
        parts.append(template[last:])
        record = {"conversation_id": cid, "channel": "chat",
                  "transcript_text": "".join(parts), "notes": "", "custom_data_fields": {}}
        out.append(Conversation(record, gold, [], "template"))
    return out
