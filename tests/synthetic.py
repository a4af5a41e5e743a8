"""Seeded synthetic contact-center conversations with every planted value recorded.

Used by the end-to-end tests and the benchmark. Customers recur across conversations
with their email and phone written differently each time, so tests can check that one
customer keeps one pseudonym.
"""
from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path
from typing import Dict, List

from faker import Faker

FILLER = ("thanks for your patience while I check the claim status on our system "
          "the renewal premium changed because the coverage limit was updated last month "
          "please allow three business days for the refund to appear").split()


@dataclasses.dataclass
class Customer:
    name: str
    email: str
    phone_digits: str  # ten digits, US
    customer_id: str


@dataclasses.dataclass
class Corpus:
    records: List[dict]
    customer_of: Dict[str, int]  # conversation_id -> customer index
    planted: Dict[str, List[str]]  # kind -> raw values that must never be in the output
    customers: List[Customer]

    def write_jsonl(self, path: Path) -> Path:
        with open(path, "w") as fh:
            for record in self.records:
                fh.write(json.dumps(record) + "\n")
        return path


def phone_formats(d: str) -> List[str]:
    a, b, c = d[:3], d[3:6], d[6:]
    return [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}",
            f"{a}{b}{c}", f"+1{a}{b}{c}", f"1-{a}-{b}-{c}"]


def email_formats(e: str) -> List[str]:
    return [e, e.upper(), f"  {e} ", e.capitalize(), e.title()]


def _phone(rng: random.Random) -> str:
    return f"{rng.randint(201, 989)}{rng.randint(200, 989)}{rng.randint(1000, 9999)}"


def make_corpus(n: int = 300, seed: int = 7, n_customers: int = 60) -> Corpus:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    fake_gb = Faker("en_GB")
    fake_gb.seed_instance(seed)
    rng = random.Random(seed)
    customers = []
    for i in range(n_customers):
        first, last = fake.first_name(), fake.last_name()
        customers.append(Customer(
            name=f"{first} {last}",
            email=f"{first}.{last}{i}@{fake.free_email_domain()}".lower(),
            phone_digits=_phone(rng), customer_id=f"CUST_{100000 + i * 37}"))
    planted: Dict[str, List[str]] = {k: [] for k in (
        "email", "phone", "customer_id", "ssn", "card", "iban", "policy_id", "token",
        "signed_url")}
    records, customer_of = [], {}
    for i in range(n):
        idx = rng.randrange(n_customers)
        cust = customers[idx]
        cid = f"conv-{i:05d}"
        customer_of[cid] = idx
        channel = rng.choice(["voice", "chat", "email"])
        phone_col = rng.choice(phone_formats(cust.phone_digits))
        phone_txt = rng.choice(phone_formats(cust.phone_digits))
        email_col = rng.choice(email_formats(cust.email))
        ssn, card = fake.ssn(), fake.credit_card_number(card_type="visa16")
        iban = fake_gb.iban()
        policy_id = rng.choice(["POL", "ACCT"]) + "-" + str(rng.randint(10**9, 10**10 - 1))
        token = "sess_" + fake.sha1()[:24]
        signed = (f"https://recordings.example-cc.com/calls/{cid}.wav?X-Amz-Signature="
                  f"{fake.sha256()[:40]}&X-Amz-Expires=3600")
        filler = " ".join(FILLER)
        lines = [
            f"agent: thank you for calling, {filler}",
            f"customer: hi, this is {cust.name} and my policy is {policy_id}",
            f"agent: can you confirm your phone number? customer: it's {phone_txt}",
            f"customer: my email is {cust.email}",
            f"customer: my social security number is {ssn}",
            f"customer: the card is {card}",
            f"customer: please refund to IBAN {iban}",
            f"agent: here is the recording {signed}",
        ]
        notes = (f"Customer {cust.name} called about {policy_id}; callback {phone_txt}. "
                 f"Session {token} closed.")
        records.append({
            "conversation_id": cid, "start_time": f"2026-03-{1 + i % 28:02d}T10:00:00Z",
            "channel": channel, "customerID": cust.customer_id, "phoneNumber": phone_col,
            "emailAddress": email_col, "transcript_text": "\n".join(lines), "notes": notes,
            "custom_data_fields": {"callback": {"number": phone_txt},
                                   "tags": ["claims", "follow-up"]},
            "recording_url": signed, "media_link": f"https://media.example-cc.com/{cid}",
            "agent_session_token": token, "sentiment_score": round(rng.uniform(-1, 1), 2)})
        planted["email"] += [cust.email, email_col.strip()]
        planted["phone"] += [phone_col, phone_txt]
        planted["customer_id"].append(cust.customer_id)
        planted["ssn"].append(ssn)
        planted["card"].append(card)
        planted["iban"].append(iban)
        planted["policy_id"].append(policy_id)
        planted["token"].append(token)
        planted["signed_url"].append(signed)
    return Corpus(records, customer_of, planted, customers)
