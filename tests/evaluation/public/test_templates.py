"""presidio-evaluator's templates as a corpus: spans right, split by template."""
import pytest
from faker import Faker

from tests.evaluation.public.templates import PresidioTemplates, fill, halves

COLUMNS = ("Title CountryFull EmailAddress Birthday Age Company Occupation").split()
PERSON = dict.fromkeys(COLUMNS, "x") | {
    "GivenName": "Ana", "Surname": "Lima", "StreetAddress": "12 Oak St",
    "City": "Springfield", "State": "IL", "ZipCode": "62704",
    "TelephoneNumber": "217-555-0147", "Occupation": "Nurse"}


def test_every_placeholder_becomes_an_entity_and_the_zip_inside_an_address_too():
    s = fill("Send {{first_name}} {{last_name}} the card at {{address}} or call "
             "{{phone_number}}, {{job}}", PERSON, Faker("en_US"), "template-0", 0)
    found = [(s.text[e.start:e.end], e.type) for e in s.entities]
    assert found == [("Ana", "PERSON"), ("Lima", "PERSON"),
                     ("12 Oak St, Springfield, IL 62704", "ADDRESS"), ("62704", "ZIP"),
                     ("217-555-0147", "PHONE")]


@pytest.fixture(scope="module")
def corpus():
    c = PresidioTemplates(per_split=200)
    if c.missing(None):
        pytest.skip(c.missing(None))
    return c


def test_tune_and_heldout_use_different_templates_and_are_deterministic(corpus):
    tune, heldout = corpus.load(None, "tune"), corpus.load(None, "heldout")
    assert len(tune) == len(heldout) == 200
    assert {s.doc for s in tune}.isdisjoint({s.doc for s in heldout})
    assert [s.text for s in corpus.load(None, "heldout")] == [s.text for s in heldout]
    assert any(e.type == "PERSON" for s in heldout for e in s.entities)


def test_every_type_is_in_both_halves_and_a_rare_one_goes_to_heldout_first():
    templates = ["a {{iban}} b", "c {{person}}", "d {{person}}", "e {{iban}} {{person}}",
                 "f {{ssn}}", "g"]
    got = halves(templates)
    assert got[4] == "heldout"  # the only SSN template
    for kind in ("iban", "person"):
        assert {got[i] for i, t in enumerate(templates) if kind in t} == {"tune", "heldout"}
