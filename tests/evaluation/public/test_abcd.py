"""ABCD: turns labelled by the scenario's values, a whole conversation per record."""
import gzip
import json

from tests.evaluation.public.abcd import Abcd
from tests.evaluation.public.evaluate import build_records

CONVO = {
    "convo_id": 7, "scenario": {
        "personal": {"customer_name": "crystal minh", "email": "cminh730@email.com",
                     "phone": "(977) 625-2661", "username": "cminh730"},
        "order": {"street_address": "6821 1st ave",
                  "full_address": "6821 1st ave  san mateo, ny 75227",
                  "city": "san mateo", "zip_code": "75227"}},
    "original": [["agent", "May I have your name?"], ["customer", "Crystal Minh"],
                 ["action", "Account has been pulled up for Crystal Minh."],
                 ["agent", "Thanks Crystal. Your email and phone?"],
                 ["customer", "cminh730@email.com, 977.625.2661"],
                 ["customer", "Ship to 6821 1st Ave San Mateo, NY 75227 please"],
                 ["customer", "zip is 75227"]]}


def test_turns_are_labelled_with_the_scenario_values(tmp_path):
    (tmp_path / "abcd").mkdir()
    with gzip.open(tmp_path / "abcd" / "abcd_v1.1.json.gz", "wt") as fh:
        json.dump({"train": [], "dev": [], "test": [CONVO]}, fh)
    corpus = Abcd()
    assert corpus.missing(tmp_path) is None and corpus.load(tmp_path, "tune") == []
    turns = corpus.load(tmp_path, "heldout")
    found = [[(s.text[e.start:e.end], e.type) for e in s.entities] for s in turns]
    assert [s.text.split(":")[0] for s in turns] == ["agent", "customer", "agent", "customer",
                                                    "customer", "customer"]
    assert found == [
        [], [("Crystal Minh", "PERSON")], [("Crystal", "PERSON")],
        [("cminh730@email.com", "EMAIL"), ("977.625.2661", "PHONE")],
        [("6821 1st Ave San Mateo, NY 75227", "ADDRESS"), ("San Mateo", "LOCATION"),
         ("75227", "ZIP")],
        [("75227", "ZIP")]]
    records, _ = build_records(tmp_path, ["abcd"], ["heldout"], ["written"], 2)
    assert len(records) == 1 and records[0].text.count("\n") == 5  # whole, despite limit 2


def test_abcd_absent_is_skipped_with_a_reason(tmp_path):
    assert "abcd_v1.1.json.gz" in Abcd().missing(tmp_path)
