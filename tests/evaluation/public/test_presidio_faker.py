"""presidio-evaluator's templates filled like its PresidioSentenceFaker: identity first,
Faker providers for the rest, spans right, split by template, deterministic."""
import random
import re

import pytest

from tests.evaluation.public.presidio_faker import (
    Filler, PresidioFaker, fill, locales, record, wheel_data)

PERSON = {"GivenName": "Ana", "Surname": "Lima", "MiddleInitial": "K", "Gender": "female",
          "Title": "Mrs.", "StreetAddress": "12 Oak St", "City": "Springfield",
          "State": "IL", "ZipCode": "62704", "TelephoneNumber": "217-555-0147"}


@pytest.fixture(scope="module")
def corpus():
    c = PresidioFaker(per_split=1000)
    if c.missing(None):
        pytest.skip(c.missing(None))
    return c


@pytest.fixture(scope="module")
def data(corpus):
    return wheel_data(corpus._wheel())


def test_a_placeholder_comes_from_the_identity_once_then_from_the_providers(data):
    filler = Filler(data, locales(), "t")
    identity = record(PERSON, random.Random(1))
    s = fill("{{first_name}} met {{first_name}}; call {{phone_number}} or {{phone_number}}",
             identity, filler, "template-0", 0)
    found = [(s.text[e.start:e.end], e.type) for e in s.entities]
    assert found[0] == ("Ana", "PERSON") and found[2] == ("217-555-0147", "PHONE")
    assert found[1][0] != "Ana" and found[3][0] != "217-555-0147"
    assert [t for _, t in found] == ["PERSON", "PERSON", "PHONE", "PHONE"]


def test_the_zip_inside_a_generated_address_is_labelled_at_its_end(data):
    fakes, zips = locales(), 0
    for seed in range(60):
        s = fill("Send it to {{address}} please", None, Filler(data, fakes, seed), "d", 0)
        spans = {e.type: s.text[e.start:e.end] for e in s.entities}
        if "ZIP" in spans:
            zips += 1
            assert spans["ADDRESS"].endswith(spans["ZIP"]) and spans["ZIP"].isdigit()
    assert zips > 10


def test_the_corpus_carries_the_providers_formats(corpus):
    texts = [(s.text[e.start:e.end], e.type) for s in corpus.load(None, "tune")
             for e in s.entities]
    phones = [v for v, t in texts if t == "PHONE"]
    assert any("x" in v for v in phones) or any(v.startswith(("+", "001-", "(")) for v in phones)
    ips = [v for v, t in texts if t == "IP_ADDRESS"]
    assert any(":" in v for v in ips) and any(re.fullmatch(r"[\d.]+", v) for v in ips)
    assert len({v[:2] for v, t in texts if t == "IBAN"}) > 1


def test_tune_and_heldout_use_different_templates_and_are_deterministic(corpus):
    tune, heldout = corpus.load(None, "tune"), corpus.load(None, "heldout")
    assert len(tune) == len(heldout) == 1000
    assert {s.doc for s in tune}.isdisjoint({s.doc for s in heldout})
    assert [s.text for s in corpus.load(None, "heldout")] == [s.text for s in heldout]
    for s in tune + heldout:
        assert all(0 <= e.start < e.end <= len(s.text) for e in s.entities)
