"""Labelled evaluation corpus: contact-center conversations with gold spans (seeded Faker).

Chat and email conversations are written as people type; voice transcripts are written
as speech recognition outputs them: lowercase, little punctuation, digits and emails
spoken out ("four one five ...", "jane dot doe at example dot com"), names uncapitalised.
PII is planted in the transcript, the agent notes and nested custom fields; every planted
value is recorded with its field, offsets and type. Ordinary domain words that must
survive are recorded too.
"""
from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path
from typing import Dict, List, Tuple

from faker import Faker

LOCALES = ("en_US", "en_GB", "en_IN", "fr_FR", "de_DE", "es_ES")
DIGITS = "zero one two three four five six seven eight nine".split()
ORDINARY = ("claim premium renewal coverage deductible invoice refund billing statement "
            "cancellation quote payment schedule upgrade subscription delivery warranty "
            "appointment technician outage router balance transfer").split()
FILLERS = [
    "i wanted to ask about the {w1} and the {w2} on my account",
    "the {w1} looks different from last month and i am not sure why",
    "could you explain the {w1} before we talk about the {w2}",
    "thanks for waiting while i check the {w1} details in our system",
    "your {w1} has been updated and the {w2} will follow shortly",
]
TYPES = ("PERSON", "EMAIL", "PHONE", "SSN", "CREDIT_CARD", "IBAN", "POLICY_ID",
         "CUSTOMER_ID", "ADDRESS", "DOB", "SESSION_TOKEN", "URL_TOKEN")


@dataclasses.dataclass
class Gold:
    conversation_id: str
    field: str  # transcript_text | notes | custom_data_fields.<key>
    start: int
    end: int
    type: str
    value: str  # the planted surface text


@dataclasses.dataclass
class Conversation:
    record: dict
    gold: List[Gold]
    ordinary: List[str]  # ordinary words planted (must survive)
    style: str  # chat | email | voice


def spell_digits(digits: str, rng: random.Random) -> str:
    words, i = [], 0
    while i < len(digits):
        d = digits[i]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.3:
            words.append(f"double {DIGITS[int(d)]}")
            i += 2
            continue
        words.append("oh" if d == "0" and rng.random() < 0.3 else DIGITS[int(d)])
        i += 1
    return " ".join(words)


def spell_email(email: str) -> str:
    local, domain = email.split("@")
    spoken = lambda part: (part.replace(".", " dot ").replace("_", " underscore ")
                           .replace("-", " dash "))
    return f"{spoken(local)} at {spoken(domain)}"


class _Builder:
    """Builds one text from plain pieces and labelled values, recording gold offsets."""

    def __init__(self, cid: str, field: str):
        self.cid, self.field, self.parts, self.gold, self.length = cid, field, [], [], 0

    def add(self, text: str, label: str = None, value_type: str = None) -> "_Builder":
        if label:
            self.gold.append(Gold(self.cid, self.field, self.length, self.length + len(text),
                                  value_type or label, text))
        self.parts.append(text)
        self.length += len(text)
        return self

    def text(self) -> str:
        return "".join(self.parts)


def _phone_written(fake: Faker, rng: random.Random, locale: str) -> Tuple[str, str]:
    """(written form, 10+ digits) of a phone number typical for the locale."""
    if locale in ("en_GB",):
        digits = "20" + str(rng.randint(70000000, 79999999))
        return rng.choice([f"+44 {digits[:2]} {digits[2:6]} {digits[6:]}",
                           f"0{digits[:2]} {digits[2:6]} {digits[6:]}"]), "44" + digits
    if locale == "fr_FR":
        digits = "6" + str(rng.randint(10000000, 99999999))
        return rng.choice([f"+33 {digits[0]} {digits[1:3]} {digits[3:5]} {digits[5:7]} "
                           f"{digits[7:]}", f"0{digits[0]} {digits[1:3]} {digits[3:5]} "
                           f"{digits[5:7]} {digits[7:]}"]), "33" + digits
    a, b, c = rng.randint(201, 989), rng.randint(200, 989), rng.randint(1000, 9999)
    return rng.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}",
                       f"{a}{b}{c}"]), f"1{a}{b}{c}"


def _dob(fake: Faker, rng: random.Random, voice: bool) -> str:
    d = fake.date_of_birth(minimum_age=18, maximum_age=90)
    if voice:
        return rng.choice([d.strftime("%B %d %Y").lower(), d.strftime("%m %d %Y"),
                           d.strftime("the %d of %B %Y").lower()])
    return rng.choice([d.strftime("%m/%d/%Y"), d.strftime("%B %d, %Y"),
                       d.strftime("%d %B %Y"), d.isoformat()])


def make_conversation(i: int, rng: random.Random, fakers: Dict[str, Faker]) -> Conversation:
    cid = f"eval-{i:05d}"
    locale = rng.choice(LOCALES)
    fake = fakers[locale]
    style = rng.choice(["chat", "email", "voice", "voice"])
    voice = style == "voice"
    first, last = fake.first_name(), fake.last_name()
    name = f"{first} {last}"
    email = f"{first}.{last}{rng.randint(1, 99)}@{fakers['en_US'].free_email_domain()}".lower()
    email = email.replace(" ", "").replace("'", "")
    phone, phone_digits = _phone_written(fake, rng, locale)
    ssn = fakers["en_US"].ssn()
    card = fakers["en_US"].credit_card_number(card_type=rng.choice(["visa16", "mastercard"]))
    iban = fake.iban() if hasattr(fake, "iban") else fakers["en_GB"].iban()
    policy = rng.choice(["POL", "ACCT"]) + "-" + str(rng.randint(10**7, 10**11))
    customer = f"CUST_{rng.randint(10000, 999999)}"
    address = fakers["en_US"].street_address() + ", " + fakers["en_US"].city()
    token = "sess_" + fake.sha1()[:rng.randint(16, 28)]
    url = (f"https://{rng.choice(['recordings', 'media', 'calls'])}.acme-cc.example/"
           f"{rng.choice(['r', 'play', 'v'])}/{cid}?{rng.choice(['token', 'sig', 'X-Amz-Signature'])}"
           f"={fake.sha256()[:32]}")
    ordinary = []

    def filler(b: _Builder) -> None:
        w1, w2 = rng.sample(ORDINARY, 2)
        template = rng.choice(FILLERS)
        ordinary.extend([w1] + ([w2] if "{w2}" in template else []))
        b.add(template.format(w1=w1, w2=w2))

    if locale == "fr_FR" and style != "voice" and rng.random() < 0.8:
        return _french(cid, i, rng, fake, name, first, email, phone, iban, policy, customer,
                       token, url, style)
    t = _Builder(cid, "transcript_text")
    sep = "\n" if not voice else " "
    cap = (lambda s: s) if not voice else (lambda s: s.lower())
    say_phone = spell_digits(phone_digits[-10:], rng) if voice else phone
    say_email = spell_email(email) if voice else email
    say_card = spell_digits(card, rng) if voice and rng.random() < 0.5 else card
    say_ssn = spell_digits(ssn.replace("-", ""), rng) if voice and rng.random() < 0.5 else ssn

    t.add("agent: ")
    filler(t)
    t.add(sep + "customer: " + cap("hi, my name is ") if not voice else sep + "customer: my name is ")
    t.add(cap(name) if voice else name, "PERSON")
    t.add(cap(" and my policy number is ") if voice else " and my policy number is ")
    t.add(policy.lower() if voice else policy, "POLICY_ID")
    t.add(sep + "agent: can you confirm the phone number on the account" + ("" if voice else "?"))
    t.add(sep + "customer: yes it's ")
    t.add(say_phone, "PHONE")
    t.add(sep + "customer: and my email is ")
    t.add(say_email, "EMAIL")
    t.add(sep + "agent: ")
    filler(t)
    t.add(sep + "agent: for verification what is your date of birth" + ("" if voice else "?"))
    t.add(sep + "customer: ")
    t.add(_dob(fake, rng, voice), "DOB")
    if rng.random() < 0.7:
        t.add(sep + "customer: i live at ")
        t.add(address.lower() if voice else address, "ADDRESS")
    if rng.random() < 0.6:
        t.add(sep + "customer: my social security number is ")
        t.add(say_ssn, "SSN")
    if rng.random() < 0.6:
        t.add(sep + "customer: the card number is ")
        t.add(say_card, "CREDIT_CARD")
    if rng.random() < 0.5:
        t.add(sep + "customer: please send the refund to my account ")
        t.add(iban, "IBAN")
    if rng.random() < 0.5:
        t.add(sep + "customer: my customer number is ")
        t.add(customer.lower() if voice else customer, "CUSTOMER_ID")
    t.add(sep + "agent: ")
    filler(t)
    t.add(sep + f"agent: thanks {'' if voice else ''}")
    t.add(first.lower() if voice else first, "PERSON")
    t.add(" have a good day" if voice else ", have a good day.")

    n = _Builder(cid, "notes")
    n.add("Customer ").add(name, "PERSON").add(" called about ").add(policy, "POLICY_ID")
    n.add(". Callback ").add(phone, "PHONE").add(". Session ").add(token, "SESSION_TOKEN")
    n.add(" closed; recording ").add(url, "URL_TOKEN").add(" . ")
    filler(n)

    c = _Builder(cid, "custom_data_fields.callback_note")
    c.add("reach ").add(first, "PERSON").add(" at ").add(email, "EMAIL").add(" after 5pm")

    record = {
        "conversation_id": cid, "start_time": f"2026-04-{1 + i % 28:02d}T09:00:00Z",
        "channel": style, "customerID": customer, "phoneNumber": phone,
        "emailAddress": rng.choice([email, email.upper(), f" {email} "]),
        "transcript_text": t.text(), "notes": n.text(),
        "custom_data_fields": {"callback_note": c.text(), "tags": ["eval"]},
        "recording_url": url, "agent_session_token": token,
        "sentiment_score": round(rng.uniform(-1, 1), 2)}
    return Conversation(record, t.gold + n.gold + c.gold, ordinary, style)


FR_FILLERS = [
    "je voudrais comprendre la {w1} de ce mois-ci",
    "merci de patienter pendant que je vérifie votre {w1}",
    "votre {w1} a été mise à jour et la confirmation suivra",
]
FR_ORDINARY = "facture résiliation garantie remboursement abonnement livraison".split()


def _french(cid, i, rng, fake, name, first, email, phone, iban, policy, customer, token, url,
            style) -> Conversation:
    """A French chat or email; half of them say so in a `language` field."""
    ordinary = []

    def filler(b: _Builder) -> None:
        word = rng.choice(FR_ORDINARY)
        ordinary.append(word)
        b.add(rng.choice(FR_FILLERS).format(w1=word))

    t = _Builder(cid, "transcript_text")
    t.add("agent : bonjour, ")
    filler(t)
    t.add("\nclient : bonjour, je m'appelle ").add(name, "PERSON")
    t.add(" et mon numéro de contrat est ").add(policy, "POLICY_ID")
    t.add(".\nagent : pouvez-vous confirmer votre numéro de téléphone ?\nclient : oui, c'est le ")
    t.add(phone, "PHONE").add(" et mon adresse e-mail est ").add(email, "EMAIL")
    t.add(".\nclient : merci de rembourser sur le compte ").add(iban, "IBAN")
    t.add(".\nagent : ")
    filler(t)
    t.add("\nagent : merci ").add(first, "PERSON").add(", bonne journée.")
    n = _Builder(cid, "notes")
    n.add("Client ").add(name, "PERSON").add(" a appelé pour ").add(policy, "POLICY_ID")
    n.add(". Rappel au ").add(phone, "PHONE").add(". Session ").add(token, "SESSION_TOKEN")
    n.add(" fermée ; enregistrement ").add(url, "URL_TOKEN").add(" .")
    c = _Builder(cid, "custom_data_fields.callback_note")
    c.add("joindre ").add(first, "PERSON").add(" à ").add(email, "EMAIL").add(" après 17h")
    record = {
        "conversation_id": cid, "start_time": f"2026-04-{1 + i % 28:02d}T09:00:00Z",
        "channel": style, "customerID": customer, "phoneNumber": phone, "emailAddress": email,
        "transcript_text": t.text(), "notes": n.text(),
        "custom_data_fields": {"callback_note": c.text(), "tags": ["eval"]},
        "recording_url": url, "agent_session_token": token, "sentiment_score": 0.0}
    if rng.random() < 0.5:
        record["language"] = rng.choice(["fr", "fr-FR"])
    return Conversation(record, t.gold + n.gold + c.gold, ordinary, "french")


def make_eval_corpus(n: int = 300, seed: int = 2026) -> List[Conversation]:
    rng = random.Random(seed)
    fakers = {}
    for k, locale in enumerate(LOCALES):
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(seed + k)
    return [make_conversation(i, rng, fakers) for i in range(n)]


def write(conversations: List[Conversation], path: Path) -> Path:
    with open(path, "w") as fh:
        for conv in conversations:
            fh.write(json.dumps(conv.record, ensure_ascii=False) + "\n")
    return path
