"""presidio-evaluator's templates filled the way its `PresidioSentenceFaker` fills them.

`templates.py` fills every placeholder from one FakeNameGenerator identity (one format per
type). presidio-research's generator (`data_generator/presidio_sentence_faker.py` and
`faker_extensions/` in the wheel) takes a placeholder from the identity only when the
identity has it (name, first/last name, email, phone, city, country, birthday, age ...; the
first occurrence only) and fills every other one from Faker ``en_US`` with its own
providers: addresses in 16 weighted formats (``Apt.``/``Suite``, multi-line, PO boxes,
``PSC 1234, Box 5678 APO AA``, ``USNS Smith FPO AP``, "the corner of ..."), phones in 54
formats (``x123`` extensions, ``+1-``, ``001-``, dots, parentheses, UK, India, Swiss,
Swedish), credit cards of every brand, IPv4 and (one in five) IPv6, US driver licences of
every state's format, ages such as ``0.5`` or ``104``; 5 % of sentences are lowercased and
a fifth of full names carry a middle initial. This reader does the same with the wheel's
data files, and half of the sentences (odd ones) go without an identity at all (the
generator's ``records=None`` mode), so every type also comes from the providers. Beyond
the generator, IBANs come from several countries' Faker locales, not only ``en_US``'s GB.

Same split as `templates.py` (by template); each sentence is seeded on its own
(seed, half, index), so a sentence does not change when another is added.
"""
from __future__ import annotations

import csv
import datetime
import io
import random
import zipfile
from pathlib import Path
from typing import List, Optional, Tuple

import yaml
from faker import Faker

from tests.evaluation.presidio_templates import _PLACEHOLDER, _RAW, load
from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.templates import WheelCorpus, entity_type, halves

NAME = "presidio_faker"
LOWER_CASE_RATIO = 0.05
IBAN_LOCALES = ("en_US", "de_DE", "fr_FR", "nl_NL", "es_ES", "it_IT", "pl_PL", "en_GB",
                "fi_FI", "de_CH", "no_NO", "pt_PT")
# FakeNameGenerator columns renamed as `faker_extensions/datasets.py` renames them.
RECORD_KEYS = {
    "GivenName": "first_name", "Surname": "last_name", "StreetAddress": "street_name",
    "City": "city", "State": "state_abbr", "StateFull": "state", "ZipCode": "zipcode",
    "CountryFull": "country", "NameSet": "nationality", "Title": "prefix",
    "EmailAddress": "email", "TelephoneNumber": "phone_number", "Birthday": "date_of_birth",
    "Age": "age", "Occupation": "job", "Company": "company", "Domain": "domain_name",
}
ADDRESS_FORMATS = (  # `AddressProviderNew.address_formats`, with their weights
    ("{{building_number}} {{street_name}} {{secondary_address}} {{city}} {{state}}", 5),
    ("{{building_number}} {{street_name}} {{secondary_address}} {{city}} {{state_abbr}}", 5),
    ("{{building_number}} {{street_name}} {{secondary_address}} {{city}} {{country}}", 5),
    ("{{building_number}} {{street_name}}\n {{secondary_address}}\n {{city}}\n {{country}}", 5),
    ("{{building_number}} {{street_name}}\n {{secondary_address}}\n {{city}}\n {{country}} "
     "{{postcode}}", 5),
    ("{{street_name}} {{street_name}}\n {{secondary_address}}\n {{city}}\n {{country}} "
     "{{postcode}}", 5),
    ("the corner of {{street_name}} and {{street_name}}", 3),
    ("{{first_name}} and {{street_name}}", 3),
    ("{{street_address}}, {{city}}, {{country}}", 5),
    ("{{street_address}} {{secondary_address}}, {{city}}, {{country}} {{postcode}}", 5),
    ("{{street_address}}\n{{city}}, {{state_abbr}} {{postcode}}", 25),
    ("{{street_address}}\n{{city}}\n, {{state_abbr}}\n {{postcode}}", 25),
    ("{{street_address}}\n{{city}}\n, {{state_abbr}}\n {{country}} {{postcode}}", 25),
    ("{{military_apo}}\nAPO {{military_state}} {{postcode}}", 1),
    ("{{military_ship}} {{last_name}}\nFPO {{military_state}} {{postcode}}", 1),
    ("{{military_dpo}}\nDPO {{military_state}} {{postcode}}", 1),
)
PHONE_FORMATS = (  # `PhoneNumberProviderNew.formats`
    "##########", "##########", "###-###-####", "###-###-####", "###-#######",
    "07700 ### ###", "07700 ######", "07700######", "(07700) ### ###", "(07700) ######",
    "(07700)######", "+447700 ### ###", "+447700 ######", "+447700######",
    "+91##########", "0##########", "##########",
    *(f"+41 {d}# ### ## ##" for d in range(2, 10)),
    *(f"+41 (0){d}# ### ## ##" for d in range(2, 10)),
    "+46 (0)8 ### ### ##", "+46 (0)## ## ## ##", "+46 (0)### ### ##",
    "(###)###-####", "(###)###-####", "(###)###-####", "(###)###-####",
    "###.###.####", "###.###.####", "###-###-####x###", "###-###-####x####",
    "(###)###-####x###", "(###)###-####x####", "###.###.####x###", "###.###.####x####",
    "+1-###-###-####", "001-###-###-####", "+1-###-###-####x###",
)
AGE_FORMATS = (("%#", 0.8), ("%", 0.1), ("1.%", 0.02), ("2.%", 0.02), ("100", 0.02),
               ("101", 0.01), ("104", 0.01), ("0.%", 0.02))


_EPOCH = datetime.datetime(1940, 1, 1)
_SPAN = int((datetime.datetime(2025, 1, 1) - _EPOCH).total_seconds())
_DATES = {"date_time": str, "date_of_birth": lambda d: str(d.date()),
          "year": lambda d: str(d.year), "day_of_week": lambda d: d.strftime("%A")}


def wheel_data(wheel: Path) -> dict:
    """Templates, identities and the provider files of the wheel."""
    templates, people = load(wheel)
    with zipfile.ZipFile(wheel) as zf:
        def text(name):
            return zf.read(_RAW + name).decode("utf-8-sig")
        organizations = [r["organization"] for r in csv.DictReader(
            io.StringIO(text("companies_and_organizations.csv")), delimiter="\t")]
        nationalities = list(csv.DictReader(io.StringIO(text("nationalities.csv"))))
        licences = yaml.safe_load(text("us_driver_license_format.yaml"))
    return {"templates": templates, "people": people, "organizations": organizations,
            "nationalities": nationalities,
            "licences": licences["en"]["faker"]["driving_license"]["usa"]}


def record(person: dict, rng: random.Random) -> dict:
    """One identity keyed by the generator's placeholder names (`load_fake_person_df`)."""
    out = {new: person[old] for old, new in RECORD_KEYS.items() if person.get(old)}
    first, last = person["GivenName"], person["Surname"]
    if rng.random() > 0.2:
        full = f"{first} {last}"
    else:
        full = f"{first} {person['MiddleInitial']}{' ' if rng.random() > 0.5 else '. '}{last}"
    out["person"] = out["name"] = full
    gender = person.get("Gender")
    for g in ("female", "male"):
        if gender == g:
            out[f"first_name_{g}"], out[f"last_name_{g}"] = first, last
            out[f"prefix_{g}"] = person["Title"]
    return out


def locales() -> dict:
    return {locale: Faker(locale) for locale in IBAN_LOCALES}


class Filler:
    """Fills placeholders as the generator does: from the identity first, else Faker."""

    def __init__(self, data: dict, fakes: dict, seed) -> None:
        """``fakes``: one Faker per locale, shared (reseeded here)."""
        self.data, self.fakes, self.rng = data, fakes, random.Random(str(seed))
        self.fake = fakes["en_US"]
        self.fake.seed_instance(str(seed))

    def value(self, key: str) -> Tuple[str, List[Tuple[int, int, str]]]:
        """A provider's value and the typed spans inside it (the ZIP of an address)."""
        fake, rng = self.fake, self.rng
        if key == "address":
            return self.address()
        if key in ("person", "name"):
            return fake.name(), []
        if key == "phone_number":
            return fake.numerify(rng.choice(PHONE_FORMATS)), []
        if key == "ip_address":
            return (fake.ipv4() if rng.random() < 0.8 else fake.ipv6()), []
        if key == "iban":
            local = self.fakes[rng.choice(IBAN_LOCALES)]
            local.seed_instance(rng.random())
            return local.iban(), []
        if key == "age":
            fmt = rng.choices([f for f, _ in AGE_FORMATS], [w for _, w in AGE_FORMATS])[0]
            return fake.numerify(fmt), []
        if key == "us_driver_license":
            state = rng.choice(sorted(self.data["licences"]))
            return fake.bothify(rng.choice(self.data["licences"][state])), []
        if key in _DATES:  # Faker's own draw up to today's clock would not repeat
            when = _EPOCH + datetime.timedelta(seconds=rng.randrange(_SPAN))
            return _DATES[key](when), []
        if key in ("organization", "company"):
            return rng.choice(self.data["organizations"]), []
        if key.startswith("nation"):
            column = {"nation_man": "man", "nation_woman": "woman",
                      "nation_plural": "plural"}.get(key, "nationality")
            return rng.choice(self.data["nationalities"])[column], []
        return str(getattr(fake, key)()), []

    def address(self) -> Tuple[str, List[Tuple[int, int, str]]]:
        fmt = self.rng.choices([f for f, _ in ADDRESS_FORMATS],
                               [w for _, w in ADDRESS_FORMATS])[0]
        parts, spans, pos, last = [], [], 0, 0
        for m in _PLACEHOLDER.finditer(fmt):
            plain = fmt[last:m.start()]
            value = str(getattr(self.fake, m.group(1))())
            pos += len(plain)
            if m.group(1) == "postcode":
                spans.append((pos, pos + len(value), "ZIP"))
            parts += [plain, value]
            pos += len(value)
            last = m.end()
        parts.append(fmt[last:])
        return "".join(parts), spans


def fill(template: str, identity: Optional[dict], filler: Filler, doc: str,
         index: int) -> Sentence:
    """One sentence; ``identity`` None fills every placeholder from the providers."""
    identity = dict(identity or {})
    parts, entities, pos, last = [], [], 0, 0
    for m in _PLACEHOLDER.finditer(template):
        parts.append(template[last:m.start()])
        pos += m.start() - last
        key = m.group(1)
        if identity.get(key):
            value, inner = identity.pop(key), []
        else:
            value, inner = filler.value(key)
        kind = entity_type(key)
        if kind != "OTHER" and value.strip():
            entities.append(Entity(pos, pos + len(value), kind))
            entities += [Entity(pos + a, pos + b, t) for a, b, t in inner]
        parts.append(value)
        pos += len(value)
        last = m.end()
    parts.append(template[last:])
    text = "".join(parts)
    if filler.rng.random() < LOWER_CASE_RATIO:
        text = text.lower()
    return Sentence(NAME, doc, index, text, tuple(entities))


class PresidioFaker(WheelCorpus):
    name = NAME
    kind = ("presidio-evaluator's templates filled like its PresidioSentenceFaker "
            "(Faker providers: many phone, address, card, IP formats)")
    split_note = "by template (as presidio_templates), every labelled type in both halves"

    def load(self, root: Path, split: str) -> List[Sentence]:
        data = wheel_data(self._wheel())
        templates = data["templates"]
        mine = [(i, t) for (i, t), half in zip(enumerate(templates), halves(templates))
                if half == split]
        fakes, out = locales(), []
        for k in range(self.per_split):
            filler = Filler(data, fakes, f"{self.seed}:{split}:{k}")
            i, template = filler.rng.choice(mine)
            person = filler.rng.choice(data["people"])
            identity = record(person, filler.rng) if k % 2 == 0 else None
            out.append(fill(template, identity, filler, f"template-{i}", k))
        return out
