"""The evaluation harness end to end on a small corpus: the real pipeline, scored.

Quality floors here are behaviour (what must never leak), checked on a small seeded
corpus; the full figures come from `make eval` and are in the README.
"""
import pytest

from tests.evaluation.corpus import make_eval_corpus
from tests.evaluation.run import evaluate
from tests.evaluation.score import leaked

STRUCTURED = ("EMAIL", "PHONE", "SSN", "CREDIT_CARD", "IBAN", "POLICY_ID", "CUSTOMER_ID",
              "SESSION_TOKEN", "URL_TOKEN")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate(records=60, seed=404, work=tmp_path_factory.mktemp("eval"))


def test_gold_spans_point_at_the_planted_values():
    for conv in make_eval_corpus(20, seed=1):
        for gold in conv.gold:
            text = conv.record[gold.field] if "." not in gold.field else \
                conv.record["custom_data_fields"][gold.field.split(".", 1)[1]]
            assert text[gold.start:gold.end] == gold.value


def test_leak_check_sees_spoken_and_written_values():
    assert leaked("PHONE", "four one five five five five two six seven one",
                  "call 415 555 2671")
    assert leaked("PHONE", "(415) 555-2671", "it's four one five five five two six seven one")
    assert not leaked("PHONE", "(415) 555-2671", "it's PHONE#k1:aaaaaaaaaaaaaaaaaaaaaaaaaa")
    assert leaked("PERSON", "priya patel", "thanks Patel")


def test_no_structured_identifier_leaks_in_any_format(result):
    for kind, rate in result["leak_rate"].items():
        if kind.split("/")[0] in STRUCTURED:
            assert rate == 0, kind


def test_names_addresses_and_birth_dates_stay_within_targets(result):
    rates = result["leak_rate"]
    assert rates.get("PERSON/speech", 0) <= 0.03 and rates.get("PERSON", 0) <= 0.01
    assert max(rates.get("ADDRESS", 0), rates.get("ADDRESS/speech", 0)) <= 0.05
    assert max(rates.get("DOB", 0), rates.get("DOB/speech", 0)) <= 0.02


def test_ordinary_words_survive_and_every_record_is_accounted_for(result):
    assert result["over_redaction"] <= 0.03
    s = result["summary"]
    assert s["records_read"] == 60 == (s["records_written"] + s["records_quarantined"]
                                      + s["records_dead_lettered"])
    assert any(k.endswith("-> fr") for k in result["language_choice"])
